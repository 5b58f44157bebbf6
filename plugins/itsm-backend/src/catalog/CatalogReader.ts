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
