import { GuardCode, GuardProblem } from '../records/guards';
import {
  declareStates,
  DeclaredState,
  RecordKindDeclaration,
} from './declaration';
import { resolutionGuard } from './resolution';

/** Incident states, in the order of the workflow (docs/domain-rules.md §3 Incident). */
const STATES = {
  open: {
    new: 'New',
    in_progress: 'In progress',
    on_hold: 'On hold',
  },
  closed: {
    resolved: 'Resolved',
    closed: 'Closed',
    canceled: 'Canceled',
  },
} as const;

export type IncidentState = DeclaredState<typeof STATES>;

export const HOLD_REASON_LABELS = {
  awaiting_caller: 'Awaiting caller',
  awaiting_change: 'Awaiting change',
  awaiting_problem: 'Awaiting problem fix',
  awaiting_vendor: 'Awaiting vendor',
} as const;
export type HoldReason = keyof typeof HOLD_REASON_LABELS;

export const RESOLUTION_CODE_LABELS = {
  fixed: 'Fixed',
  workaround: 'Workaround provided',
  duplicate: 'Duplicate',
  not_reproducible: 'Not reproducible',
  no_fault_found: 'No fault found',
  resolved_by_change: 'Resolved by change',
} as const;
export type ResolutionCode = keyof typeof RESOLUTION_CODE_LABELS;

/** What a move of an incident may carry besides the target state. */
export interface IncidentTransitionInput {
  to: IncidentState;
  holdReason?: HoldReason;
  resolutionCode?: ResolutionCode;
  resolutionNotes?: string;
  /** A comment to the requester recorded with the move (required for awaiting_caller). */
  comment?: string;
  /**
   * Resolving a major incident: resolve its open child incidents too, with its code and
   * notes, in the same transaction.
   */
  resolveChildren?: boolean;
}

/**
 * The guards of a move, shared by the backend (which enforces them) and the frontend
 * (which asks for the right fields). Returns the problems, empty when fine.
 */
export function incidentTransitionGuard(
  input: IncidentTransitionInput,
): GuardProblem[] {
  const problems = resolutionGuard(input);
  const refuse = (field: string, code: GuardCode, message: string) =>
    problems.push({ field, code, message });
  if (input.to === 'on_hold') {
    if (!input.holdReason)
      refuse('holdReason', 'required', 'holdReason is required to put on hold');
    if (input.holdReason === 'awaiting_caller' && !input.comment?.trim())
      refuse(
        'comment',
        'required',
        'a comment to the caller is required when awaiting the caller',
      );
  }
  if (input.to !== 'on_hold' && input.holdReason)
    refuse(
      'holdReason',
      'not_allowed',
      'holdReason is only allowed when putting on hold',
    );
  return problems;
}

/** The incident kind (docs/domain-rules.md §3 Incident). */
export const incidentKind = {
  kind: 'incident',
  numberPrefix: 'INC',
  apiPath: 'incidents',
  labels: {
    singular: 'Incident',
    plural: 'Incidents',
    created: 'opened the incident',
  },
  ...declareStates(STATES),
  initialState: 'new',
  /**
   * `resolved → in_progress` is the reopen; `closed` normally happens automatically
   * some days after resolution but may also be done by hand.
   */
  transitions: {
    table: {
      new: ['in_progress', 'on_hold', 'resolved', 'canceled'],
      in_progress: ['on_hold', 'resolved', 'canceled'],
      on_hold: ['in_progress', 'resolved'],
      resolved: ['in_progress', 'closed'],
      closed: [],
      canceled: [],
    },
  },
  guard: incidentTransitionGuard,
  approvalState: null,
  requesterMoves: [],
  slaCancelStates: ['canceled'],
  commentPermission: 'comment',
} as const satisfies RecordKindDeclaration<
  'incident',
  IncidentState,
  IncidentTransitionInput
>;
