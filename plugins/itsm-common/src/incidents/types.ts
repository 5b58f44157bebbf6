import {
  CreateRecordBase,
  RecordCore,
  RecordListFilterBase,
  UpdateRecordBase,
} from '../records/types';
import { ImpactLevel, UrgencyLevel } from './priority';
import { Priority } from '../records/types';
import { HoldReason, IncidentState, ResolutionCode } from './workflow';

export interface Incident extends RecordCore {
  kind: 'incident';
  state: IncidentState;
  impact: ImpactLevel;
  urgency: UrgencyLevel;
  holdReason: HoldReason | null;
  resolutionCode: ResolutionCode | null;
  resolutionNotes: string | null;
  /** First move out of `new` or first assignment: stops the response clock (MTTA). */
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Number of the change that caused the incident (CHG-000045), when linked. */
  causedByChange: string | null;
  /** Number of the problem behind the incident (PRB-000012), when linked. */
  problem: string | null;
  /** Its proposal as a major incident and the decision, once proposed. */
  major: MajorIncident | null;
  /** Number of the major incident this one is a child of, when linked. */
  parent: string | null;
}

/**
 * A proposal to run an incident as a major incident: anyone who may work it proposes;
 * a member of the major-incident group other than the proposer accepts (it becomes
 * P1) or rejects it.
 */
export interface MajorIncident {
  state: 'proposed' | 'accepted' | 'rejected';
  /** Why it was proposed. */
  reason: string;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** `POST /incidents/{id}/major`. */
export interface MajorIncidentDecision {
  action: 'propose' | 'accept' | 'reject';
  reason: string;
}

/** `POST /incidents/{id}/stakeholder-updates`. */
export interface StakeholderUpdateRequest {
  body: string;
}

/** An open major incident as the banners show it (`GET /major-incidents`). */
export interface MajorIncidentBanner {
  id: string;
  number: string;
  title: string;
  state: IncidentState;
  priority: Priority;
  entityRef: string;
  acceptedAt: string;
  childCount: number;
  latestUpdate: { body: string; at: string; actor: string } | null;
}

export interface CreateIncidentRequest extends CreateRecordBase {
  impact: ImpactLevel;
  urgency: UrgencyLevel;
  /** Attaches it to a known problem (its id or number) instead of reporting it unlinked. */
  problem?: string;
}

export interface UpdateIncidentRequest extends UpdateRecordBase {
  impact?: ImpactLevel;
  urgency?: UrgencyLevel;
  /** Links the change that caused the incident (its id or number); null unlinks. */
  causedByChange?: string | null;
  /** Links the problem behind the incident (its id or number); null unlinks. */
  problem?: string | null;
}

/** `open`: only open (new, in_progress, on_hold) incidents. */
export interface IncidentListFilter
  extends RecordListFilterBase<IncidentState> {
  priority?: string[];
}
