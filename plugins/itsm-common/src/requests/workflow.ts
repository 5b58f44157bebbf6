import { GuardProblem, guardMessages } from '../records/guards';

/** Service request states (docs/DESIGN.md §3 Service request). */
export type RequestState =
  | 'submitted'
  | 'awaiting_approval'
  | 'approved'
  | 'in_fulfillment'
  | 'fulfilled'
  | 'rejected'
  | 'canceled';

export const REQUEST_STATES: readonly RequestState[] = [
  'submitted',
  'awaiting_approval',
  'approved',
  'in_fulfillment',
  'fulfilled',
  'rejected',
  'canceled',
];

export const OPEN_REQUEST_STATES: readonly RequestState[] = [
  'submitted',
  'awaiting_approval',
  'approved',
  'in_fulfillment',
];

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  submitted: 'Submitted',
  awaiting_approval: 'Awaiting approval',
  approved: 'Approved',
  in_fulfillment: 'In fulfilment',
  fulfilled: 'Fulfilled',
  rejected: 'Rejected',
  canceled: 'Canceled',
};

/**
 * Moves a person may ask for. `submitted → awaiting_approval | approved` and
 * `awaiting_approval → approved | rejected` are made by the system and the approval
 * decisions. `rejected` by the owner group means it cannot be fulfilled (a reason is
 * required); `canceled` is the requester's, while the request is not fulfilled.
 */
export const REQUEST_TRANSITIONS: Record<
  RequestState,
  readonly RequestState[]
> = {
  submitted: ['canceled'],
  awaiting_approval: ['canceled'],
  approved: ['in_fulfillment', 'rejected', 'canceled'],
  in_fulfillment: ['fulfilled', 'rejected', 'canceled'],
  fulfilled: [],
  rejected: [],
  canceled: [],
};

export function allowedRequestTransitions(
  from: RequestState,
): readonly RequestState[] {
  return REQUEST_TRANSITIONS[from] ?? [];
}

export interface RequestTransitionInput {
  to: RequestState;
  /** Required to fulfil (what was done) and to reject (why); optional otherwise. */
  note?: string;
}

/** Who may make a move: the requester cancels; the owner group works the request. */
export function requestTransitionActor(
  to: RequestState,
): 'requester' | 'owner_group' {
  return to === 'canceled' ? 'requester' : 'owner_group';
}

/** The guard of a move: fulfilling says what was done, rejecting says why. */
export function requestTransitionGuard(
  input: RequestTransitionInput,
): GuardProblem[] {
  if (
    (input.to === 'fulfilled' || input.to === 'rejected') &&
    !input.note?.trim()
  )
    return [
      {
        field: 'note',
        code: 'required',
        message:
          input.to === 'fulfilled'
            ? 'note: say what was done to fulfil the request'
            : 'note: a reason is required to reject',
      },
    ];
  return [];
}

/** The guard's messages (see requestTransitionGuard). */
export function requestTransitionProblems(
  input: RequestTransitionInput,
): string[] {
  return guardMessages(requestTransitionGuard(input));
}
