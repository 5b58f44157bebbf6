import {
  OPEN_REQUEST_STATES,
  RequestState,
  ServiceRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { KindStore } from '../records/KindStore';
import { RecordStore } from '../records/RecordStore';
import { toIso, toIsoOrNull } from '../records/time';

/** Request columns beside the record core. */
export type RequestFields = Pick<
  ServiceRequest,
  | 'offeringRef'
  | 'offeringTitle'
  | 'parameters'
  | 'fulfillmentTarget'
  | 'dueAt'
  | 'fulfilledAt'
  | 'resolutionNote'
> & {
  /** The current approval round (0 before any approval). */
  approvalRound: number;
};

export type StoredRequest = ServiceRequest & { approvalRound: number };

export function isOpenRequestState(state: RequestState): boolean {
  return OPEN_REQUEST_STATES.includes(state);
}

/** Service requests: the `itsm_requests` row joined to the record core. */
export class RequestStore extends KindStore<StoredRequest, RequestFields> {
  constructor(records: RecordStore) {
    super(records, {
      kind: 'request',
      table: 'itsm_requests',
      columns: {
        offeringRef: 'offering_ref',
        offeringTitle: 'offering_title',
        parameters: 'parameters',
        fulfillmentTarget: 'fulfillment_target',
        dueAt: 'due_at',
        fulfilledAt: 'fulfilled_at',
        resolutionNote: 'resolution_note',
        approvalRound: 'approval_round',
      },
      toColumn: {
        parameters: value => JSON.stringify(value),
      },
      fromRow: row => ({
        kind: 'request' as const,
        state: row.state as RequestState,
        offeringRef: row.offering_ref,
        offeringTitle: row.offering_title,
        parameters: JSON.parse(row.parameters),
        fulfillmentTarget: row.fulfillment_target,
        dueAt: toIso(row.due_at),
        fulfilledAt: toIsoOrNull(row.fulfilled_at),
        resolutionNote: row.resolution_note ?? null,
        approvalRound: Number(row.approval_round),
      }),
    });
  }
}
