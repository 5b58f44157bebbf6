import { GuardProblem } from '../records/guards';
import {
  declareStates,
  DeclaredState,
  RecordKindDeclaration,
} from './declaration';
import { resolutionGuard } from './resolution';

/** Problem states, in the order of the workflow (docs/domain-rules.md §3 Problem). */
const STATES = {
  open: {
    new: 'New',
    assess: 'Assess',
    root_cause_analysis: 'Root cause analysis',
    fix_in_progress: 'Fix in progress',
  },
  closed: {
    resolved: 'Resolved',
    closed: 'Closed',
    canceled: 'Canceled',
  },
} as const;

export type ProblemState = DeclaredState<typeof STATES>;

/** How a problem ended. `canceled` is set by canceling it, never chosen to resolve. */
export const PROBLEM_RESOLUTION_CODE_LABELS = {
  fixed: 'Fixed',
  risk_accepted: 'Workaround only / risk accepted',
  duplicate: 'Duplicate',
  canceled: 'Canceled',
} as const;
export type ProblemResolutionCode = keyof typeof PROBLEM_RESOLUTION_CODE_LABELS;

/** The codes a problem is resolved with (`canceled` is set by canceling it). */
export const PROBLEM_RESOLVE_CODES: readonly ProblemResolutionCode[] = [
  'fixed',
  'risk_accepted',
  'duplicate',
];

/** What a move of a problem may carry besides the target state. */
export interface ProblemTransitionInput {
  to: ProblemState;
  resolutionCode?: ProblemResolutionCode;
  resolutionNotes?: string;
  /** Recorded with the move; required to cancel (why it is not worth pursuing). */
  comment?: string;
}

/**
 * The guards of a move: resolving names how (fixed, risk accepted, duplicate) and says
 * so in notes; canceling says why.
 */
export function problemTransitionGuard(
  input: ProblemTransitionInput,
): GuardProblem[] {
  const problems: GuardProblem[] = [];
  if (input.to === 'resolved' && input.resolutionCode === 'canceled')
    problems.push({
      field: 'resolutionCode',
      code: 'invalid',
      message: 'resolutionCode canceled is set by canceling the problem',
    });
  problems.push(...resolutionGuard(input));
  if (input.to === 'canceled' && !input.comment?.trim())
    problems.push({
      field: 'comment',
      code: 'required',
      message: 'a comment is required to cancel',
    });
  return problems;
}

/**
 * A known error is published for everyone who meets the fault: it needs the cause
 * found and a workaround to offer.
 */
export function knownErrorGuard(problem: {
  rootCause?: string | null;
  workaround?: string | null;
}): GuardProblem[] {
  const problems: GuardProblem[] = [];
  if (!problem.rootCause?.trim())
    problems.push({
      field: 'rootCause',
      code: 'required',
      message: 'rootCause is required for a known error',
    });
  if (!problem.workaround?.trim())
    problems.push({
      field: 'workaround',
      code: 'required',
      message: 'workaround is required for a known error',
    });
  return problems;
}

/** The problem kind (docs/domain-rules.md §3 Problem). */
export const problemKind = {
  kind: 'problem',
  numberPrefix: 'PRB',
  apiPath: 'problems',
  labels: {
    singular: 'Problem',
    plural: 'Problems',
    created: 'opened the problem',
  },
  ...declareStates(STATES),
  initialState: 'new',
  /**
   * Analysis may go back from a fix that did not hold; a resolved problem reopens to
   * root cause analysis when the fault comes back.
   */
  transitions: {
    table: {
      new: ['assess', 'root_cause_analysis', 'canceled'],
      assess: ['root_cause_analysis', 'canceled'],
      root_cause_analysis: ['fix_in_progress', 'resolved', 'canceled'],
      fix_in_progress: ['root_cause_analysis', 'resolved', 'canceled'],
      resolved: ['root_cause_analysis', 'closed'],
      closed: [],
      canceled: [],
    },
  },
  guard: problemTransitionGuard,
  approvalState: null,
  requesterMoves: [],
  slaCancelStates: ['canceled'],
  commentPermission: 'update',
} as const satisfies RecordKindDeclaration<
  'problem',
  ProblemState,
  ProblemTransitionInput
>;
