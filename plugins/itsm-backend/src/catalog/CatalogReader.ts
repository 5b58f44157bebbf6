import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The catalog reads the ITSM plugin makes (a part of the catalog service). */
export type CatalogReader = Pick<
  CatalogService,
  'getEntitiesByRefs' | 'getEntityByRef' | 'getEntities'
>;

const keyOf = (ref: string) =>
  stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');

/**
 * The whole catalog read once, answering the plugin's reads from memory. For work that
 * must not call the catalog while it holds a database transaction: on SQLite the
 * transaction holds the plugin's only connection, which issuing and verifying the
 * plugin's service tokens needs as well. Meant for small catalogs (the demo's).
 */
export async function catalogSnapshot(
  catalog: CatalogReader,
  credentials: BackstageCredentials,
): Promise<CatalogReader> {
  const { items } = await catalog.getEntities({}, { credentials });
  const byRef = new Map<string, Entity>(
    items.map(entity => [keyOf(stringifyEntityRef(entity)), entity]),
  );
  const find = (ref: string) => {
    try {
      return byRef.get(keyOf(ref));
    } catch {
      return undefined; // not a ref: not in the catalog
    }
  };
  return {
    async getEntitiesByRefs(request) {
      return { items: request.entityRefs.map(find) };
    },
    async getEntityByRef(ref) {
      return find(typeof ref === 'string' ? ref : stringifyEntityRef(ref));
    },
    async getEntities(request) {
      // Only the filter the plugin uses: { 'relations.<type>': ref }.
      const filters = Object.entries(
        (request?.filter ?? {}) as Record<string, string>,
      );
      return {
        items: items.filter(entity =>
          filters.every(([key, value]) => {
            const type = key.replace(/^relations\./, '');
            return (entity.relations ?? []).some(
              r =>
                r.type.toLocaleLowerCase('en-US') ===
                  type.toLocaleLowerCase('en-US') &&
                r.targetRef.toLocaleLowerCase('en-US') ===
                  String(value).toLocaleLowerCase('en-US'),
            );
          }),
        ),
      };
    },
  };
}

/** How long a catalog entity read for a caller is reused. */
const CACHE_MS = 15_000;
const CACHE_MAX = 10_000;

/**
 * Reuses the entities a caller read from the catalog for a few seconds: a create reads
 * its CI, groups and users, and the next acts of the same person read them again. Kept
 * per caller (the catalog answers each with what they may see); misses are not kept,
 * so a new entity is found at once; an ownership change is seen within CACHE_MS.
 */
export class CachedCatalogReader implements CatalogReader {
  private readonly entries = new Map<
    string,
    { entity: Entity; until: number }
  >();

  constructor(
    private readonly catalog: CatalogReader,
    private readonly now: () => number = Date.now,
  ) {}

  async getEntitiesByRefs(
    request: Parameters<CatalogReader['getEntitiesByRefs']>[0],
    options: Parameters<CatalogReader['getEntitiesByRefs']>[1],
  ) {
    const who = callerOf(options.credentials);
    const keys = request.entityRefs.map(ref => cacheKey(who, ref));
    const found = keys.map(key => this.get(key));
    const missing = request.entityRefs.filter((_, i) => !found[i]);
    if (missing.length) {
      // Whole entities, whatever fields were asked for: they serve every later read.
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: missing },
        options,
      );
      let next = 0;
      request.entityRefs.forEach((_, i) => {
        if (found[i]) return;
        const entity = items[next++];
        if (!entity) return;
        found[i] = entity;
        this.set(keys[i], entity);
      });
    }
    return { items: found };
  }

  async getEntityByRef(
    ref: Parameters<CatalogReader['getEntityByRef']>[0],
    options: Parameters<CatalogReader['getEntityByRef']>[1],
  ) {
    const text = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
    const { items } = await this.getEntitiesByRefs(
      { entityRefs: [text] },
      options,
    );
    return items[0];
  }

  getEntities(
    request: Parameters<CatalogReader['getEntities']>[0],
    options: Parameters<CatalogReader['getEntities']>[1],
  ) {
    return this.catalog.getEntities(request, options);
  }

  private get(key: string | undefined): Entity | undefined {
    if (!key) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.entity;
  }

  private set(key: string | undefined, entity: Entity) {
    if (!key) return;
    if (this.entries.size >= CACHE_MAX) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { entity, until: this.now() + CACHE_MS });
  }
}

function callerOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/** The cache key of a ref read by a caller; undefined when it is not a ref. */
function cacheKey(caller: string, ref: string): string | undefined {
  try {
    return `${caller} ${keyOf(ref)}`;
  } catch {
    return undefined;
  }
}
