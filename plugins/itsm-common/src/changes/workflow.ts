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

/**
 * Guards of a move, shared by the backend (which enforces them) and the frontend (which
 * asks for what is missing). Returns the problems, empty when fine.
 */
export function changeTransitionProblems(
  plan: ChangePlan,
  input: ChangeTransitionInput,
): string[] {
  const problems: string[] = [];
  const leavingPlanning =
    input.to === 'authorize' ||
    (input.to === 'scheduled' && plan.type === 'standard');
  if (leavingPlanning) {
    problems.push(...windowProblems(plan.plannedStart, plan.plannedEnd));
    if (plan.type !== 'standard') {
      if (!plan.implementationPlan.trim())
        problems.push('implementationPlan is required before authorisation');
      if (!plan.backoutPlan.trim())
        problems.push('backoutPlan is required before authorisation');
      if (!plan.testPlan.trim())
        problems.push('testPlan is required before authorisation');
    }
  }
  if (input.to === 'closed' && !input.closeCode)
    problems.push('closeCode is required to close');
  if (input.to !== 'closed' && (input.closeCode || input.closeNotes))
    problems.push('closeCode and closeNotes are only allowed when closing');
  return problems;
}

/**
 * A standard change is pre-approved because it is routine and safe: it must be low
 * risk (anything riskier is a normal change, which its owners approve).
 */
export function standardChangeProblems(plan: {
  type: ChangeType;
  risk: ChangeRisk;
}): string[] {
  return plan.type === 'standard' && plan.risk !== 'low'
    ? [
        'risk: a standard change must be low risk; raise a normal change for moderate or high risk',
      ]
    : [];
}

/** A planned window must have both ends, in order. */
export function windowProblems(
  start: string | null | undefined,
  end: string | null | undefined,
): string[] {
  if (!start || !end)
    return ['plannedStart and plannedEnd are required before scheduling'];
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (Number.isNaN(s)) return ['plannedStart is not a date-time'];
  if (Number.isNaN(e)) return ['plannedEnd is not a date-time'];
  if (e <= s) return ['plannedEnd must be after plannedStart'];
  return [];
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
