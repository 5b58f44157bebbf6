import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { normalizeEntityRef } from '@backstage-itsm/plugin-itsm-common';

/** The ref the backend stores for an entity: canonical and lower-case. */
export function ciEntityRef(entity: Entity): string {
  const ref = stringifyEntityRef(entity);
  return normalizeEntityRef(ref) ?? ref.toLocaleLowerCase('en-US');
}
