import {
  allowedRequestTransitions,
  RequestState,
  RequestTransitionInput,
  requestTransitionActor,
  requestTransitionGuard,
  ServiceRequest,
  ServiceRequestListFilter,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import { requestsRouteRef } from '../../routes';
import { Actor } from '../shared';
import {
  declaredKind,
  kindReads,
  presets,
  RecordKindDescriptor,
} from '../records';
import { DueTime } from './DueTime';

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
const NOTE_HELP: Partial<Record<RequestState, string>> = {
  fulfilled: 'Required: what was done, as the requester will read it',
  rejected: 'Required: why the request cannot be fulfilled',
  canceled: 'Optional: why it is no longer needed',
  in_fulfillment: 'Optional: recorded on the timeline',
};

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

/**
 * Service requests: ordered from an offering of the service catalog (not created
 * here), approved, fulfilled by the offering's owner group or canceled by the requester.
 * Each move takes a note: required to fulfil (what was done) and to reject (why).
 */
export const requestDescriptor: RecordKindDescriptor<
  ServiceRequest,
  ServiceRequestListFilter,
  RequestTransitionInput
> = {
  ...declaredKind('request'),
  api: kindReads('listRequests', 'getRequest', 'getRequestTimeline'),
  columns: [
    'number',
    'title',
    { title: 'Offering', field: 'offeringTitle' },
    'state',
    {
      title: 'Due',
      field: 'dueAt',
      render: request => <DueTime request={request} />,
    },
    'entity',
    'requester',
  ],
  view: {
    routeRef: requestsRouteRef,
    presets: [
      presets.requestedByMe('My requests'),
      // What the user's groups may work now (as "My work" counts it).
      presets.ofMyGroups('To fulfil', 'to-fulfil', {
        state: ['approved', 'in_fulfillment'],
      }),
      presets.assignedToMe(),
      presets.ofMyGroups(),
      presets.everybody('All requests'),
    ],
  },
  moves: {
    dialogId: 'itsm-request-transition',
    allowed: request => allowedRequestTransitions(request.state),
    mayMove,
    label: to => REQUEST_TRANSITION_LABELS[to],
    backward: ['rejected', 'canceled'],
    fields: to => [
      {
        name: 'note',
        id: 'itsm-request-note',
        label: 'Note',
        helperText: NOTE_HELP[to],
        minRows: 3,
        maxLength: TEXT_LIMITS.resolutionNotes,
        missing: NOTE_HELP[to],
        trim: true,
      },
    ],
    guard: (_request, input) => requestTransitionGuard(input),
    send: (api, id, request) => api.transitionRequest(id, request),
  },
};
