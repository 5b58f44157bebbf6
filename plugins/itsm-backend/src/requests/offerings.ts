import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogReader } from '../catalog/CatalogReader';
import {
  isServiceOfferingEntity,
  normalizeEntityRef,
  RequestParameters,
  ServiceOfferingEntity,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { PlannedStep } from '../approvals/policy';
import { CatalogCis, checkStorable } from '../catalog/CatalogCis';

/** An offering as a request needs it: refs resolved, the form's validator compiled. */
export interface Offering {
  ref: string;
  title: string;
  owner: string;
  providedBy: string;
  approval: 'none' | 'owner' | string[];
  fulfillmentTarget: string;
  entity: ServiceOfferingEntity;
}

/**
 * Service offerings are read from the catalog, where teams declare them as code (the
 * catalog module validates them on ingestion); this side validates what is ordered.
 */
export class OfferingCatalog {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly catalog: CatalogReader) {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
  }

  async get(ref: string, credentials: BackstageCredentials): Promise<Offering> {
    const normalized = normalizeEntityRef(ref);
    const entity =
      normalized &&
      (await this.catalog.getEntityByRef(normalized, { credentials }));
    if (!entity || !isServiceOfferingEntity(entity)) {
      throw new InputError(
        `offeringRef: ${ref} is not a service offering in the catalog`,
      );
    }
    const namespace = entity.metadata.namespace ?? 'default';
    const { spec } = entity;
    const ref_ = (value: string, defaultKind: string) =>
      stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
      ).toLocaleLowerCase('en-US');
    const title = entity.metadata.title ?? entity.metadata.name;
    // A request keeps the offering's title (its default title) and target.
    checkStorable(entity, 'metadata.title', title, TEXT_LIMITS.title);
    checkStorable(entity, 'spec.fulfillmentTarget', spec.fulfillmentTarget, 32);
    return {
      ref: CatalogCis.refOf(entity),
      title,
      owner: CatalogCis.ownerOf(entity)!,
      providedBy: ref_(spec.providedBy, 'component'),
      approval: Array.isArray(spec.approval)
        ? spec.approval.map(group => ref_(group, 'group'))
        : spec.approval,
      fulfillmentTarget: spec.fulfillmentTarget,
      entity,
    };
  }

  /** Who may order: `availableFor` (if set) and not `notAvailableFor`. */
  checkAvailable(offering: Offering, ownershipEntityRefs: string[]) {
    const mine = ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US'));
    const namespace = offering.entity.metadata.namespace ?? 'default';
    const groups = (list?: string[]) =>
      (list ?? []).map(g =>
        stringifyEntityRef(
          parseEntityRef(g, {
            defaultKind: 'group',
            defaultNamespace: namespace,
          }),
        ).toLocaleLowerCase('en-US'),
      );
    const { availableFor, notAvailableFor } = offering.entity.spec;
    const allowed = groups(availableFor);
    if (availableFor && !allowed.some(g => mine.includes(g)))
      throw new NotAllowedError(
        `${offering.title} is only available to members of ${allowed.join(
          ', ',
        )}`,
      );
    const excluded = groups(notAvailableFor).filter(g => mine.includes(g));
    if (excluded.length)
      throw new NotAllowedError(
        `${offering.title} is not available to members of ${excluded.join(
          ', ',
        )}`,
      );
  }

  /**
   * Validates parameters against the offering's JSON Schema; every problem is named by
   * its field (400). Compiled validators are kept per schema.
   */
  validateParameters(offering: Offering, parameters: RequestParameters) {
    const schema = offering.entity.spec.parameters;
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    if (!validate(parameters)) {
      throw new InputError(
        (validate.errors ?? []).map(describeError).join('; '),
      );
    }
  }

  /** The approval steps the offering asks for: its owner group, or each listed group in turn. */
  static approvalSteps(offering: Offering): PlannedStep[] {
    if (offering.approval === 'none') return [];
    if (offering.approval === 'owner')
      return [
        {
          stage: 1,
          stageName: 'Owner approval',
          eligibleGroups: [offering.owner],
          reason: `owner of ${offering.ref}`,
        },
      ];
    return offering.approval.map((group, i) => ({
      stage: i + 1,
      stageName: `Approval ${i + 1} of ${
        (offering.approval as string[]).length
      }`,
      eligibleGroups: [group],
      reason: `named by ${offering.ref}`,
    }));
  }
}

/** "parameters.size must be one of: small, medium, large" and the like. */
function describeError(error: ErrorObject): string {
  const path = `parameters${error.instancePath
    .split('/')
    .slice(1)
    .map(part => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')}`;
  switch (error.keyword) {
    case 'required':
      return `${path}.${error.params.missingProperty} is required`;
    case 'additionalProperties':
      return `${path}.${error.params.additionalProperty} is not a field of this form`;
    case 'enum':
      return `${path} must be one of: ${(
        error.params.allowedValues as unknown[]
      ).join(', ')}`;
    default:
      return `${path} ${error.message}`;
  }
}
