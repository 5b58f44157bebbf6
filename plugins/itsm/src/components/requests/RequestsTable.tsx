import { ServiceRequestListFilter } from '@backstage-itsm/plugin-itsm-common';
import { RecordTable, RecordTableProps } from '../records';
import { requestDescriptor } from './descriptor';

/** @public */
export type RequestsTableProps = RecordTableProps<ServiceRequestListFilter> & {
  /** Who asked (the fulfilling group's queue needs it, the requester's own list not). */
  showRequester?: boolean;
};

/** A filterable, keyset-paged list of service requests, newest first. */
export const RequestsTable = (props: RequestsTableProps) => (
  <RecordTable kind={requestDescriptor} {...props} />
);
