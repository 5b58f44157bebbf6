import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeEntityRef } from '@backstage-itsm/plugin-itsm-common';

/**
 * Configuration items are catalog entities: this reads them from the catalog, with
 * the caller's credentials, at the moment a record needs them.
 */
export class CatalogCis {
  constructor(private readonly catalog: CatalogService) {}

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

  static refOf(entity: Entity): string {
    return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  }
}
