import { createApiRef } from '@backstage/core-plugin-api';

// The blast radius as the API answers it: one shape, in itsm-common (held to the contract).
export type {
  BlastRadius,
  ImpactedEntity,
  ImpactStep,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ApprovalQueueItem,
  BlastRadius,
  ApprovalStep,
  Change,
  ChangeCalendar,
  ChangeCalendarQuery,
  ChangeListFilter,
  CreateChangeRequest,
  CreateIncidentRequest,
  CreateProblemRequest,
  CreateServiceRequest,
  DecideApprovalRequest,
  Incident,
  IncidentListFilter,
  KnownError,
  Page,
  Problem,
  ProblemKpis,
  ProblemListFilter,
  ProblemTransitionInput,
  RecordKind,
  RecordSla,
  ServiceRequest,
  ServiceRequestListFilter,
  SlaComplianceReport,
  SlaGroupBy,
  SlaSummary,
  SlaTimerStatus,
  SlaTimerSummary,
  TimelineEntry,
  UpdateChangeRequest,
  UpdateIncidentRequest,
  UpdateProblemRequest,
  TransitionRequest,
  IncidentTransitionInput,
  ChangeTransitionInput,
  RequestTransitionInput,
  NewCommentRequest,
  ChangeConflicts,
  LinkedRecordSummary,
  LinkedChangeSummary,
  MyWork,
  ProblemCandidates,
  MajorIncidentBanner,
  MajorIncidentDecision,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * A state change request; `version` is the one the user read, so that a move based on
 * stale data is refused (409) instead of silently overwriting someone else's change.
 *
 * @public
 */
export type TransitionIncidentRequest =
  TransitionRequest<IncidentTransitionInput>;

/**
 * A change's state change request (`POST /changes/{id}/transitions`).
 *
 * @public
 */
export type TransitionChangeRequest = TransitionRequest<ChangeTransitionInput>;

/**
 * A service request's state change (`POST /requests/{id}/transitions`); `note` is
 * required to fulfil (what was done) and to reject (why).
 *
 * @public
 */
export type TransitionServiceRequest =
  TransitionRequest<RequestTransitionInput>;

/**
 * A problem's state change (`POST /problems/{id}/transitions`): resolving names a
 * resolution code and notes, canceling takes a comment (why).
 *
 * @public
 */
export type TransitionProblemRequest =
  TransitionRequest<ProblemTransitionInput>;

/** @public */
export type AddCommentRequest = NewCommentRequest;

/** The kinds whose blast radius the backend computes. @public */
export type ImpactKind = 'incident' | 'change' | 'problem';

/**
 * What collides with a change: committed changes on the same CIs in the same window,
 * and the freeze windows it falls into.
 *
 * @public
 */
export type ChangeConflictsResponse = ChangeConflicts;

/** @public */
export type LinkedIncident = LinkedRecordSummary;

/**
 * A change raised to fix a problem, as the problem's page lists it
 * (`GET /problems/{id}/changes`).
 *
 * @public
 */
export type LinkedChange = LinkedChangeSummary;

/**
 * The problem list's filter: the shared ones, known errors only (or only problems that
 * are not), and priorities.
 *
 * @public
 */
export type ProblemsFilter = ProblemListFilter;

/**
 * CIs whose incidents recur without a problem (`GET /problem-candidates`), with the
 * rule that made them candidates: at least `minIncidents` in the last `days` days.
 *
 * @public
 */
export type { ProblemCandidates };

/**
 * Whose SLA to summarise: records of an entity (as primary or affected CI), of an
 * assignment group, or of a system; nothing set is the whole organisation.
 *
 * @public
 */
export interface SlaScope {
  entityRef?: string;
  group?: string;
  system?: string;
}

/** @public */
export interface SlaComplianceQuery {
  groupBy?: SlaGroupBy;
  /** The period, in days back from now (the server's default is 30). */
  days?: number;
}

/**
 * A query of stored timers (`GET /sla/timers`): breached ones come most overdue first,
 * the others soonest due first.
 *
 * @public
 */
export interface SlaTimerFilter extends SlaScope {
  status?: readonly SlaTimerStatus[];
  /** Only timers started, stopped or due within this many days. */
  days?: number;
  /** Only timers still running or paused. */
  open?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Client of the ITSM backend (`/api/itsm`). Ids are the uuid or the number (INC-000123,
 * CHG-000045, REQ-000789, PRB-000012).
 *
 * @public
 */
export interface ItsmApi {
  listIncidents(filter?: IncidentListFilter): Promise<Page<Incident>>;
  getIncident(idOrNumber: string): Promise<Incident>;
  createIncident(request: CreateIncidentRequest): Promise<Incident>;
  /** Also links (`causedByChange`: a change id or number) or unlinks (null) a change. */
  updateIncident(
    idOrNumber: string,
    request: UpdateIncidentRequest,
  ): Promise<Incident>;
  transitionIncident(
    idOrNumber: string,
    request: TransitionIncidentRequest,
  ): Promise<Incident>;
  /** A comment or work note on an incident. */
  addComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry>;
  /** An incident's timeline, oldest first. */
  getTimeline(idOrNumber: string): Promise<TimelineEntry[]>;
  /**
   * Proposes the incident as a major incident, or accepts or rejects the proposal; the
   * server decides who may. Returns the incident.
   */
  decideMajorIncident(
    idOrNumber: string,
    decision: MajorIncidentDecision,
  ): Promise<Incident>;
  /** The child incidents of a major incident that the caller may read, newest first. */
  listChildIncidents(idOrNumber: string): Promise<LinkedIncident[]>;
  /** Links an incident (id or number) as a child; returns the child. */
  linkChildIncident(idOrNumber: string, child: string): Promise<Incident>;
  /** Unlinks a child incident; returns the former child. */
  unlinkChildIncident(idOrNumber: string, child: string): Promise<Incident>;
  /** A stakeholder update on a major incident; returns its timeline entry. */
  postStakeholderUpdate(
    idOrNumber: string,
    body: string,
  ): Promise<TimelineEntry>;
  /**
   * Open accepted major incidents the caller may read, with their latest stakeholder
   * update; with `entityRef`, only those impacting the entity.
   */
  listMajorIncidents(entityRef?: string): Promise<MajorIncidentBanner[]>;
  /** The blast radius of an incident's, change's or problem's CIs. */
  getImpact(kind: ImpactKind, idOrNumber: string): Promise<BlastRadius>;

  listChanges(filter?: ChangeListFilter): Promise<Page<Change>>;
  getChange(idOrNumber: string): Promise<Change>;
  /** Raises a change in `draft`. */
  createChange(request: CreateChangeRequest): Promise<Change>;
  /** The plan fields only in draft and assess; `version` must be the one read. */
  updateChange(
    idOrNumber: string,
    request: UpdateChangeRequest,
  ): Promise<Change>;
  transitionChange(
    idOrNumber: string,
    request: TransitionChangeRequest,
  ): Promise<Change>;
  /** Every approval step of every round, oldest round first. */
  getChangeApprovals(idOrNumber: string): Promise<ApprovalStep[]>;
  /** Approves or rejects an open step; returns the change after the decision. */
  decideChangeApproval(
    idOrNumber: string,
    request: DecideApprovalRequest,
  ): Promise<Change>;
  getChangeConflicts(idOrNumber: string): Promise<ChangeConflictsResponse>;
  /** Incidents linked as caused by the change. */
  getChangeIncidents(idOrNumber: string): Promise<LinkedIncident[]>;
  addChangeComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry>;
  getChangeTimeline(idOrNumber: string): Promise<TimelineEntry[]>;
  /** Changes whose planned window meets [from, to), and the freezes in that range. */
  getChangeCalendar(query: ChangeCalendarQuery): Promise<ChangeCalendar>;

  listRequests(
    filter?: ServiceRequestListFilter,
  ): Promise<Page<ServiceRequest>>;
  getRequest(idOrNumber: string): Promise<ServiceRequest>;
  /**
   * Orders from a service offering; the server validates the parameters against the
   * offering's JSON Schema (a 400 names the field) and starts its approval.
   */
  createRequest(request: CreateServiceRequest): Promise<ServiceRequest>;
  transitionRequest(
    idOrNumber: string,
    request: TransitionServiceRequest,
  ): Promise<ServiceRequest>;
  /** Every approval step of the request, as for changes. */
  getRequestApprovals(idOrNumber: string): Promise<ApprovalStep[]>;
  decideRequestApproval(
    idOrNumber: string,
    request: DecideApprovalRequest,
  ): Promise<ServiceRequest>;
  addRequestComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry>;
  getRequestTimeline(idOrNumber: string): Promise<TimelineEntry[]>;

  /**
   * Open approval steps the signed-in user may decide, oldest first: of changes and of
   * service requests (`record.kind`).
   */
  getPendingApprovals(): Promise<ApprovalQueueItem[]>;

  /**
   * The signed-in user's queues with their live counts, over what they may read:
   * assigned to them and to their groups (per kind), waiting for their approval, to
   * fulfil, and timers due within `horizonHours` (`GET /my-work`).
   */
  getMyWork(): Promise<MyWork>;

  /** The policy that applies to a record and its timers, derived from its timeline now. */
  getRecordSla(kind: RecordKind, idOrNumber: string): Promise<RecordSla>;
  /** Compliance, open breaches, at-risk timers, MTTA, MTTR and the weekly trend. */
  getSlaSummary(scope?: SlaScope): Promise<SlaSummary>;
  /** Compliance by group or system over a period, worst first, and change success. */
  getSlaCompliance(query?: SlaComplianceQuery): Promise<SlaComplianceReport>;
  listSlaTimers(filter?: SlaTimerFilter): Promise<Page<SlaTimerSummary>>;

  listProblems(filter?: ProblemsFilter): Promise<Page<Problem>>;
  getProblem(idOrNumber: string): Promise<Problem>;
  /** Opens a problem, linking the incidents given (ids or numbers). */
  createProblem(request: CreateProblemRequest): Promise<Problem>;
  /**
   * Edits fields and publishes (`knownError: true`) or withdraws the known error; the
   * server refuses a known error without its root cause and workaround.
   */
  updateProblem(
    idOrNumber: string,
    request: UpdateProblemRequest,
  ): Promise<Problem>;
  transitionProblem(
    idOrNumber: string,
    request: TransitionProblemRequest,
  ): Promise<Problem>;
  addProblemComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry>;
  getProblemTimeline(idOrNumber: string): Promise<TimelineEntry[]>;
  /** The incidents linked to the problem that the caller may read. */
  getProblemIncidents(idOrNumber: string): Promise<LinkedIncident[]>;
  /**
   * Links an incident (id or number) to the problem; 409 when it is linked to another.
   * Returns the problem with its new incident count.
   */
  linkProblemIncident(idOrNumber: string, incident: string): Promise<Problem>;
  /** Unlinks an incident from the problem; returns the problem. */
  unlinkProblemIncident(idOrNumber: string, incident: string): Promise<Problem>;
  /** The changes raised to fix the problem that the caller may read. */
  getProblemChanges(idOrNumber: string): Promise<LinkedChange[]>;
  /**
   * Open known errors of a CI and (unless `dependencies` is false) of the CIs it depends
   * on, newest first, with their workarounds.
   */
  listKnownErrors(
    entityRef: string,
    options?: { dependencies?: boolean },
  ): Promise<KnownError[]>;
  /** CIs (this one, or any without `entityRef`) whose incidents recur without a problem. */
  listProblemCandidates(entityRef?: string): Promise<ProblemCandidates>;
  /** Problem KPIs of a CI, or of the organisation without `entityRef`. */
  getProblemKpis(entityRef?: string): Promise<ProblemKpis>;
}

/** @public */
export const itsmApiRef = createApiRef<ItsmApi>({
  id: 'plugin.itsm.service',
});
