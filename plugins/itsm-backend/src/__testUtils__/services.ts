import {
  DEFAULT_PRIORITY_MATRIX,
  FreezeWindow,
} from '@backstage-itsm/plugin-itsm-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { ApprovalEngine } from '../approvals/ApprovalEngine';
import { ApprovalStore } from '../approvals/ApprovalStore';
import { DEFAULT_APPROVAL_POLICY } from '../approvals/policy';
import { CatalogCis } from '../catalog/CatalogCis';
import { ChangeService } from '../changes/ChangeService';
import { ChangeStore } from '../changes/ChangeStore';
import { IncidentStore } from '../incidents/IncidentStore';
import { DEFAULT_PROBLEM_POLICY } from '../problems/ProblemService';
import { RecordStore } from '../records/RecordStore';
import { OfferingCatalog } from '../requests/offerings';
import { RequestService } from '../requests/RequestService';
import { RequestStore } from '../requests/RequestStore';
import { SlaClock } from '../sla/SlaClock';
import { createItsmServices, ItsmNotifiers } from '../services';
import { testEntities } from './catalog';
import { DEFAULT_BLAST_RADIUS_LIMITS } from '../impact/BlastRadius';
import { testSlaPolicies } from './sla';

/**
 * A change service on the test catalog with the default policy; platform and fallback
 * group = group:default/platform (unless `fallbackGroup: null`).
 */
export function createTestChangeService(
  knex: Knex,
  options: {
    freezeWindows?: FreezeWindow[];
    now?: () => Date;
    fallbackGroup?: string | null;
    oneStagePerApprover?: boolean;
  } = {},
): ChangeService {
  const records = new RecordStore(knex);
  return new ChangeService({
    records,
    changes: new ChangeStore(records),
    incidents: new IncidentStore(records),
    approvals: new ApprovalEngine(new ApprovalStore(knex), {
      oneStagePerApprover: options.oneStagePerApprover ?? true,
    }),
    cis: new CatalogCis(catalogServiceMock({ entities: testEntities }), {
      fallbackGroup:
        options.fallbackGroup === null
          ? undefined
          : options.fallbackGroup ?? 'group:default/platform',
    }),
    policy: {
      approvalPolicy: DEFAULT_APPROVAL_POLICY,
      platformGroup: 'group:default/platform',
      freezeWindows: options.freezeWindows ?? [],
    },
    now: options.now,
  });
}

/** A request service on the test catalog (with its service offerings). */
export function createTestRequestService(
  knex: Knex,
  options: { now?: () => Date; records?: RecordStore; sla?: SlaClock } = {},
): RequestService {
  const records = options.records ?? new RecordStore(knex);
  const catalog = catalogServiceMock({ entities: testEntities });
  return new RequestService({
    records,
    requests: new RequestStore(records),
    approvals: new ApprovalEngine(new ApprovalStore(knex)),
    offerings: new OfferingCatalog(catalog),
    cis: new CatalogCis(catalog),
    sla: options.sla,
    now: options.now,
  });
}

/**
 * Builds the plugin's services over a record store (e.g. a transaction's) on a catalog
 * of the given entities, with the default approval policy and the test SLA policies.
 */
export const testServicesOver =
  (
    entities = testEntities,
    overrides: Partial<Parameters<typeof createItsmServices>[0]['config']> = {},
  ) =>
  (records: RecordStore, notifiers: ItsmNotifiers = {}) =>
    createItsmServices({
      records,
      config: {
        priorityMatrix: DEFAULT_PRIORITY_MATRIX,
        majorIncidentGroup: 'group:default/platform',
        changes: {
          approvalPolicy: DEFAULT_APPROVAL_POLICY,
          platformGroup: 'group:default/platform',
          freezeWindows: [],
        },
        sla: { calendars: {}, policies: testSlaPolicies },
        routing: { fallbackGroup: 'group:default/platform' },
        approvals: { oneStagePerApprover: true },
        problems: DEFAULT_PROBLEM_POLICY,
        impact: DEFAULT_BLAST_RADIUS_LIMITS,
        ...overrides,
      },
      catalog: catalogServiceMock({ entities }),
      notifiers,
    });
