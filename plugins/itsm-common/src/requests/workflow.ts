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

export const REQUEST_STATES: readonly RequestState[] = requestKind.states;

export const OPEN_REQUEST_STATES: readonly RequestState[] =
  requestKind.openStates;

export const REQUEST_STATE_LABELS: Record<RequestState, string> =
  requestKind.stateLabels;

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
