import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  BlastRadius,
  BlastRadiusLimits,
  ImpactedEntity,
  ImpactStep,
  SPREADING_RELATIONS,
  SpreadingRelation,
} from '@backstage-itsm/plugin-itsm-common';
import {
  Entity,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogCis } from '../catalog/CatalogCis';
import { CatalogReader } from '../catalog/CatalogReader';

/** `itsm.impact`: the limits, and whether owners are told of new P1/P2 incidents. */
export interface BlastRadiusSettings extends BlastRadiusLimits {
  /** Tell the owners of what a new P1 or P2 incident impacts. */
  notifyOwners?: boolean;
}

export const DEFAULT_BLAST_RADIUS_LIMITS: BlastRadiusSettings = {
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
    private readonly limits: BlastRadiusSettings = DEFAULT_BLAST_RADIUS_LIMITS,
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
