import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogCis } from '../catalog/CatalogCis';
import { CatalogReader } from '../catalog/CatalogReader';

/**
 * The relations along which an outage spreads, each read on the entity that is down
 * and naming one it impacts: what depends on it, the system or domain it is part of,
 * the API it provides, and — from an API — whoever consumes it.
 */
export const SPREADING_RELATIONS = [
  RELATION_DEPENDENCY_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  RELATION_API_CONSUMED_BY,
] as const;

export type SpreadingRelation = (typeof SPREADING_RELATIONS)[number];

/** One step of the way an entity is impacted: over `relation` to `entityRef`. */
export interface ImpactStep {
  relation: SpreadingRelation;
  entityRef: string;
}

/** An entity impacted through a record's CIs, with the way it is. */
export interface ImpactedEntity {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  tier?: string;
  /** The system it is part of (or is). */
  system?: string;
  /** The CI it is impacted through, and the steps from there (shortest way). */
  origin: string;
  path: ImpactStep[];
}

/** What a record's CIs impact, computed from the catalog now. */
export interface BlastRadius {
  /** The record's own CIs (named by the reporter), kept apart from what is derived. */
  cis: string[];
  impacted: ImpactedEntity[];
  /** More would be impacted beyond the configured depth or size. */
  truncated: boolean;
  limits: BlastRadiusLimits;
}

/** `itsm.impact`: how far the blast radius is followed. */
export interface BlastRadiusLimits {
  /** Steps from a CI at the most. */
  maxDepth: number;
  /** Impacted entities at the most. */
  maxEntities: number;
  /** Tell the owners of what a new P1 or P2 incident impacts. */
  notifyOwners?: boolean;
}

export const DEFAULT_BLAST_RADIUS_LIMITS: BlastRadiusLimits = {
  maxDepth: 6,
  maxEntities: 1000,
};

/** Catalog reads per request: refs are read in chunks of this many. */
const BATCH = 200;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Computes the blast radius of a set of CIs from the catalog: breadth first, one
 * batched catalog read per level, each entity once (a cycle neither hangs nor repeats),
 * bounded by depth and size. Reads are made with the caller's credentials: an entity
 * they may not see is not in their answer, nor what is impacted only through it.
 */
export class BlastRadiusCalculator {
  constructor(
    private readonly catalog: CatalogReader,
    private readonly limits: BlastRadiusLimits = DEFAULT_BLAST_RADIUS_LIMITS,
  ) {}

  async of(
    cis: string[],
    credentials: BackstageCredentials,
  ): Promise<BlastRadius> {
    const { maxDepth, maxEntities } = this.limits;
    const own = [...new Set(cis.map(lower))];
    const ways = new Map<string, { origin: string; path: ImpactStep[] }>();
    const found = new Map<string, Entity>();
    const seen = new Set(own);
    let frontier = own;
    let truncated = false;
    for (let depth = 0; frontier.length; depth++) {
      const entities = await this.read(frontier, credentials);
      for (const [i, entity] of entities.entries())
        if (entity) found.set(frontier[i], entity);
      if (depth === maxDepth) {
        truncated = reachesBeyond(entities, seen);
        break;
      }
      const next: string[] = [];
      for (const [i, entity] of entities.entries()) {
        if (!entity) continue;
        const from = frontier[i];
        const way = ways.get(from) ?? { origin: from, path: [] };
        for (const step of spreadsFrom(entity)) {
          if (seen.has(step.entityRef)) continue;
          if (seen.size - own.length >= maxEntities) {
            truncated = true;
            break;
          }
          seen.add(step.entityRef);
          ways.set(step.entityRef, {
            origin: way.origin,
            path: [...way.path, step],
          });
          next.push(step.entityRef);
        }
      }
      frontier = next;
    }
    const impacted: ImpactedEntity[] = [];
    for (const [ref, way] of ways) {
      const entity = found.get(ref);
      if (entity) impacted.push({ ...describe(ref, entity), ...way });
    }
    return {
      cis: own,
      impacted,
      truncated,
      limits: { maxDepth, maxEntities },
    };
  }

  private async read(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Array<Entity | undefined>> {
    const out: Array<Entity | undefined> = [];
    for (let i = 0; i < refs.length; i += BATCH) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + BATCH) },
        { credentials },
      );
      out.push(...items.map(item => item ?? undefined));
    }
    return out;
  }
}

/** Whether any of `entities` impacts something not yet seen (the depth limit cut it). */
function reachesBeyond(
  entities: Array<Entity | undefined>,
  seen: Set<string>,
): boolean {
  return entities.some(
    e => e && spreadsFrom(e).some(step => !seen.has(step.entityRef)),
  );
}

/** The entities `entity` impacts, one step away, in a stable order. */
function spreadsFrom(entity: Entity): ImpactStep[] {
  return (entity.relations ?? [])
    .filter(r => (SPREADING_RELATIONS as readonly string[]).includes(r.type))
    .map(r => ({
      relation: r.type as SpreadingRelation,
      entityRef: lower(r.targetRef),
    }));
}

function describe(ref: string, entity: Entity) {
  const system =
    entity.kind.toLocaleLowerCase('en-US') === 'system'
      ? ref
      : entity.relations
          ?.find(
            r =>
              r.type === RELATION_PART_OF &&
              lower(r.targetRef).startsWith('system:'),
          )
          ?.targetRef.toLocaleLowerCase('en-US');
  return {
    entityRef: lower(stringifyEntityRef(entity)),
    kind: entity.kind.toLocaleLowerCase('en-US'),
    title: entity.metadata.title,
    owner: CatalogCis.ownerOf(entity),
    tier: CatalogCis.tierOf(entity) ?? undefined,
    system,
  };
}
