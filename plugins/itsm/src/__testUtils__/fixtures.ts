import {
  ApprovalQueueItem,
  ApprovalStep,
  Change,
  Incident,
  ServiceOfferingEntity,
  ServiceRequest,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmClient } from '../api';

// Test data and a client wired to the msw handlers; used by the tests only.

export const BASE_URL = 'http://localhost:7007/api/itsm';

export function makeClient(): ItsmClient {
  return new ItsmClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0001',
    number: 'INC-000001',
    kind: 'incident',
    title: 'Payments API returns 500',
    description: 'Checkout fails for **all** users',
    state: 'new',
    entityRef: 'component:default/payments',
    affectedEntityRefs: [],
    requester: 'user:default/bob',
    assignee: null,
    assignmentGroup: 'group:default/payments-team',
    priority: 'P2',
    createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    updatedAt: new Date(Date.now() - 3600_000).toISOString(),
    version: 7,
    impact: 1,
    urgency: 2,
    holdReason: null,
    resolutionCode: null,
    resolutionNotes: null,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    causedByChange: null,
    ...overrides,
  };
}

export function makeTimeline(recordId: string): TimelineEntry[] {
  const at = new Date(Date.now() - 3600_000).toISOString();
  return [
    {
      id: 't1',
      recordId,
      seq: 1,
      type: 'created',
      actor: 'user:default/bob',
      at,
    },
    {
      id: 't2',
      recordId,
      seq: 2,
      type: 'field_changed',
      actor: 'user:default/alice',
      at,
      changes: [{ field: 'urgency', from: 3, to: 2 }],
    },
    {
      id: 't3',
      recordId,
      seq: 3,
      type: 'comment',
      actor: 'user:default/alice',
      at,
      body: 'We are looking into it',
    },
    {
      id: 't4',
      recordId,
      seq: 4,
      type: 'work_note',
      actor: 'user:default/alice',
      at,
      body: 'DB pool exhausted on node 3',
    },
  ];
}

export const CHANGE_ID = '5f1c2a7e-8d3b-4c6a-9e2f-0a1b2c3d0003';

export function makeChange(overrides: Partial<Change> = {}): Change {
  return {
    id: CHANGE_ID,
    number: 'CHG-000003',
    kind: 'change',
    title: 'Rotate payments DB credentials',
    description: 'Quarterly rotation',
    state: 'draft',
    entityRef: 'component:default/payments',
    affectedEntityRefs: [],
    requester: 'user:default/bob',
    assignee: null,
    assignmentGroup: 'group:default/payments-team',
    priority: 'P3',
    createdAt: '2025-11-20T09:00:00.000Z',
    updatedAt: '2025-11-20T09:00:00.000Z',
    version: 4,
    type: 'normal',
    risk: 'moderate',
    plannedStart: '2025-11-24T22:00:00.000Z',
    plannedEnd: '2025-11-24T23:00:00.000Z',
    implementationPlan: 'Rotate with vault',
    backoutPlan: 'Restore the old secret',
    testPlan: 'Checkout smoke test',
    actualStart: null,
    actualEnd: null,
    closeCode: null,
    closeNotes: null,
    ...overrides,
  };
}

export function makeApprovalStep(
  overrides: Partial<ApprovalStep> = {},
): ApprovalStep {
  return {
    id: 'step-1',
    recordId: CHANGE_ID,
    round: 1,
    stage: 1,
    stageName: 'CI owners',
    eligibleGroups: ['group:default/payments-team'],
    reason: 'owner of component:default/payments',
    state: 'pending',
    decidedBy: null,
    decidedAt: null,
    comment: null,
    createdAt: '2025-11-21T09:00:00.000Z',
    ...overrides,
  };
}

/** An open approval step of a change or request, as the queue returns it. */
export function makeQueueItem(
  record: Change | ServiceRequest = makeChange({ state: 'authorize' }),
  step: ApprovalStep = makeApprovalStep(),
): ApprovalQueueItem {
  return {
    step,
    record: {
      id: record.id,
      number: record.number,
      kind: record.kind,
      title: record.title,
      state: record.state,
      requester: record.requester,
      entityRef: record.entityRef,
    },
  };
}

export const REQUEST_ID = '9a8b7c6d-1e2f-4a5b-8c7d-0e1f2a3b0005';

export function makeRequest(
  overrides: Partial<ServiceRequest> = {},
): ServiceRequest {
  return {
    id: REQUEST_ID,
    number: 'REQ-000005',
    kind: 'request',
    title: 'New PostgreSQL database',
    description: '',
    state: 'approved',
    entityRef: 'resource:default/postgres-cluster',
    affectedEntityRefs: [],
    requester: 'user:default/bob',
    assignee: null,
    assignmentGroup: 'group:default/dba',
    priority: 'P3',
    createdAt: '2025-11-20T09:00:00.000Z',
    updatedAt: '2025-11-20T09:00:00.000Z',
    version: 3,
    offeringRef: 'serviceoffering:default/new-postgres-database',
    offeringTitle: 'New PostgreSQL database',
    parameters: {
      name: 'orders_db',
      size: 'medium',
      owningTeam: 'group:default/team-payments',
      backups: true,
      retentionDays: 7,
    },
    dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    fulfillmentTarget: 'P2D',
    fulfilledAt: null,
    resolutionNote: null,
    ...overrides,
  };
}

/** A ServiceOffering entity as the catalog returns it. */
export function makeOffering(
  name: string,
  overrides: {
    title?: string;
    description?: string;
    spec?: Partial<ServiceOfferingEntity['spec']>;
  } = {},
): ServiceOfferingEntity {
  const spec: ServiceOfferingEntity['spec'] = {
    type: 'database',
    owner: 'group:default/dba',
    providedBy: 'resource:default/postgres-cluster',
    approval: 'owner',
    fulfillmentTarget: 'P2D',
    parameters: { type: 'object', properties: {} },
    ...overrides.spec,
  };
  return {
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ServiceOffering',
    metadata: {
      name,
      namespace: 'default',
      ...(overrides.title ? { title: overrides.title } : {}),
      ...(overrides.description ? { description: overrides.description } : {}),
    },
    spec,
    // As the catalog module emits it (the provider's ref resolved).
    relations: [{ type: 'providedBy', targetRef: spec.providedBy }],
  };
}

/** The demo database offering: text with a pattern, enum, boolean and integer fields. */
export const postgresOffering = makeOffering('new-postgres-database', {
  title: 'New PostgreSQL database',
  description: 'A database on the shared PostgreSQL cluster.',
  spec: {
    parameters: {
      type: 'object',
      required: ['name', 'size'],
      properties: {
        name: {
          title: 'Database name',
          description: 'Lower case letters, digits and underscores.',
          type: 'string',
          pattern: '^[a-z][a-z0-9_]{2,30}$',
        },
        size: {
          title: 'Size',
          type: 'string',
          enum: ['small', 'medium', 'large'],
          default: 'small',
        },
        backups: { title: 'Nightly backups', type: 'boolean', default: true },
        retentionDays: {
          title: 'Backup retention (days)',
          type: 'integer',
          minimum: 1,
          maximum: 35,
          default: 7,
        },
        notes: {
          title: 'Notes for the DBA',
          type: 'string',
          'ui:widget': 'textarea',
        },
      },
    },
  },
});

/** An access offering: approved by a list of groups, with a date and a long text. */
export const accessOffering = makeOffering('system-access', {
  title: 'Access to a system',
  description: 'A role in one of our systems, for a limited time.',
  spec: {
    type: 'access',
    owner: 'group:default/team-identity',
    providedBy: 'system:default/identity',
    approval: ['group:default/team-identity', 'group:default/security'],
    fulfillmentTarget: 'PT8H',
    parameters: {
      type: 'object',
      required: ['system', 'justification', 'until'],
      properties: {
        system: {
          title: 'System',
          type: 'string',
          enum: ['payments', 'storefront'],
        },
        justification: {
          title: 'Why do you need it?',
          type: 'string',
          minLength: 20,
        },
        until: { title: 'Until', type: 'string', format: 'date' },
      },
    },
  },
});

/** An environment offering without approval, with a multiple choice. */
export const environmentOffering = makeOffering('new-environment', {
  title: 'New environment',
  description: 'A short-lived environment on the platform.',
  spec: {
    type: 'environment',
    owner: 'platform-team',
    providedBy: 'system:default/platform',
    approval: 'none',
    fulfillmentTarget: 'P3D',
    parameters: {
      type: 'object',
      required: ['services'],
      properties: {
        services: {
          title: 'Services to deploy',
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', enum: ['payments-api', 'checkout-web'] },
        },
      },
    },
  },
});
