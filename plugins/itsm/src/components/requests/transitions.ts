import {
  RequestState,
  requestTransitionActor,
  ServiceRequest,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * The button label of a request's move, and its dialog's title and confirm button.
 * Rejecting is "Reject request": approval steps on the same page have "Reject".
 */
export const REQUEST_TRANSITION_LABELS: Record<RequestState, string> = {
  submitted: 'Submit',
  awaiting_approval: 'Ask for approval',
  approved: 'Approve',
  in_fulfillment: 'Start fulfilment',
  fulfilled: 'Fulfil',
  rejected: 'Reject request',
  canceled: 'Cancel request',
};

/** What the note of a move is for; required where the workflow requires one. */
export const NOTE_HELP: Partial<Record<RequestState, string>> = {
  fulfilled: 'Required: what was done, as the requester will read it',
  rejected: 'Required: why the request cannot be fulfilled',
  canceled: 'Optional: why it is no longer needed',
  in_fulfillment: 'Optional: recorded on the timeline',
};

/** The signed-in user, as far as the moves of a request depend on it. */
export interface Actor {
  userEntityRef: string;
  /** Lower-case ownership refs (the user and their groups). */
  ownershipEntityRefs: string[];
}

/**
 * Whether `actor` may make the move, as the server decides it: the requester cancels;
 * members of the owner group (the assignment group) do the rest.
 */
export function mayMove(
  request: ServiceRequest,
  to: RequestState,
  actor: Actor,
): boolean {
  if (requestTransitionActor(to) === 'requester') {
    return (
      actor.userEntityRef.toLocaleLowerCase('en-US') ===
      request.requester.toLocaleLowerCase('en-US')
    );
  }
  return (
    !!request.assignmentGroup &&
    actor.ownershipEntityRefs.includes(
      request.assignmentGroup.toLocaleLowerCase('en-US'),
    )
  );
}
