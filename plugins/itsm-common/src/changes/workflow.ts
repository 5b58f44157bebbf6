import {
  CHANGE_CLOSE_CODE_LABELS,
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  changeKind,
  ChangeState,
  changeTransitionGuard,
  ChangeType,
  standardChangeGuard,
  windowGuard,
} from '../kinds/change';
import { keysOf } from '../kinds/declaration';
import { allowedTransitions, isOpenState } from '../kinds/registry';
import { guardMessagesOf } from '../records/guards';

// The change workflow under the names the plugins import, all read from the kind's
// declaration (kinds/change.ts).

export type {
  ChangeCloseCode,
  ChangePlan,
  ChangeRisk,
  ChangeState,
  ChangeTransitionInput,
  ChangeType,
} from '../kinds/change';
export {
  CHANGE_CLOSE_CODE_LABELS,
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  changeTransitionGuard,
  COMMITTED_CHANGE_STATES,
  PLANNING_CHANGE_STATES,
  standardChangeGuard,
  windowGuard,
} from '../kinds/change';

export const CHANGE_TYPES = keysOf(CHANGE_TYPE_LABELS);

export const CHANGE_RISKS = keysOf(CHANGE_RISK_LABELS);

export const CHANGE_CLOSE_CODES = keysOf(CHANGE_CLOSE_CODE_LABELS);

/** The states, the open ones (lists hide the others by default) and their labels. */
export const {
  states: CHANGE_STATES,
  openStates: OPEN_CHANGE_STATES,
  stateLabels: CHANGE_STATE_LABELS,
} = changeKind;

export function isOpenChangeState(state: ChangeState): boolean {
  return isOpenState('change', state);
}

/** The moves a person may ask for from `from`, for a change of this type. */
export function allowedChangeTransitions(
  type: ChangeType,
  from: ChangeState,
): readonly ChangeState[] {
  return allowedTransitions('change', from, type);
}

/** The guards' messages (see changeTransitionGuard). */
export const changeTransitionProblems = guardMessagesOf(changeTransitionGuard);

/** The guard's messages (see standardChangeGuard). */
export const standardChangeProblems = guardMessagesOf(standardChangeGuard);

/** The guard's messages (see windowGuard). */
export const windowProblems = guardMessagesOf(windowGuard);

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
