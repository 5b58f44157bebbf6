// Generated from plugins/itsm-backend/src/schema/openapi.yaml by
// plugins/itsm-backend/scripts/generate-openapi.js; do not edit.
/* eslint-disable */

/** A full catalog entity ref, kind:namespace/name. */
export type EntityRef = string;

/** 1 high, 2 medium, 3 low. */
export type Level = 1 | 2 | 3;

export type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

export type IncidentState =
  | 'new'
  | 'in_progress'
  | 'on_hold'
  | 'resolved'
  | 'closed'
  | 'canceled';

export type HoldReason =
  | 'awaiting_caller'
  | 'awaiting_change'
  | 'awaiting_problem'
  | 'awaiting_vendor';

export type ResolutionCode =
  | 'fixed'
  | 'workaround'
  | 'duplicate'
  | 'not_reproducible'
  | 'no_fault_found'
  | 'resolved_by_change';

export type Incident = {
  id: string;
  number: string;
  kind: 'incident';
  title: string;
  description: string;
  state: IncidentState;
  entityRef: string;
  affectedEntityRefs: string[];
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
  priority: Priority;
  createdAt: string;
  updatedAt: string;
  version: number;
  impact: Level;
  urgency: Level;
  holdReason: HoldReason | null;
  resolutionCode: ResolutionCode | null;
  resolutionNotes: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Number of the change that caused the incident. */
  causedByChange: string | null;
  /** Number of the problem behind the incident. */
  problem: string | null;
  major: MajorIncident | null;
  /** Number of the major incident this one is a child of. */
  parent: string | null;
};

/** A proposal to run the incident as a major incident, and its decision. */
export type MajorIncident = {
  state: 'proposed' | 'accepted' | 'rejected';
  /** Why it was proposed. */
  reason: string;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

export type MajorIncidentDecision = {
  /** Anyone who may work the incident proposes; a member of the major-incident group other than the proposer accepts or rejects. */
  action: 'propose' | 'accept' | 'reject';
  reason: string;
};

export type StakeholderUpdate = {
  body: string;
};

export type MajorIncidentBanners = {
  items: MajorIncidentBanner[];
};

export type MajorIncidentBanner = {
  id: string;
  number: string;
  title: string;
  state: IncidentState;
  priority: Priority;
  entityRef: string;
  acceptedAt: string;
  childCount: number;
  latestUpdate: null | {
    body: string;
    at: string;
    actor: string;
  };
};

export type IncidentPage = {
  items: Incident[];
  nextCursor?: string;
};

export type CreateIncident = {
  title: string;
  description?: string;
  entityRef: EntityRef;
  affectedEntityRefs?: EntityRef[];
  impact: Level;
  urgency: Level;
  assignee?: EntityRef;
  assignmentGroup?: EntityRef;
  /** Attaches the incident to this problem (id or number), e.g. a known error it matches. */
  problem?: string;
};

export type UpdateIncident = {
  version: number;
  title?: string;
  description?: string;
  affectedEntityRefs?: EntityRef[];
  impact?: Level;
  urgency?: Level;
  assignee?: EntityRef | null;
  assignmentGroup?: EntityRef;
  /** The id or number of the change that caused the incident; null unlinks. */
  causedByChange?: string | null;
  /** The id or number of the problem behind the incident; null unlinks. */
  problem?: string | null;
};

export type IncidentTransition = {
  version: number;
  to: IncidentState;
  holdReason?: HoldReason;
  resolutionCode?: ResolutionCode;
  resolutionNotes?: string;
  comment?: string;
  /** Resolving a major incident, resolve its open child incidents with its code and notes (one transaction). */
  resolveChildren?: boolean;
};

export type NewComment = {
  body: string;
  visibility: 'comment' | 'work_note';
};

export type TimelineEntry = {
  id: string;
  recordId: string;
  seq: number;
  type:
    | 'created'
    | 'field_changed'
    | 'state_changed'
    | 'comment'
    | 'work_note'
    | 'approval_requested'
    | 'approval_decided'
    | 'link_added'
    | 'link_removed'
    | 'workaround'
    | 'sla_warning'
    | 'sla_breached'
    | 'alert'
    | 'stakeholder_update'
    | 'gate_check';
  actor: string;
  at: string;
  body?: string;
  changes?: Array<{
    field: string;
    from?: unknown;
    to?: unknown;
  }>;
  fromState?: string;
  toState?: string;
  /** The other record the entry tells of; left out (with the entry's text) for a reader who may not read it. */
  link?: {
    kind: RecordKind;
    number: string;
  };
};

export type Timeline = {
  items: TimelineEntry[];
};

export type ChangeType = 'standard' | 'normal' | 'emergency';

export type ChangeRisk = 'low' | 'moderate' | 'high';

export type ChangeState =
  | 'draft'
  | 'assess'
  | 'authorize'
  | 'scheduled'
  | 'implement'
  | 'review'
  | 'closed'
  | 'canceled';

export type ChangeCloseCode =
  | 'successful'
  | 'successful_with_issues'
  | 'unsuccessful'
  | 'backed_out';

/** An RFC 3339 date-time with an offset, e.g. 2026-11-24T22:00:00Z, on a real calendar day (2026-02-30 is a 400), in the years 0001–9999. */
export type DateTime = string;

export type Change = {
  id: string;
  number: string;
  kind: 'change';
  title: string;
  description: string;
  state: ChangeState;
  entityRef: string;
  affectedEntityRefs: string[];
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
  priority: Priority;
  createdAt: string;
  updatedAt: string;
  version: number;
  type: ChangeType;
  risk: ChangeRisk;
  plannedStart: string | null;
  plannedEnd: string | null;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  actualStart: string | null;
  actualEnd: string | null;
  closeCode: ChangeCloseCode | null;
  closeNotes: string | null;
  /** Number of the problem this change is raised to fix. */
  problem: string | null;
};

export type ChangePage = {
  items: Change[];
  nextCursor?: string;
};

export type CreateChange = {
  title: string;
  description?: string;
  entityRef: EntityRef;
  affectedEntityRefs?: EntityRef[];
  type: ChangeType;
  risk: ChangeRisk;
  plannedStart?: DateTime;
  plannedEnd?: DateTime;
  implementationPlan?: string;
  backoutPlan?: string;
  testPlan?: string;
  assignee?: EntityRef;
  assignmentGroup?: EntityRef;
  /** The problem (id or number) this change is raised to fix. */
  problem?: string;
};

export type UpdateChange = {
  version: number;
  title?: string;
  description?: string;
  affectedEntityRefs?: EntityRef[];
  type?: ChangeType;
  risk?: ChangeRisk;
  plannedStart?: DateTime | null;
  plannedEnd?: DateTime | null;
  implementationPlan?: string;
  backoutPlan?: string;
  testPlan?: string;
  assignee?: EntityRef | null;
  assignmentGroup?: EntityRef;
};

export type ChangeTransition = {
  version: number;
  to: ChangeState;
  closeCode?: ChangeCloseCode;
  closeNotes?: string;
  comment?: string;
};

export type ApprovalStep = {
  id: string;
  recordId: string;
  round: number;
  stage: number;
  stageName: string;
  eligibleGroups: string[];
  reason: string;
  state: 'waiting' | 'pending' | 'approved' | 'rejected' | 'canceled';
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
};

export type ApprovalSteps = {
  items: ApprovalStep[];
};

export type DecideApproval = {
  stepId: string;
  decision: 'approved' | 'rejected';
  comment?: string;
};

export type ApprovalQueue = {
  items: Array<{
    step: ApprovalStep;
    record: {
      id: string;
      number: string;
      kind: string;
      title: string;
      state: string;
      requester: string;
      entityRef: string;
    };
  }>;
};

export type FreezeWindow = {
  name: string;
  start: string;
  end: string;
  entityRefs?: string[];
  systems?: string[];
  domains?: string[];
};

export type ChangeConflicts = {
  conflicts: Array<{
    change: {
      id: string;
      number: string;
      title: string;
      state: ChangeState;
      plannedStart: string | null;
      plannedEnd: string | null;
      entityRef: string;
    };
    entityRefs: string[];
    reason: string;
  }>;
  freezes: FreezeWindow[];
};

export type LinkedIncidents = {
  items: Array<{
    id: string;
    number: string;
    title: string;
    state: string;
    priority: string;
  }>;
};

export type ChangeCalendar = {
  changes: Change[];
  freezes: FreezeWindow[];
};

export type RequestState =
  | 'submitted'
  | 'awaiting_approval'
  | 'approved'
  | 'in_fulfillment'
  | 'fulfilled'
  | 'rejected'
  | 'canceled';

export type ServiceRequest = {
  id: string;
  number: string;
  kind: 'request';
  title: string;
  description: string;
  state: RequestState;
  entityRef: string;
  affectedEntityRefs: string[];
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
  priority: Priority;
  createdAt: string;
  updatedAt: string;
  version: number;
  offeringRef: string;
  offeringTitle: string;
  parameters: {};
  dueAt: string;
  fulfillmentTarget: string;
  fulfilledAt: string | null;
  resolutionNote: string | null;
};

export type ServiceRequestPage = {
  items: ServiceRequest[];
  nextCursor?: string;
};

export type CreateServiceRequest = {
  offeringRef: EntityRef;
  /** Validated against the offering's JSON Schema. */
  parameters: {};
  title?: string;
  description?: string;
};

export type RequestTransition = {
  version: number;
  to: RequestState;
  note?: string;
};

export type RecordKind = 'incident' | 'change' | 'request' | 'problem';

/** What Backstage search indexes of a record. */
export type SearchDocumentSource = {
  id: string;
  kind: RecordKind;
  number: string;
  title: string;
  description: string;
  state: string;
  priority: Priority;
  /** The record's CIs, its primary CI first. */
  entityRefs: string[];
  assignmentGroup?: string;
  createdAt: string;
  updatedAt: string;
};

export type GateDecision = {
  entityRef: string;
  allowed: boolean;
  reason:
    | 'change_in_implementation'
    | 'change_window_open'
    | 'no_change_required'
    | 'freeze'
    | 'window_not_open'
    | 'window_over'
    | 'no_approved_change';
  message: string;
  change?: {
    number: string;
    state: string;
    type: string;
    plannedStart?: string;
    plannedEnd?: string;
  };
  freeze?: {
    name: string;
    start: string;
    end: string;
  };
  checkedAt: string;
};

export type SearchDocumentPage = {
  items: SearchDocumentSource[];
  nextCursor?: string;
};

export type ProblemState =
  | 'new'
  | 'assess'
  | 'root_cause_analysis'
  | 'fix_in_progress'
  | 'resolved'
  | 'closed'
  | 'canceled';

export type ProblemResolutionCode =
  | 'fixed'
  | 'risk_accepted'
  | 'duplicate'
  | 'canceled';

export type Problem = {
  id: string;
  number: string;
  kind: 'problem';
  title: string;
  description: string;
  state: ProblemState;
  entityRef: string;
  affectedEntityRefs: string[];
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
  priority: Priority;
  createdAt: string;
  updatedAt: string;
  version: number;
  impact: Level;
  urgency: Level;
  symptoms: string;
  rootCause: string | null;
  workaround: string | null;
  knownError: boolean;
  knownErrorAt: string | null;
  resolutionCode: ProblemResolutionCode | null;
  resolutionNotes: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  incidentCount: number;
};

export type ProblemPage = {
  items: Problem[];
  nextCursor?: string;
};

export type CreateProblem = {
  title: string;
  description?: string;
  entityRef: EntityRef;
  affectedEntityRefs?: EntityRef[];
  impact: Level;
  urgency: Level;
  symptoms?: string;
  assignee?: EntityRef;
  assignmentGroup?: EntityRef;
  /** Incidents (ids or numbers) to link at once. */
  incidents?: string[];
};

export type UpdateProblem = {
  version: number;
  title?: string;
  description?: string;
  affectedEntityRefs?: EntityRef[];
  impact?: Level;
  urgency?: Level;
  assignee?: EntityRef | null;
  assignmentGroup?: EntityRef;
  symptoms?: string;
  rootCause?: string | null;
  /** Setting or changing it adds it to the timeline of every open linked incident. */
  workaround?: string | null;
  /** Publishes (true) or withdraws (false) the known error; needs rootCause and workaround. */
  knownError?: boolean;
};

export type ProblemTransition = {
  version: number;
  to: ProblemState;
  resolutionCode?: ProblemResolutionCode;
  resolutionNotes?: string;
  comment?: string;
};

export type LinkIncident = {
  /** The incident's id or number. */
  incident: string;
};

export type LinkedChanges = {
  items: Array<{
    id: string;
    number: string;
    title: string;
    state: string;
    closeCode: string | null;
  }>;
};

export type KnownError = {
  id: string;
  number: string;
  title: string;
  state: ProblemState;
  entityRef: string;
  symptoms: string;
  rootCause: string;
  workaround: string;
  knownErrorAt: string;
  /** The CI it was found through (the one asked for, or one it depends on). */
  matchedEntityRef: string;
};

export type KnownErrors = {
  items: KnownError[];
};

export type ProblemCandidate = {
  entityRef: string;
  incidentCount: number;
  incidents: string[];
  firstAt: string;
  lastAt: string;
};

export type ProblemKpis = {
  openProblems: number;
  knownErrors: number;
  incidents: number;
  linkedIncidentShare: number | null;
  medianOpenAgeMs: number | null;
  days: number;
};

export type CountsByKind = {
  incident: number;
  change: number;
  request: number;
  problem: number;
};

export type ImpactStep = {
  relation: 'dependencyOf' | 'partOf' | 'providesApi' | 'apiConsumedBy';
  entityRef: string;
};

export type ImpactedEntity = {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  tier?: string;
  system?: string;
  /** The record's CI it is impacted through. */
  origin: string;
  /** The steps from the origin to the entity (shortest way). */
  path: ImpactStep[];
};

export type BlastRadius = {
  /** The record's own CIs, as the reporter named them. */
  cis: string[];
  impacted: ImpactedEntity[];
  truncated: boolean;
  limits: {
    maxDepth: number;
    maxEntities: number;
  };
};

/** Label or annotation names to values (Prometheus label names hold no dots or slashes). */
export type AlertLabels = {
  [key: string]: unknown;
};

export type AlertmanagerAlert = {
  status: 'firing' | 'resolved';
  labels: AlertLabels;
  annotations?: AlertLabels;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
  fingerprint: string;
};

/** A Prometheus Alertmanager webhook (webhook_config), payload version 4. */
export type AlertmanagerPayload = {
  version: '4';
  groupKey?: string;
  truncatedAlerts?: number;
  status: 'firing' | 'resolved';
  receiver?: string;
  groupLabels?: AlertLabels;
  commonLabels?: AlertLabels;
  commonAnnotations?: AlertLabels;
  externalURL?: string;
  alerts: AlertmanagerAlert[];
};

export type GrafanaAlert = {
  status: 'firing' | 'resolved';
  labels: AlertLabels;
  annotations?: AlertLabels;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
  fingerprint: string;
  values?: {
    [key: string]: unknown;
  };
  valueString?: string;
  silenceURL?: string;
  dashboardURL?: string;
  panelURL?: string;
  imageURL?: string;
};

/** A Grafana alerting webhook (contact point of type webhook). */
export type GrafanaPayload = {
  version?: string;
  groupKey?: string;
  truncatedAlerts?: number;
  status: 'firing' | 'resolved';
  receiver?: string;
  groupLabels?: AlertLabels;
  commonLabels?: AlertLabels;
  commonAnnotations?: AlertLabels;
  externalURL?: string;
  orgId?: number;
  title?: string;
  state?: string;
  message?: string;
  alerts: GrafanaAlert[];
};

/** What became of one alert: created (a new incident), updated (added to the open
incident with its fingerprint), resolved (the alert resolved; the incident too when
configured and all its alerts are), unknown_entity / no_entity (no incident: its
entity is not in the catalog, or no label names one), no_incident (a resolved
alert without an open incident).
 */
export type AlertOutcome =
  | 'created'
  | 'updated'
  | 'resolved'
  | 'unknown_entity'
  | 'no_entity'
  | 'no_incident';

export type AlertResult = {
  fingerprint: string;
  status: 'firing' | 'resolved';
  outcome: AlertOutcome;
  entityRef?: string;
  /** The incident number, e.g. INC-000042. */
  incident?: string;
  incidentResolved?: boolean;
  reason?: string;
};

export type AlertResults = {
  results: AlertResult[];
};

export type MyWork = {
  assignedToMe: CountsByKind;
  myGroups: CountsByKind;
  awaitingMyApproval: number;
  toFulfil: number;
  breachingSoon: number;
  horizonHours: number;
  groups: string[];
};

export type ProblemCandidates = {
  items: ProblemCandidate[];
  minIncidents: number;
  days: number;
};

export type SlaMetric = 'response' | 'resolution';

export type SlaTimerStatus =
  | 'running'
  | 'paused'
  | 'at_risk'
  | 'breached'
  | 'met'
  | 'canceled';

export type SlaExplanationEntry = {
  at: DateTime;
  event: 'started' | 'paused' | 'resumed' | 'stopped';
  state?: string;
  seq?: number;
};

export type SlaTimerCycle = {
  startedAt: DateTime;
  stoppedAt: string | null;
  /** Business milliseconds */
  elapsed: number;
  status: SlaTimerStatus;
  dueAt: string | null;
  /** Breached cycles: when the running time reached the target. */
  breachedAt?: string;
  thresholdsCrossed: number[];
  pauses: Array<{
    start: DateTime;
    end: string | null;
  }>;
  explanation: SlaExplanationEntry[];
};

/** A timer derived from the timeline; top-level fields describe the current cycle. */
export type SlaTimer = {
  metric: SlaMetric;
  /** Target in business milliseconds of the policy's calendar. */
  target: number;
  elapsed: number;
  status: SlaTimerStatus;
  dueAt: string | null;
  thresholdsCrossed: number[];
  cycles: SlaTimerCycle[];
  explanation: SlaExplanationEntry[];
};

export type RecordSla = {
  policy: null | {
    name: string;
    calendar: string;
    targets: {
      response?: string;
      resolution?: string;
    };
    warningThresholds: number[];
    pauseStates: string[];
  };
  timers: SlaTimer[];
  evaluatedAt: DateTime;
};

export type SlaTimerSummary = {
  recordId: string;
  number: string;
  kind: RecordKind;
  title: string;
  state: string;
  priority: Priority;
  entityRef: EntityRef;
  assignee: string | null;
  assignmentGroup: string | null;
  metric: SlaMetric;
  cycle: number;
  policyName: string;
  status: SlaTimerStatus;
  target: number;
  elapsed: number;
  startedAt: DateTime;
  stoppedAt: string | null;
  dueAt: string | null;
  breachedAt: string | null;
  evaluatedAt: DateTime;
};

export type SlaTimerPage = {
  items: SlaTimerSummary[];
  nextCursor?: string;
};

export type SlaCompliance = {
  met: number;
  breached: number;
  /** met / (met + breached); null when nothing was measured. */
  compliance: number | null;
};

export type SlaSummary = {
  compliance30: SlaCompliance;
  compliance90: SlaCompliance;
  openBreaches: SlaTimerSummary[];
  openBreachCount: number;
  atRiskCount: number;
  atRisk: SlaTimerSummary[];
  mttaMs: number | null;
  mttrMs: number | null;
  trend: Array<{
    weekStart: DateTime;
    met: number;
    breached: number;
    compliance: number | null;
  }>;
};

export type SlaComplianceReport = {
  groupBy: 'group' | 'system';
  days: number;
  rows: Array<{
    key: string | null;
    met: number;
    breached: number;
    compliance: number | null;
    openBreaches: number;
    atRisk: number;
    mttaMs: number | null;
    mttrMs: number | null;
  }>;
  changeSuccess: Array<{
    key: string | null;
    closed: number;
    successful: number;
    successfulWithIssues: number;
    unsuccessful: number;
    backedOut: number;
    successRate: number | null;
  }>;
};

export type Error = {
  error: {
    name: string;
    message: string;
  };
  response: {
    statusCode: number;
  };
};
