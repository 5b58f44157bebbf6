import { GuardProblem } from '../records/guards';
import {
  declareStates,
  DeclaredState,
  RecordKindDeclaration,
} from './declaration';

/** Service request states, in the order of the workflow (docs/domain-rules.md §3 Service request). */
const STATES = {
  open: {
    submitted: 'Submitted',
    awaiting_approval: 'Awaiting approval',
    approved: 'Approved',
    in_fulfillment: 'In fulfilment',
  },
  closed: {
    fulfilled: 'Fulfilled',
    rejected: 'Rejected',
    canceled: 'Canceled',
  },
} as const;

export type RequestState = DeclaredState<typeof STATES>;

export interface RequestTransitionInput {
  to: RequestState;
  /** Required to fulfil (what was done) and to reject (why); optional otherwise. */
  note?: string;
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

/** The service request kind (docs/domain-rules.md §3 Service request). */
export const requestKind = {
  kind: 'request',
  numberPrefix: 'REQ',
  apiPath: 'requests',
  labels: {
    singular: 'Service request',
    plural: 'Service requests',
    created: 'submitted the request',
  },
  ...declareStates(STATES),
  initialState: 'submitted',
  /**
   * `submitted → awaiting_approval | approved` and `awaiting_approval → approved |
   * rejected` are made by the system and the approval decisions. `rejected` by the
   * owner group means it cannot be fulfilled (a reason is required); `canceled` is the
   * requester's, while the request is not fulfilled.
   */
  transitions: {
    table: {
      submitted: ['canceled'],
      awaiting_approval: ['canceled'],
      approved: ['in_fulfillment', 'rejected', 'canceled'],
      in_fulfillment: ['fulfilled', 'rejected', 'canceled'],
      fulfilled: [],
      rejected: [],
      canceled: [],
    },
  },
  guard: requestTransitionGuard,
  approvalState: 'awaiting_approval',
  requesterMoves: ['canceled'],
  // A rejected request is not measured: nobody could have fulfilled it.
  slaCancelStates: ['rejected', 'canceled'],
  commentPermission: 'update',
} as const satisfies RecordKindDeclaration<
  'request',
  RequestState,
  RequestTransitionInput
>;
