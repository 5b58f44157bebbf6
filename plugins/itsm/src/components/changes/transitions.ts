import {
  Change,
  ChangeState,
  changeTransitionGuard,
  GuardProblem,
} from '@backstage-itsm/plugin-itsm-common';

/** The button label of a move to a state, in the words of the people doing it. */
export const CHANGE_TRANSITION_LABELS: Record<ChangeState, string> = {
  draft: 'Back to draft',
  assess: 'Assess',
  authorize: 'Authorize',
  scheduled: 'Schedule',
  implement: 'Implement',
  review: 'Review',
  closed: 'Close',
  canceled: 'Cancel',
};

/** Field names as the plan form labels them. */
export const CHANGE_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  entityRef: 'Configuration item',
  affectedEntityRefs: 'Affected CIs',
  type: 'Type',
  risk: 'Risk',
  plannedStart: 'Planned start',
  plannedEnd: 'Planned end',
  implementationPlan: 'Implementation plan',
  backoutPlan: 'Backout plan',
  testPlan: 'Test plan',
  closeCode: 'Close code',
  closeNotes: 'Close notes',
};

/**
 * A guard's problem (from the common workflow, phrased with the API's field names) in
 * the form's words: `backoutPlan is required before authorisation` → `Backout plan is
 * required before authorisation`. Only the wording: what to do with a problem is decided
 * by its field and code.
 */
export function humanizeProblem(problem: GuardProblem): string {
  const text = problem.message.replace(
    /\b(plannedStart|plannedEnd|implementationPlan|backoutPlan|testPlan|closeCode|closeNotes)\b/g,
    field => CHANGE_FIELD_LABELS[field].toLocaleLowerCase('en-US'),
  );
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

/**
 * What stops a move before it is asked for: the shared guards on the change's plan.
 * Closing is left out (the close dialog asks for the code).
 */
export function planProblems(change: Change, to: ChangeState): string[] {
  if (to === 'closed') return [];
  return changeTransitionGuard(change, { to }).map(humanizeProblem);
}
