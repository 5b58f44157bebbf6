import { formatIsoDuration } from '@backstage-itsm/plugin-itsm-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceOfferingEntity } from '@backstage-itsm/plugin-itsm-common';

/** The offering's name for people: its title, else its name. */
export function offeringTitle(entity: ServiceOfferingEntity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/**
 * A ref written in the offering's spec as the catalog resolves it (kind and namespace
 * may be left out), in the lower-case form the backend stores; undefined if malformed.
 */
export function specRef(
  entity: ServiceOfferingEntity,
  ref: string | undefined,
  defaultKind: 'group' | 'component',
): string | undefined {
  if (!ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** The groups of an `availableFor` / `notAvailableFor` list, resolved. */
function groupRefs(entity: ServiceOfferingEntity, list?: string[]): string[] {
  return (list ?? [])
    .map(ref => specRef(entity, ref, 'group'))
    .filter((ref): ref is string => !!ref);
}

/**
 * Why the signed-in user (with these ownership refs) may not order the offering, or
 * undefined when they may: the server refuses the same (`availableFor` /
 * `notAvailableFor`).
 */
export function unavailableReason(
  entity: ServiceOfferingEntity,
  ownershipEntityRefs: string[],
): string | undefined {
  const mine = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
  const { availableFor, notAvailableFor } = entity.spec;
  const allowed = groupRefs(entity, availableFor);
  if (availableFor && !allowed.some(group => mine.includes(group))) {
    return `Only members of ${allowed.join(', ')} may order it.`;
  }
  const excluded = groupRefs(entity, notAvailableFor).filter(group =>
    mine.includes(group),
  );
  if (excluded.length > 0) {
    return `Members of ${excluded.join(', ')} may not order it.`;
  }
  return undefined;
}

/**
 * An ISO-8601 duration for people: `P2D` → `2 days`, `PT8H` → `8 hours`, `P1DT12H` →
 * `1 day 12 hours`; anything else unchanged (itsm-common's one duration reader).
 */
export const formatDuration = formatIsoDuration;

/** Catalog filters for the offerings provided by a CI (by relation, or as written). */
export function providedByFilter(
  entityRef: string,
): Array<Record<string, string>> {
  return [
    { kind: 'ServiceOffering', 'relations.providedBy': entityRef },
    { kind: 'ServiceOffering', 'spec.providedBy': entityRef },
  ];
}
