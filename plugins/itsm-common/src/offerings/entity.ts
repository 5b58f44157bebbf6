import { Entity } from '@backstage/catalog-model';

/** apiVersion of ITSM entity kinds. */
export const ITSM_API_VERSION = 'itsm.backstage.io/v1alpha1';
/** What teams offer to order, declared as code in their catalog files (docs/domain-rules.md §3). */
export const SERVICE_OFFERING_KIND = 'ServiceOffering';

/** Relation from an offering to the CI that provides it, and back. */
export const RELATION_PROVIDED_BY = 'providedBy';
export const RELATION_PROVIDES_OFFERING = 'providesOffering';

/**
 * Who approves a request for the offering: nobody, any member of the owner group, or
 * one member of each listed group (in order, as approval stages).
 */
export type OfferingApproval = 'none' | 'owner' | string[];

/** A JSON object, as entity specs hold them. */
type JsonObject = NonNullable<Entity['spec']>;

export type ServiceOfferingSpec = {
  /** Groups offerings on the service catalog page, e.g. database, access, environment. */
  type: string;
  /** The group that fulfils requests (a group ref). */
  owner: string;
  /** The CI that provides the offering (an entity ref). */
  providedBy: string;
  approval: OfferingApproval;
  /** ISO-8601 duration: the time to fulfil, the request's SLA target. */
  fulfillmentTarget: string;
  /** JSON Schema (an object schema) of the request form's parameters. */
  parameters: JsonObject;
  /** When set, only members of these groups may order. */
  availableFor?: string[];
  /** Members of these groups may not order. */
  notAvailableFor?: string[];
};

export interface ServiceOfferingEntity extends Entity {
  apiVersion: typeof ITSM_API_VERSION;
  kind: typeof SERVICE_OFFERING_KIND;
  spec: ServiceOfferingSpec;
}

export function isServiceOfferingEntity(
  entity: Entity,
): entity is ServiceOfferingEntity {
  return (
    entity.apiVersion === ITSM_API_VERSION &&
    entity.kind === SERVICE_OFFERING_KIND
  );
}
