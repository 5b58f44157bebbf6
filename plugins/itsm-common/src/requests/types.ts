import { RecordCore, RecordListFilterBase } from '../records/types';
import { RequestState } from './workflow';

/** A JSON object: the parameters of a request, as its offering's form defines them. */
export type RequestParameters = { [key: string]: unknown };

export interface ServiceRequest extends RecordCore {
  kind: 'request';
  state: RequestState;
  /** The ServiceOffering entity ordered (entityRef is the CI that provides it). */
  offeringRef: string;
  offeringTitle: string;
  /** Validated against the offering's JSON Schema when submitted. */
  parameters: RequestParameters;
  /** When it should be fulfilled: submitted + the offering's fulfilment target. */
  dueAt: string;
  fulfillmentTarget: string;
  fulfilledAt: string | null;
  /** What was done (fulfilled) or why not (rejected by the owner group). */
  resolutionNote: string | null;
}

export interface CreateServiceRequest {
  /** A ServiceOffering entity ref, e.g. serviceoffering:default/new-postgres-database. */
  offeringRef: string;
  parameters: RequestParameters;
  /** Defaults to the offering's title. */
  title?: string;
  description?: string;
}

export interface ServiceRequestListFilter
  extends RecordListFilterBase<RequestState> {
  offeringRef?: string;
}
