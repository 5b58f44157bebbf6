import { GuardProblem, guardMessages } from '../records/guards';

/** Change types (docs/DESIGN.md §3 Change). */
export type ChangeType = 'standard' | 'normal' | 'emergency';
export const CHANGE_TYPES: readonly ChangeType[] = [
  'standard',
  'normal',
  'emergency',
];
export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  standard: 'Standard (pre-approved)',
  normal: 'Normal',
  emergency: 'Emergency',
};

export type ChangeRisk = 'low' | 'moderate' | 'high';
export const CHANGE_RISKS: readonly ChangeRisk[] = ['low', 'moderate', 'high'];
export const CHANGE_RISK_LABELS: Record<ChangeRisk, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
};

export type ChangeState =
  | 'draft'
  | 'assess'
  | 'authorize'
  | 'scheduled'
  | 'implement'
  | 'review'
  | 'closed'
  | 'canceled';

export const CHANGE_STATES: readonly ChangeState[] = [
  'draft',
  'assess',
  'authorize',
  'scheduled',
  'implement',
  'review',
  'closed',
  'canceled',
];

export const OPEN_CHANGE_STATES: readonly ChangeState[] = [
  'draft',
  'assess',
  'authorize',
  'scheduled',
  'implement',
  'review',
];

export const CHANGE_STATE_LABELS: Record<ChangeState, string> = {
  draft: 'Draft',
  assess: 'Assess',
  authorize: 'Authorize',
  scheduled: 'Scheduled',
  implement: 'Implement',
  review: 'Review',
  closed: 'Closed',
  canceled: 'Canceled',
};

/** States whose planned window occupies the CIs (conflict detection looks at these). */
export const COMMITTED_CHANGE_STATES: readonly ChangeState[] = [
  'scheduled',
  'implement',
];

export type ChangeCloseCode =
  | 'successful'
  | 'successful_with_issues'
  | 'unsuccessful'
  | 'backed_out';
export const CHANGE_CLOSE_CODES: readonly ChangeCloseCode[] = [
  'successful',
  'successful_with_issues',
  'unsuccessful',
  'backed_out',
];
export const CHANGE_CLOSE_CODE_LABELS: Record<ChangeCloseCode, string> = {
  successful: 'Successful',
  successful_with_issues: 'Successful with issues',
  unsuccessful: 'Unsuccessful',
  backed_out: 'Backed out',
};

/**
 * Moves a person may ask for, by type. `authorize → scheduled` and `authorize → draft`
 * are not here: the approval decisions make them. Going back to `draft` from assess or
 * scheduled is a re-plan (the approvals of a scheduled change no longer hold).
 */
const TRANSITIONS: Record<
  ChangeType,
  Record<ChangeState, readonly ChangeState[]>
> = {
  standard: {
    draft: ['scheduled', 'canceled'],
    assess: ['canceled'],
    authorize: ['canceled'],
    scheduled: ['implement', 'draft', 'canceled'],
    implement: ['review', 'canceled'],
    review: ['closed', 'canceled'],
    closed: [],
    canceled: [],
  },
  normal: {
    draft: ['assess', 'canceled'],
    assess: ['authorize', 'draft', 'canceled'],
    authorize: ['draft', 'canceled'],
    scheduled: ['implement', 'draft', 'canceled'],
    implement: ['review', 'canceled'],
    review: ['closed', 'canceled'],
    closed: [],
    canceled: [],
  },
  emergency: {
    draft: ['authorize', 'canceled'],
    assess: ['authorize', 'draft', 'canceled'],
    authorize: ['draft', 'canceled'],
    scheduled: ['implement', 'draft', 'canceled'],
    implement: ['review', 'canceled'],
    review: ['closed', 'canceled'],
    closed: [],
    canceled: [],
  },
};

export function allowedChangeTransitions(
  type: ChangeType,
  from: ChangeState,
): readonly ChangeState[] {
  return TRANSITIONS[type]?.[from] ?? [];
}

/** The plan a change carries; what is required depends on the type and the target state. */
export interface ChangePlan {
  type: ChangeType;
  plannedStart: string | null;
  plannedEnd: string | null;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
}

export interface ChangeTransitionInput {
  to: ChangeState;
  closeCode?: ChangeCloseCode;
  closeNotes?: string;
  /** Recorded on the timeline with the move (e.g. why it is withdrawn or canceled). */
  comment?: string;
}

/** The plans a normal or emergency change needs before authorisation. */
const PLAN_FIELDS = ['implementationPlan', 'backoutPlan', 'testPlan'] as const;

/**
 * Guards of a move, shared by the backend (which enforces them) and the frontend (which
 * asks for what is missing). Returns the problems, empty when fine.
 */
export function changeTransitionGuard(
  plan: ChangePlan,
  input: ChangeTransitionInput,
): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const leavingPlanning =
    input.to === 'authorize' ||
    (input.to === 'scheduled' && plan.type === 'standard');
  if (leavingPlanning) {
    problems.push(...windowGuard(plan.plannedStart, plan.plannedEnd));
    if (plan.type !== 'standard') {
      for (const field of PLAN_FIELDS) {
        if (!plan[field].trim())
          problems.push({
            field,
            code: 'required',
            message: `${field} is required before authorisation`,
          });
      }
    }
  }
  if (input.to === 'closed' && !input.closeCode)
    problems.push({
      field: 'closeCode',
      code: 'required',
      message: 'closeCode is required to close',
    });
  if (input.to !== 'closed' && (input.closeCode || input.closeNotes))
    problems.push({
      field: input.closeCode ? 'closeCode' : 'closeNotes',
      code: 'not_allowed',
      message: 'closeCode and closeNotes are only allowed when closing',
    });
  return problems;
}

/** The guards' messages (see changeTransitionGuard). */
export function changeTransitionProblems(
  plan: ChangePlan,
  input: ChangeTransitionInput,
): string[] {
  return guardMessages(changeTransitionGuard(plan, input));
}

/**
 * A standard change is pre-approved because it is routine and safe: it must be low
 * risk (anything riskier is a normal change, which its owners approve).
 */
export function standardChangeGuard(plan: {
  type: ChangeType;
  risk: ChangeRisk;
}): GuardProblem[] {
  return plan.type === 'standard' && plan.risk !== 'low'
    ? [
        {
          field: 'risk',
          code: 'invalid',
          message:
            'risk: a standard change must be low risk; raise a normal change for moderate or high risk',
        },
      ]
    : [];
}

/** The guard's messages (see standardChangeGuard). */
export function standardChangeProblems(plan: {
  type: ChangeType;
  risk: ChangeRisk;
}): string[] {
  return guardMessages(standardChangeGuard(plan));
}

/** A planned window must have both ends, in order. */
export function windowGuard(
  start: string | null | undefined,
  end: string | null | undefined,
): GuardProblem[] {
  if (!start || !end)
    return [
      {
        field: start ? 'plannedEnd' : 'plannedStart',
        code: 'required',
        message: 'plannedStart and plannedEnd are required before scheduling',
      },
    ];
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (Number.isNaN(s))
    return [
      {
        field: 'plannedStart',
        code: 'invalid',
        message: 'plannedStart is not a date-time',
      },
    ];
  if (Number.isNaN(e))
    return [
      {
        field: 'plannedEnd',
        code: 'invalid',
        message: 'plannedEnd is not a date-time',
      },
    ];
  if (e <= s)
    return [
      {
        field: 'plannedEnd',
        code: 'order',
        message: 'plannedEnd must be after plannedStart',
      },
    ];
  return [];
}

/** The guard's messages (see windowGuard). */
export function windowProblems(
  start: string | null | undefined,
  end: string | null | undefined,
): string[] {
  return guardMessages(windowGuard(start, end));
}

/** Whether two half-open windows [start, end) overlap. */
export function windowsOverlap(
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean {
  return (
    Date.parse(a.start) < Date.parse(b.end) &&
    Date.parse(b.start) < Date.parse(a.end)
  );
}
