import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogReader } from './CatalogReader';
import { normalizeEntityRef } from '@backstage-itsm/plugin-itsm-common';

/** The annotation naming a CI's service tier (used by SLA and approval policies). */
export const TIER_ANNOTATION = 'itsm.backstage.io/tier';

/** What the catalog says about a set of CIs, for approvals, freezes and conflicts. */
export interface CiContext {
  refs: string[];
  /** Each CI with its owner group, when the catalog names one. */
  cis: Array<{ ref: string; owner?: string }>;
  tiers: string[];
  /** Systems the CIs are part of (or are). */
  systems: string[];
  /** Domains those systems are part of (or the CIs are). */
  domains: string[];
  /**
   * CIs one dependency away (either direction), each with why: "a depends on b".
   * The CIs themselves are not in it.
   */
  neighbours: Map<string, string>;
}

/** Where work goes when the catalog names no group for it (`itsm.routing`). */
export interface RoutingOptions {
  /**
   * The group that gets records and approval steps whose CI is owned by a user, by a
   * group that is not in the catalog, or by nobody.
   */
  fallbackGroup?: string;
}

/** A group (or user) a record or an approval step is routed to, and why if not the owner. */
export interface Routed {
  group: string | null;
  /** Said on the timeline when the work did not go to the CI's owner group. */
  note?: string;
}

/**
 * Configuration items are catalog entities: this reads them from the catalog, with
 * the caller's credentials, at the moment a record needs them.
 */
export class CatalogCis {
  constructor(
    private readonly catalog: CatalogReader,
    private readonly routing: RoutingOptions = {},
  ) {}

  get fallbackGroup(): string | undefined {
    return this.routing.fallbackGroup;
  }

  /**
   * Normalises and looks up the given refs; a malformed ref or one that is not in the
   * catalog is a 400 naming it and the field it came from.
   */
  async resolve(
    field: string,
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const normalized = refs.map(ref => {
      const canonical = normalizeEntityRef(ref);
      if (!canonical) {
        throw new InputError(
          `${field}: '${ref}' is not a valid entity ref; expected kind:namespace/name, e.g. component:default/payments`,
        );
      }
      return canonical;
    });
    if (normalized.length === 0) return [];
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: normalized },
      { credentials },
    );
    const missing = normalized.filter((_, i) => !items[i]);
    if (missing.length) {
      throw new InputError(
        `${field}: ${missing.join(', ')} ${
          missing.length === 1 ? 'is' : 'are'
        } not in the catalog`,
      );
    }
    return items as Entity[];
  }

  /** A single ref, normalised, checked against the catalog. */
  async resolveOne(
    field: string,
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const [entity] = await this.resolve(field, [ref], credentials);
    return entity;
  }

  /**
   * The refs a new record names, checked against the catalog: its CI, more CIs, the
   * assignment group (default: the CI's owner) and the assignee.
   */
  async resolveNewRecord(
    input: {
      entityRef: string;
      affectedEntityRefs?: string[];
      assignmentGroup?: string;
      assignee?: string;
    },
    credentials: BackstageCredentials,
  ) {
    const ci = await this.resolveOne('entityRef', input.entityRef, credentials);
    const updates = await this.resolveUpdates(
      { ...input, affectedEntityRefs: input.affectedEntityRefs ?? [] },
      credentials,
    );
    const routed: Routed = updates.assignmentGroup
      ? { group: updates.assignmentGroup }
      : await this.routeToGroup(
          CatalogCis.ownerOf(ci),
          CatalogCis.refOf(ci),
          credentials,
        );
    return {
      entityRef: CatalogCis.refOf(ci),
      ciTier: CatalogCis.storedTier(ci),
      affectedEntityRefs: updates.affectedEntityRefs!,
      assignmentGroup: routed.group,
      assignee: updates.assignee ?? null,
      routingNote: routed.note,
    };
  }

  /**
   * Which of the refs are groups and users in the catalog (refs that are neither, or
   * not there, are absent).
   */
  async principals(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, 'group' | 'user'>> {
    const unique = [...new Set(refs)];
    const result = new Map<string, 'group' | 'user'>();
    if (unique.length === 0) return result;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: unique, fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    unique.forEach((ref, i) => {
      const kind = items[i]?.kind.toLocaleLowerCase('en-US');
      if (kind === 'group' || kind === 'user') result.set(ref, kind);
    });
    return result;
  }

  /**
   * The group that works what a CI's owner owns: the owner when it is a group in the
   * catalog, else the fallback group, with a note saying why.
   */
  async routeToGroup(
    owner: string | undefined,
    ciRef: string,
    credentials: BackstageCredentials,
  ): Promise<Routed> {
    const kind = owner
      ? (await this.principals([owner], credentials)).get(owner)
      : undefined;
    if (owner && kind === 'group') return { group: owner };
    const why = CatalogCis.whyNotAGroup(owner, kind, ciRef);
    const fallback = this.routing.fallbackGroup;
    return fallback
      ? { group: fallback, note: `${why}: routed to ${fallback}` }
      : { group: null, note: `${why}, and no fallback group is configured` };
  }

  /**
   * Approval steps routed to principals that exist: a group in the catalog decides as
   * planned; a user (a CI owned by a person) decides together with the fallback group,
   * so that someone else can when the user is the requester or away; a group that is
   * not in the catalog is replaced by the fallback group. Each step's reason says so.
   * A step left with nobody is a 409 naming the config key.
   */
  async routeApprovers<
    S extends { stageName: string; eligibleGroups: string[]; reason: string },
  >(steps: S[], credentials: BackstageCredentials): Promise<S[]> {
    const kinds = await this.principals(
      steps.flatMap(s => s.eligibleGroups),
      credentials,
    );
    const fallback = this.routing.fallbackGroup;
    return steps.map(step => {
      const eligible: string[] = [];
      const notes: string[] = [];
      for (const ref of step.eligibleGroups) {
        const kind = kinds.get(ref);
        if (kind) eligible.push(ref);
        if (kind !== 'group')
          notes.push(
            kind === 'user'
              ? `${ref} is a user, not a group`
              : `${ref} is not a group in the catalog`,
          );
      }
      if (notes.length === 0) return step;
      if (!fallback && eligible.length === 0)
        throw new ConflictError(
          `${step.stageName} cannot be routed: ${notes.join(
            '; ',
          )}, and no fallback group is configured (itsm.routing.fallbackGroup)`,
        );
      return {
        ...step,
        eligibleGroups: [
          ...new Set([...eligible, ...(fallback ? [fallback] : [])]),
        ],
        reason: `${step.reason} (${notes.join('; ')}${
          fallback ? `: ${fallback} decides too` : ''
        })`,
      };
    });
  }

  private static whyNotAGroup(
    owner: string | undefined,
    kind: 'group' | 'user' | undefined,
    ciRef: string,
  ): string {
    if (!owner) return `The catalog names no owner of ${ciRef}`;
    if (kind === 'user')
      return `${ciRef} is owned by the user ${owner}, not a group`;
    return `${ciRef} is owned by ${owner}, which is not a group in the catalog`;
  }

  /**
   * The refs an update names, checked against the catalog. Absent fields stay
   * undefined (not changed); a null assignee stays null (unassign).
   */
  async resolveUpdates(
    input: {
      affectedEntityRefs?: string[];
      assignmentGroup?: string;
      assignee?: string | null;
    },
    credentials: BackstageCredentials,
  ) {
    // Work goes to people and groups: an assignee must be a user, a group a group.
    const one = async (field: string, ref: string, kind: 'user' | 'group') => {
      const entity = await this.resolveOne(field, ref, credentials);
      if (entity.kind.toLocaleLowerCase('en-US') !== kind)
        throw new InputError(
          `${field}: ${CatalogCis.refOf(entity)} is a ${
            entity.kind
          }, not a ${kind}`,
        );
      return CatalogCis.refOf(entity);
    };
    return {
      affectedEntityRefs:
        input.affectedEntityRefs &&
        (
          await this.resolve(
            'affectedEntityRefs',
            input.affectedEntityRefs,
            credentials,
          )
        ).map(CatalogCis.refOf),
      assignmentGroup:
        input.assignmentGroup &&
        (await one('assignmentGroup', input.assignmentGroup, 'group')),
      assignee:
        input.assignee === undefined || input.assignee === null
          ? input.assignee
          : await one('assignee', input.assignee, 'user'),
    };
  }

  /** A CI's service tier (annotation `itsm.backstage.io/tier`), if it has one. */
  static tierOf(entity: Entity): string | null {
    return entity.metadata.annotations?.[TIER_ANNOTATION] || null;
  }

  /**
   * The tier as a record stores it. Catalog data is not the caller's input, but it
   * must fit the column on every engine: a tier too long is a 409 naming the entity.
   */
  static storedTier(entity: Entity): string | null {
    const tier = CatalogCis.tierOf(entity);
    checkStorable(entity, `annotation ${TIER_ANNOTATION}`, tier, 64);
    return tier;
  }

  /** The owner of a CI: its ownedBy relation, else spec.owner read as a group ref. */
  static ownerOf(entity: Entity): string | undefined {
    const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
    if (relation) return relation.targetRef.toLocaleLowerCase('en-US');
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string' || !owner) return undefined;
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  }

  /**
   * Reads the CIs and what surrounds them in the catalog: owners, tiers, systems,
   * domains and direct dependencies in both directions.
   */
  async describe(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<CiContext> {
    const entities = await this.resolve('entityRef', refs, credentials);
    const own = entities.map(CatalogCis.refOf);
    const related = (entity: Entity, type: string, kind?: string) =>
      (entity.relations ?? [])
        .filter(r => r.type === type)
        .map(r => r.targetRef.toLocaleLowerCase('en-US'))
        .filter(ref => !kind || ref.startsWith(`${kind}:`));
    const systems = new Set<string>();
    const domains = new Set<string>();
    const neighbours = new Map<string, string>();
    for (const [i, entity] of entities.entries()) {
      const ref = own[i];
      const kind = entity.kind.toLocaleLowerCase('en-US');
      if (kind === 'system') systems.add(ref);
      if (kind === 'domain') domains.add(ref);
      related(entity, RELATION_PART_OF, 'system').forEach(s => systems.add(s));
      related(entity, RELATION_PART_OF, 'domain').forEach(d => domains.add(d));
      for (const target of related(entity, RELATION_DEPENDS_ON)) {
        if (!own.includes(target) && !neighbours.has(target))
          neighbours.set(target, `${ref} depends on ${target}`);
      }
      for (const source of related(entity, RELATION_DEPENDENCY_OF)) {
        if (!own.includes(source) && !neighbours.has(source))
          neighbours.set(source, `${source} depends on ${ref}`);
      }
    }
    const systemRefs = [...systems].filter(ref => !own.includes(ref));
    if (systemRefs.length) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: systemRefs },
        { credentials },
      );
      for (const system of items) {
        if (system)
          related(system, RELATION_PART_OF, 'domain').forEach(d =>
            domains.add(d),
          );
      }
    }
    const tiers = entities
      .map(CatalogCis.tierOf)
      .filter((t): t is string => !!t);
    return {
      refs: own,
      cis: entities.map((entity, i) => ({
        ref: own[i],
        owner: CatalogCis.ownerOf(entity),
      })),
      tiers: [...new Set(tiers)],
      systems: [...systems],
      domains: [...domains],
      neighbours,
    };
  }

  /**
   * The CI and the CIs it depends on (catalog `dependsOn`), as refs, the CI first; an
   * entity the caller cannot see in the catalog has no dependencies here.
   */
  async withDependencies(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [ref] },
      { credentials },
    );
    const dependencies = (items[0]?.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => r.targetRef.toLocaleLowerCase('en-US'))
      .filter(target => target !== ref);
    return [ref, ...new Set(dependencies)];
  }

  /** A system and the entities that are part of it (for "records of this system"). */
  async partsOf(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { 'relations.partOf': systemRef },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    return [systemRef, ...items.map(CatalogCis.refOf)];
  }

  /**
   * The system each CI is part of (a system is its own); CIs in no system, or not
   * in the catalog any more, map to null.
   */
  async systemsOf(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, string | null>> {
    const unique = [...new Set(refs)];
    const result = new Map<string, string | null>();
    if (unique.length === 0) return result;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: unique, fields: ['kind', 'metadata', 'relations'] },
      { credentials },
    );
    unique.forEach((ref, i) => {
      const entity = items[i];
      if (!entity) result.set(ref, null);
      else if (entity.kind.toLocaleLowerCase('en-US') === 'system')
        result.set(ref, ref);
      else
        result.set(
          ref,
          entity.relations
            ?.find(
              r =>
                r.type === RELATION_PART_OF &&
                r.targetRef.startsWith('system:'),
            )
            ?.targetRef.toLocaleLowerCase('en-US') ?? null,
        );
    });
    return result;
  }

  /** The groups a user is a member of, from the catalog's memberOf relations. */
  async groupsOf(
    userRef: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const user = await this.catalog.getEntityByRef(userRef, { credentials });
    return (user?.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef.toLocaleLowerCase('en-US'));
  }

  static refOf(entity: Entity): string {
    return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  }
}

/**
 * Catalog values a record stores must fit their columns the same on SQLite and
 * PostgreSQL; one that does not is the catalog's problem, answered with a 409 that
 * names the entity and the field.
 */
export function checkStorable(
  entity: Entity,
  field: string,
  value: string | null | undefined,
  max: number,
): void {
  if (value && value.length > max)
    throw new ConflictError(
      `${CatalogCis.refOf(
        entity,
      )}: ${field} is longer than ${max} characters; fix it in the catalog`,
    );
}
