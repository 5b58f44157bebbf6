import {
  requestKind,
  RequestState,
  requestTransitionGuard,
} from '../kinds/request';
import { allowedTransitions, isOpenState, moveActor } from '../kinds/registry';
import { guardMessagesOf } from '../records/guards';

// The service request workflow under the names the plugins import, all read from the
// kind's declaration (kinds/request.ts).

export type { RequestState, RequestTransitionInput } from '../kinds/request';
export { requestTransitionGuard } from '../kinds/request';

/** The states, the open ones (lists hide the others by default) and their labels. */
export const {
  states: REQUEST_STATES,
  openStates: OPEN_REQUEST_STATES,
  stateLabels: REQUEST_STATE_LABELS,
} = requestKind;

/** Moves a person may ask for (see requestKind.transitions: who makes the others). */
export const REQUEST_TRANSITIONS: Record<
  RequestState,
  readonly RequestState[]
> = requestKind.transitions.table;

export function isOpenRequestState(state: RequestState): boolean {
  return isOpenState('request', state);
}

export function allowedRequestTransitions(
  from: RequestState,
): readonly RequestState[] {
  return allowedTransitions('request', from);
}

/** Who may make a move: the requester cancels; the owner group works the request. */
export function requestTransitionActor(
  to: RequestState,
): 'requester' | 'owner_group' {
  return moveActor('request', to);
}

/** The guard's messages (see requestTransitionGuard). */
export const requestTransitionProblems = guardMessagesOf(
  requestTransitionGuard,
);
