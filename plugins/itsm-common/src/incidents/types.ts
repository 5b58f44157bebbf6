import { RecordCore } from '../records/types';
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
}

export interface CreateIncidentRequest {
  title: string;
  description?: string;
  entityRef: string;
  affectedEntityRefs?: string[];
  impact: ImpactLevel;
  urgency: UrgencyLevel;
  assignee?: string;
  assignmentGroup?: string;
}

export interface UpdateIncidentRequest {
  version: number;
  title?: string;
  description?: string;
  affectedEntityRefs?: string[];
  impact?: ImpactLevel;
  urgency?: UrgencyLevel;
  assignee?: string | null;
  assignmentGroup?: string;
  /** Links the change that caused the incident (its id or number); null unlinks. */
  causedByChange?: string | null;
}

export interface IncidentListFilter {
  entityRef?: string;
  state?: IncidentState[];
  /** Only open (new, in_progress, on_hold) incidents; ignored when `state` is given. */
  open?: boolean;
  priority?: string[];
  assignee?: string;
  requester?: string;
  assignmentGroup?: string[];
  q?: string;
  limit?: number;
  cursor?: string;
}
