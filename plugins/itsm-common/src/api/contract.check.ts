/*
 * The shared API types, held to the contract (plugins/itsm-backend/src/schema/
 * openapi.yaml) both ways: each must accept exactly what the generated schema type
 * accepts. Checked by `yarn tsc` (the type-check step of the test command): a shape that
 * drifts from the YAML fails the build, naming the pair below. Nothing here runs.
 */
import type * as Api from './schemas.generated';
import type {
  ApprovalQueueItem,
  ApprovalStep,
  DecideApprovalRequest,
} from '../approvals/types';
import type {
  Change,
  ChangeCalendar,
  ChangeConflicts,
  CreateChangeRequest,
  FreezeWindow,
  LinkedRecordSummary,
  UpdateChangeRequest,
} from '../changes/types';
import type { ChangeTransitionInput } from '../kinds/change';
import type { IncidentTransitionInput } from '../kinds/incident';
import type { ProblemTransitionInput } from '../kinds/problem';
import type { RequestTransitionInput } from '../kinds/request';
import type {
  CreateIncidentRequest,
  Incident,
  MajorIncident,
  MajorIncidentBanner,
  MajorIncidentDecision,
  StakeholderUpdateRequest,
  UpdateIncidentRequest,
} from '../incidents/types';
import type {
  CreateProblemRequest,
  KnownError,
  LinkIncidentRequest,
  LinkedChangeSummary,
  Problem,
  ProblemCandidate,
  ProblemCandidates,
  ProblemKpis,
  UpdateProblemRequest,
} from '../problems/types';
import type { Page, RecordKind } from '../records/types';
import type { NewCommentRequest, TimelineEntry } from '../records/timeline';
import type { MyWork } from '../work/types';
import type { BlastRadius } from '../impact/types';
import type { SearchDocumentSource } from '../search/types';
import type { GateDecision } from '../gates/types';
import type { CreateServiceRequest, ServiceRequest } from '../requests/types';
import type {
  RecordSla,
  SlaComplianceReport,
  SlaSummary,
  SlaTimer,
  SlaTimerSummary,
} from '../sla/types';

/** True when each type accepts every value of the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Moved<M> = M & { version: number };
/** A type error (naming the pair) unless `T` is true. */
type Holds<T extends true> = T;

export type RecordKindHolds = Holds<Same<RecordKind, Api.RecordKind>>;
export type IncidentHolds = Holds<Same<Incident, Api.Incident>>;
export type MajorIncidentHolds = Holds<Same<MajorIncident, Api.MajorIncident>>;
export type MajorIncidentDecisionHolds = Holds<
  Same<MajorIncidentDecision, Api.MajorIncidentDecision>
>;
export type StakeholderUpdateHolds = Holds<
  Same<StakeholderUpdateRequest, Api.StakeholderUpdate>
>;
export type MajorIncidentBannersHolds = Holds<
  Same<{ items: MajorIncidentBanner[] }, Api.MajorIncidentBanners>
>;
export type BlastRadiusHolds = Holds<Same<BlastRadius, Api.BlastRadius>>;
export type GateDecisionHolds = Holds<Same<GateDecision, Api.GateDecision>>;
export type SearchDocumentPageHolds = Holds<
  Same<
    { items: SearchDocumentSource[]; nextCursor?: string },
    Api.SearchDocumentPage
  >
>;
export type IncidentPageHolds = Holds<Same<Page<Incident>, Api.IncidentPage>>;
export type CreateIncidentHolds = Holds<
  Same<CreateIncidentRequest, Api.CreateIncident>
>;
export type UpdateIncidentHolds = Holds<
  Same<UpdateIncidentRequest, Api.UpdateIncident>
>;
export type IncidentTransitionHolds = Holds<
  Same<Moved<IncidentTransitionInput>, Api.IncidentTransition>
>;
export type ChangeHolds = Holds<Same<Change, Api.Change>>;
export type ChangePageHolds = Holds<Same<Page<Change>, Api.ChangePage>>;
export type CreateChangeHolds = Holds<
  Same<CreateChangeRequest, Api.CreateChange>
>;
export type UpdateChangeHolds = Holds<
  Same<UpdateChangeRequest, Api.UpdateChange>
>;
export type ChangeTransitionHolds = Holds<
  Same<Moved<ChangeTransitionInput>, Api.ChangeTransition>
>;
export type ChangeConflictsHolds = Holds<
  Same<ChangeConflicts, Api.ChangeConflicts>
>;
export type LinkedIncidentsHolds = Holds<
  Same<{ items: LinkedRecordSummary[] }, Api.LinkedIncidents>
>;
export type ChangeCalendarHolds = Holds<
  Same<ChangeCalendar, Api.ChangeCalendar>
>;
export type FreezeWindowHolds = Holds<Same<FreezeWindow, Api.FreezeWindow>>;
export type ServiceRequestHolds = Holds<
  Same<ServiceRequest, Api.ServiceRequest>
>;
export type ServiceRequestPageHolds = Holds<
  Same<Page<ServiceRequest>, Api.ServiceRequestPage>
>;
export type CreateServiceRequestHolds = Holds<
  Same<CreateServiceRequest, Api.CreateServiceRequest>
>;
export type RequestTransitionHolds = Holds<
  Same<Moved<RequestTransitionInput>, Api.RequestTransition>
>;
export type ProblemHolds = Holds<Same<Problem, Api.Problem>>;
export type ProblemPageHolds = Holds<Same<Page<Problem>, Api.ProblemPage>>;
export type CreateProblemHolds = Holds<
  Same<CreateProblemRequest, Api.CreateProblem>
>;
export type UpdateProblemHolds = Holds<
  Same<UpdateProblemRequest, Api.UpdateProblem>
>;
export type ProblemTransitionHolds = Holds<
  Same<Moved<ProblemTransitionInput>, Api.ProblemTransition>
>;
export type LinkIncidentHolds = Holds<
  Same<LinkIncidentRequest, Api.LinkIncident>
>;
export type KnownErrorHolds = Holds<Same<KnownError, Api.KnownError>>;
export type ProblemCandidateHolds = Holds<
  Same<ProblemCandidate, Api.ProblemCandidate>
>;
export type ProblemKpisHolds = Holds<Same<ProblemKpis, Api.ProblemKpis>>;
export type TimelineEntryHolds = Holds<Same<TimelineEntry, Api.TimelineEntry>>;
export type ApprovalStepHolds = Holds<Same<ApprovalStep, Api.ApprovalStep>>;
export type DecideApprovalHolds = Holds<
  Same<DecideApprovalRequest, Api.DecideApproval>
>;
export type ApprovalQueueHolds = Holds<
  Same<{ items: ApprovalQueueItem[] }, Api.ApprovalQueue>
>;
export type SlaTimerHolds = Holds<Same<SlaTimer, Api.SlaTimer>>;
export type RecordSlaHolds = Holds<Same<RecordSla, Api.RecordSla>>;
export type SlaTimerPageHolds = Holds<
  Same<Page<SlaTimerSummary>, Api.SlaTimerPage>
>;
export type SlaSummaryHolds = Holds<Same<SlaSummary, Api.SlaSummary>>;
export type SlaComplianceReportHolds = Holds<
  Same<SlaComplianceReport, Api.SlaComplianceReport>
>;
export type MyWorkHolds = Holds<Same<MyWork, Api.MyWork>>;
export type NewCommentHolds = Holds<Same<NewCommentRequest, Api.NewComment>>;
export type LinkedChangesHolds = Holds<
  Same<{ items: LinkedChangeSummary[] }, Api.LinkedChanges>
>;
export type ProblemCandidatesHolds = Holds<
  Same<ProblemCandidates, Api.ProblemCandidates>
>;
