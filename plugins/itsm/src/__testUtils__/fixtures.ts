import {
  ApprovalQueueItem,
  ApprovalStep,
  Change,
  Incident,
  KnownError,
  MajorIncidentBanner,
  MyWork,
  Problem,
  ProblemCandidate,
  ProblemKpis,
  RecordSla,
  ServiceOfferingEntity,
  ServiceRequest,
  SlaComplianceReport,
  SlaSummary,
  SlaTimer,
  SlaTimerCycle,
  SlaTimerSummary,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { http, HttpResponse } from 'msw';
import { BlastRadius, ItsmClient, ProblemCandidates } from '../api';

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
    problem: null,
    major: null,
    parent: null,
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
      // Where the backend routed it, when not to the CI's owner group.
      body: 'component:default/payments-api is owned by the user user:default/dave, not a group: routed to group:default/platform-team',
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
    problem: null,
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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An ISO time `ms` from now (negative: in the past). */
export const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

/** One cycle of a timer: running since 2h 10m with 1h 50m to go, by default. */
export function makeSlaCycle(
  overrides: Partial<SlaTimerCycle> = {},
): SlaTimerCycle {
  return {
    startedAt: fromNow(-130 * MINUTE),
    stoppedAt: null,
    elapsed: 130 * MINUTE,
    status: 'running',
    dueAt: fromNow(110 * MINUTE),
    thresholdsCrossed: [],
    pauses: [],
    explanation: [
      {
        at: fromNow(-130 * MINUTE),
        event: 'started',
        state: 'new',
        seq: 1,
      },
    ],
    ...overrides,
  };
}

/**
 * A timer of one cycle (or of `cycles`; its top-level fields are then the last one's),
 * a resolution target of 4h by default.
 */
export function makeSlaTimer(
  overrides: Partial<SlaTimer> = {},
  cycles: SlaTimerCycle[] = [
    makeSlaCycle({
      ...(overrides.elapsed !== undefined && { elapsed: overrides.elapsed }),
      ...(overrides.status && { status: overrides.status }),
      ...(overrides.dueAt !== undefined && { dueAt: overrides.dueAt }),
    }),
  ],
): SlaTimer {
  const current = cycles[cycles.length - 1];
  return {
    metric: 'resolution',
    target: 4 * HOUR,
    elapsed: current.elapsed,
    status: current.status,
    dueAt: current.dueAt,
    thresholdsCrossed: current.thresholdsCrossed,
    cycles,
    explanation: cycles.flatMap(cycle => cycle.explanation),
    ...overrides,
  };
}

/** The SLA of a P1 incident: a met response and a running resolution timer. */
export function makeRecordSla(overrides: Partial<RecordSla> = {}): RecordSla {
  return {
    policy: {
      name: 'P1 incidents, around the clock',
      calendar: '24x7',
      targets: { response: 'PT15M', resolution: 'PT4H' },
      warningThresholds: [0.5, 0.75],
      pauseStates: ['on_hold'],
    },
    timers: [
      makeSlaTimer({
        metric: 'response',
        target: 15 * MINUTE,
        elapsed: 10 * MINUTE,
        status: 'met',
        dueAt: null,
      }),
      makeSlaTimer(),
    ],
    evaluatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** No policy applies: no timers. */
export const NO_SLA: RecordSla = {
  policy: null,
  timers: [],
  evaluatedAt: '2025-11-20T09:00:00.000Z',
};

/** A stored timer with its record, as lists return it: at risk by default. */
export function makeTimerSummary(
  overrides: Partial<SlaTimerSummary> = {},
): SlaTimerSummary {
  return {
    recordId: '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0001',
    number: 'INC-000001',
    kind: 'incident',
    title: 'Payments API returns 500',
    state: 'in_progress',
    priority: 'P1',
    entityRef: 'component:default/payments',
    assignee: 'user:default/alice',
    assignmentGroup: 'group:default/payments-team',
    metric: 'resolution',
    cycle: 1,
    policyName: 'P1 incidents, around the clock',
    status: 'at_risk',
    target: 4 * HOUR,
    elapsed: 3 * HOUR,
    startedAt: fromNow(-3 * HOUR),
    stoppedAt: null,
    dueAt: fromNow(HOUR),
    breachedAt: null,
    evaluatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A breached timer of another incident, 35 minutes over. */
export function makeBreachedSummary(
  overrides: Partial<SlaTimerSummary> = {},
): SlaTimerSummary {
  return makeTimerSummary({
    recordId: 'r-breached',
    number: 'INC-000002',
    title: 'Checkout times out',
    status: 'breached',
    elapsed: 4 * HOUR + 35 * MINUTE,
    dueAt: fromNow(-35 * MINUTE),
    breachedAt: fromNow(-35 * MINUTE),
    ...overrides,
  });
}

/** 13 weeks of trend, the last one at 90 %. */
function makeTrend(): SlaSummary['trend'] {
  const monday = new Date('2025-11-24T00:00:00.000Z').getTime();
  return Array.from({ length: 13 }, (_, i) => {
    const met = i === 3 ? 0 : 9;
    const breached = i === 3 ? 0 : 1;
    return {
      weekStart: new Date(monday - (12 - i) * 7 * 24 * HOUR).toISOString(),
      met,
      breached,
      compliance: met + breached === 0 ? null : met / (met + breached),
    };
  });
}

export function makeSlaSummary(
  overrides: Partial<SlaSummary> = {},
): SlaSummary {
  return {
    compliance30: { met: 23, breached: 2, compliance: 23 / 25 },
    compliance90: { met: 80, breached: 20, compliance: 0.8 },
    openBreaches: [makeBreachedSummary()],
    openBreachCount: 1,
    atRisk: [makeTimerSummary()],
    atRiskCount: 1,
    mttaMs: 12 * MINUTE,
    mttrMs: 5 * HOUR + 30 * MINUTE,
    trend: makeTrend(),
    ...overrides,
  };
}

/** By group: the worst first, as the server sorts, and one row without a group. */
export function makeComplianceReport(
  overrides: Partial<SlaComplianceReport> = {},
): SlaComplianceReport {
  return {
    groupBy: 'group',
    days: 30,
    rows: [
      {
        key: 'group:default/payments-team',
        met: 6,
        breached: 4,
        compliance: 0.6,
        openBreaches: 2,
        atRisk: 1,
        mttaMs: 20 * MINUTE,
        mttrMs: 6 * HOUR,
      },
      {
        key: 'group:default/team-storefront',
        met: 19,
        breached: 1,
        compliance: 0.95,
        openBreaches: 0,
        atRisk: 0,
        mttaMs: 5 * MINUTE,
        mttrMs: 2 * HOUR,
      },
      {
        key: null,
        met: 0,
        breached: 0,
        compliance: null,
        openBreaches: 0,
        atRisk: 0,
        mttaMs: null,
        mttrMs: null,
      },
    ],
    changeSuccess: [
      {
        key: 'group:default/payments-team',
        closed: 4,
        successful: 2,
        successfulWithIssues: 1,
        unsuccessful: 0,
        backedOut: 1,
        successRate: 0.75,
      },
    ],
    ...overrides,
  };
}

export const PROBLEM_ID = '7c3e9b1a-4d2f-4e8a-b6c5-1f2e3d4c0012';

/** A problem in root cause analysis on payments: its cause found, no workaround yet. */
export function makeProblem(overrides: Partial<Problem> = {}): Problem {
  return {
    id: PROBLEM_ID,
    number: 'PRB-000012',
    kind: 'problem',
    title: 'Connection pool exhaustion under load',
    description: '',
    state: 'root_cause_analysis',
    entityRef: 'component:default/payments',
    affectedEntityRefs: ['resource:default/payments-db'],
    requester: 'user:default/alice',
    assignee: null,
    assignmentGroup: 'group:default/payments-team',
    priority: 'P2',
    createdAt: new Date(Date.now() - 5 * 24 * 3600_000).toISOString(),
    updatedAt: new Date(Date.now() - 3600_000).toISOString(),
    version: 3,
    impact: 1,
    urgency: 2,
    symptoms: 'Checkout returns 500 at peak',
    rootCause: 'The pool is sized for 20 connections',
    workaround: null,
    knownError: false,
    knownErrorAt: null,
    resolutionCode: null,
    resolutionNotes: null,
    resolvedAt: null,
    closedAt: null,
    incidentCount: 2,
    ...overrides,
  };
}

/** A known error of the database payments depends on, found through payments. */
export function makeKnownError(
  overrides: Partial<KnownError> = {},
): KnownError {
  return {
    id: '7c3e9b1a-4d2f-4e8a-b6c5-1f2e3d4c0007',
    number: 'PRB-000007',
    title: 'Replica lag after failover',
    state: 'fix_in_progress',
    entityRef: 'resource:default/payments-db',
    symptoms: 'Stale balances for a few minutes',
    rootCause: 'Failover promotes a lagging replica',
    workaround: 'Restart the payments pods after a failover',
    knownErrorAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
    matchedEntityRef: 'resource:default/payments-db',
    ...overrides,
  };
}

export function makeCandidate(
  overrides: Partial<ProblemCandidate> = {},
): ProblemCandidate {
  return {
    entityRef: 'component:default/payments',
    incidentCount: 3,
    incidents: ['INC-000009', 'INC-000008', 'INC-000005'],
    firstAt: '2025-11-02T10:00:00.000Z',
    lastAt: '2025-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function makeCandidates(items: ProblemCandidate[]): ProblemCandidates {
  return { items, minIncidents: 3, days: 30 };
}

export function makeProblemKpis(
  overrides: Partial<ProblemKpis> = {},
): ProblemKpis {
  return {
    openProblems: 4,
    knownErrors: 1,
    incidents: 40,
    linkedIncidentShare: 0.25,
    medianOpenAgeMs: 6 * 24 * 3600_000,
    days: 90,
    ...overrides,
  };
}

/** alice's queues: two incidents and a problem assigned to her, her group's records. */
export function makeMyWork(overrides: Partial<MyWork> = {}): MyWork {
  return {
    assignedToMe: { incident: 2, change: 0, request: 0, problem: 1 },
    myGroups: { incident: 5, change: 3, request: 4, problem: 2 },
    awaitingMyApproval: 1,
    toFulfil: 4,
    breachingSoon: 3,
    horizonHours: 4,
    groups: ['group:default/sre'],
    ...overrides,
  };
}

/**
 * The blast radius of payments-db: the payments API depends on it (owned by the
 * payments team, in the payments system), checkout consumes the API (another owner).
 */
export function makeBlastRadius(
  overrides: Partial<BlastRadius> = {},
): BlastRadius {
  return {
    cis: ['resource:default/payments-db'],
    impacted: [
      {
        entityRef: 'component:default/payments-api',
        kind: 'Component',
        title: 'Payments API',
        owner: 'group:default/payments-team',
        tier: 'tier-1',
        system: 'system:default/payments',
        origin: 'resource:default/payments-db',
        path: [
          {
            relation: 'dependencyOf',
            entityRef: 'component:default/payments-api',
          },
        ],
      },
      {
        entityRef: 'component:default/checkout',
        kind: 'Component',
        owner: 'group:default/web-team',
        system: 'system:default/shop',
        origin: 'resource:default/payments-db',
        path: [
          {
            relation: 'dependencyOf',
            entityRef: 'component:default/payments-api',
          },
          {
            relation: 'apiConsumedBy',
            entityRef: 'component:default/checkout',
          },
        ],
      },
    ],
    truncated: false,
    limits: { maxDepth: 4, maxEntities: 200 },
    ...overrides,
  };
}

/** An accepted major incident on payments with a stakeholder update. */
export function makeMajorBanner(
  overrides: Partial<MajorIncidentBanner> = {},
): MajorIncidentBanner {
  return {
    id: '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0001',
    number: 'INC-000001',
    title: 'Payments API returns 500',
    state: 'in_progress',
    priority: 'P1',
    entityRef: 'component:default/payments',
    acceptedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    childCount: 2,
    latestUpdate: {
      body: 'Failover in progress; next update at 10:00',
      at: new Date(Date.now() - 600_000).toISOString(),
      actor: 'user:default/alice',
    },
    ...overrides,
  };
}

/** Answers the blast radius of any record (the record pages load it). */
export const impactHandler = http.get(`${BASE_URL}/:kinds/:id/impact`, () =>
  HttpResponse.json(makeBlastRadius()),
);
