/**
 * Approvals are shared by every kind that needs them (changes now, service requests
 * next): a record gets ordered stages of steps; each step is decided by one member of
 * one of its eligible groups, never by the record's requester.
 */
export type ApprovalStepState =
  /** A later stage: not yet open for decisions. */
  | 'waiting'
  /** Open for a decision. */
  | 'pending'
  | 'approved'
  | 'rejected'
  /** Superseded: the record was rejected, withdrawn or canceled before this step was decided. */
  | 'canceled';

export type ApprovalDecision = 'approved' | 'rejected';

export interface ApprovalStep {
  id: string;
  recordId: string;
  /** Each time the record enters approval a new round starts; older rounds are history. */
  round: number;
  /** Stages are decided in order: stage 2 opens once every step of stage 1 is approved. */
  stage: number;
  stageName: string;
  /** Any member of any of these groups may decide the step (except the requester). */
  eligibleGroups: string[];
  /** Why this step exists, e.g. "owner of component:default/payments-api". */
  reason: string;
  state: ApprovalStepState;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
}

export interface DecideApprovalRequest {
  stepId: string;
  decision: ApprovalDecision;
  /** Required when rejecting: the reason goes to the timeline. */
  comment?: string;
}

/** An open step waiting for the caller, with what the approver needs to decide. */
export interface ApprovalQueueItem {
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
}

export const APPROVAL_STEP_STATE_LABELS: Record<ApprovalStepState, string> = {
  waiting: 'Waiting for earlier stage',
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  canceled: 'Canceled',
};
