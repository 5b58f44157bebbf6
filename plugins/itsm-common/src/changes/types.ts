import { ApprovalStep } from '../approvals/types';
import {
  CreateRecordBase,
  RecordCore,
  RecordListFilterBase,
  UpdateRecordBase,
} from '../records/types';
import {
  ChangeCloseCode,
  ChangeRisk,
  ChangeState,
  ChangeType,
} from './workflow';

export interface Change extends RecordCore {
  kind: 'change';
  state: ChangeState;
  type: ChangeType;
  risk: ChangeRisk;
  plannedStart: string | null;
  plannedEnd: string | null;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  /** Recorded by the move to `implement`. */
  actualStart: string | null;
  /** Recorded by the move to `review`. */
  actualEnd: string | null;
  closeCode: ChangeCloseCode | null;
  closeNotes: string | null;
  /** Number of the problem this change is raised to fix (PRB-000012), when linked. */
  problem: string | null;
}

export interface CreateChangeRequest extends CreateRecordBase {
  type: ChangeType;
  risk: ChangeRisk;
  plannedStart?: string;
  plannedEnd?: string;
  implementationPlan?: string;
  backoutPlan?: string;
  testPlan?: string;
  /** The problem (id or number) this change is raised to fix. */
  problem?: string;
}

/** Plan fields can change in draft and assess only; the approvals are for the plan. */
export interface UpdateChangeRequest extends UpdateRecordBase {
  type?: ChangeType;
  risk?: ChangeRisk;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  implementationPlan?: string;
  backoutPlan?: string;
  testPlan?: string;
}

export interface ChangeListFilter extends RecordListFilterBase<ChangeState> {
  type?: ChangeType[];
}

/** Another committed change that collides with this one, and why. */
export interface ChangeConflict {
  change: Pick<
    Change,
    | 'id'
    | 'number'
    | 'title'
    | 'state'
    | 'plannedStart'
    | 'plannedEnd'
    | 'entityRef'
  >;
  /** The CIs both touch, directly or through a catalog dependency. */
  entityRefs: string[];
  reason: string;
}

/** A configured freeze period (`itsm.changes.freezeWindows`). */
export interface FreezeWindow {
  name: string;
  /** ISO-8601 date-time, e.g. 2026-12-20T00:00:00Z. */
  start: string;
  end: string;
  /** Limit the freeze to these CIs, systems or domains (refs); default: everything. */
  entityRefs?: string[];
  systems?: string[];
  domains?: string[];
}

/** What the change page shows beside the record. */
/** What a change collides with: committed changes and freeze windows (GET …/conflicts). */
export interface ChangeConflicts {
  conflicts: ChangeConflict[];
  /** Freeze windows the planned window falls into (for these CIs). */
  freezes: FreezeWindow[];
}

/** Another record as a linked list shows it (e.g. the incidents a change caused). */
export interface LinkedRecordSummary {
  id: string;
  number: string;
  title: string;
  state: string;
  priority: string;
}

export interface ChangeDetails extends ChangeConflicts {
  approvals: ApprovalStep[];
  /** Incidents linked as caused by this change. */
  causedIncidents: LinkedRecordSummary[];
}

export interface ChangeCalendarQuery {
  from: string;
  to: string;
  entityRef?: string;
  assignmentGroup?: string;
  state?: ChangeState[];
}

export interface ChangeCalendar {
  changes: Change[];
  freezes: FreezeWindow[];
}
