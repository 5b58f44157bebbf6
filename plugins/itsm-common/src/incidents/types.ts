import {
  CreateRecordBase,
  RecordCore,
  RecordListFilterBase,
  UpdateRecordBase,
} from '../records/types';
import { ImpactLevel, UrgencyLevel } from './priority';
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
