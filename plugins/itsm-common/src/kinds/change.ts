import { GuardProblem } from '../records/guards';
import {
  declareStates,
  DeclaredState,
  RecordKindDeclaration,
  TransitionTable,
} from './declaration';

/** Change states, in the order of the workflow (docs/domain-rules.md §3 Change). */
const STATES = {
  open: {
    draft: 'Draft',
    assess: 'Assess',
    authorize: 'Authorize',
    scheduled: 'Scheduled',
    implement: 'Implement',
    review: 'Review',
  },
  closed: {
    closed: 'Closed',
    canceled: 'Canceled',
  },
} as const;

export type ChangeState = DeclaredState<typeof STATES>;

/** Change types (docs/domain-rules.md §3 Change). */
export const CHANGE_TYPE_LABELS = {
  standard: 'Standard (pre-approved)',
  normal: 'Normal',
  emergency: 'Emergency',
} as const;
export type ChangeType = keyof typeof CHANGE_TYPE_LABELS;

export const CHANGE_RISK_LABELS = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
} as const;
export type ChangeRisk = keyof typeof CHANGE_RISK_LABELS;

export const CHANGE_CLOSE_CODE_LABELS = {
  successful: 'Successful',
  successful_with_issues: 'Successful with issues',
  unsuccessful: 'Unsuccessful',
  backed_out: 'Backed out',
} as const;
export type ChangeCloseCode = keyof typeof CHANGE_CLOSE_CODE_LABELS;

/** States whose planned window occupies the CIs (conflict detection looks at these). */
export const COMMITTED_CHANGE_STATES: readonly ChangeState[] = [
  'scheduled',
  'implement',
];

/** States in which the plan may still be edited: the approvals are for the plan. */
export const PLANNING_CHANGE_STATES: readonly ChangeState[] = [
  'draft',
  'assess',
];

/** From `scheduled` on, every type moves the same way. */
const ONCE_SCHEDULED = {
  scheduled: ['implement', 'draft', 'canceled'],
  implement: ['review', 'canceled'],
  review: ['closed', 'canceled'],
  closed: [],
  canceled: [],
} as const;

/** Assessment and authorisation, for the types that are approved. */
const ONCE_ASSESSED = {
  assess: ['authorize', 'draft', 'canceled'],
  authorize: ['draft', 'canceled'],
} as const;

/**
 * Moves a person may ask for, by type. `authorize → scheduled` and `authorize → draft`
 * are not here: the approval decisions make them. Going back to `draft` from assess or
 * scheduled is a re-plan (the approvals of a scheduled change no longer hold).
 */
const TRANSITIONS_BY_TYPE: Record<ChangeType, TransitionTable<ChangeState>> = {
  standard: {
    draft: ['scheduled', 'canceled'],
    assess: ['canceled'],
    authorize: ['canceled'],
    ...ONCE_SCHEDULED,
  },
  normal: {
    draft: ['assess', 'canceled'],
    ...ONCE_ASSESSED,
    ...ONCE_SCHEDULED,
  },
  emergency: {
    draft: ['authorize', 'canceled'],
    ...ONCE_ASSESSED,
    ...ONCE_SCHEDULED,
  },
};

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

/** One problem of a field, as the change guards report it. */
function problem(
  field: string,
  code: GuardProblem['code'],
  message: string,
): GuardProblem[] {
  return [{ field, code, message }];
}

/** A planned window must have both ends, in order. */
export function windowGuard(
  start: string | null | undefined,
  end: string | null | undefined,
): GuardProblem[] {
  if (!start || !end)
    return problem(
      start ? 'plannedEnd' : 'plannedStart',
      'required',
      'plannedStart and plannedEnd are required before scheduling',
    );
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (Number.isNaN(s))
    return problem(
      'plannedStart',
      'invalid',
      'plannedStart is not a date-time',
    );
  if (Number.isNaN(e))
    return problem('plannedEnd', 'invalid', 'plannedEnd is not a date-time');
  if (e <= s)
    return problem(
      'plannedEnd',
      'order',
      'plannedEnd must be after plannedStart',
    );
  return [];
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
          problems.push(
            ...problem(
              field,
              'required',
              `${field} is required before authorisation`,
            ),
          );
      }
    }
  }
  if (input.to === 'closed' && !input.closeCode)
    problems.push(
      ...problem('closeCode', 'required', 'closeCode is required to close'),
    );
  if (input.to !== 'closed' && (input.closeCode || input.closeNotes))
    problems.push(
      ...problem(
        input.closeCode ? 'closeCode' : 'closeNotes',
        'not_allowed',
        'closeCode and closeNotes are only allowed when closing',
      ),
    );
  return problems;
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
    ? problem(
        'risk',
        'invalid',
        'risk: a standard change must be low risk; raise a normal change for moderate or high risk',
      )
    : [];
}

/** The change kind (docs/domain-rules.md §3 Change). */
export const changeKind = {
  kind: 'change',
  numberPrefix: 'CHG',
  apiPath: 'changes',
  labels: {
    singular: 'Change',
    plural: 'Changes',
    created: 'raised the change',
  },
  ...declareStates(STATES),
  initialState: 'draft',
  transitions: { by: 'type', tables: TRANSITIONS_BY_TYPE },
  guard: (move: ChangeTransitionInput, plan: ChangePlan) =>
    changeTransitionGuard(plan, move),
  approvalState: 'authorize',
  requesterMoves: [],
  slaCancelStates: ['canceled'],
  commentPermission: 'update',
} as const satisfies RecordKindDeclaration<
  'change',
  ChangeState,
  ChangeTransitionInput,
  ChangePlan
>;
