import {
  ApprovalQueueItem,
  ApprovalStep,
  Change,
  Incident,
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

export function makeQueueItem(
  change: Change = makeChange({ state: 'authorize' }),
  step: ApprovalStep = makeApprovalStep(),
): ApprovalQueueItem {
  return {
    step,
    record: {
      id: change.id,
      number: change.number,
      kind: 'change',
      title: change.title,
      state: change.state,
      requester: change.requester,
      entityRef: change.entityRef,
    },
  };
}
