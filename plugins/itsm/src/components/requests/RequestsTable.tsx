import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  RequestState,
  ServiceRequest,
  ServiceRequestListFilter,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  FilteredRecordTable,
  RecordLink,
  RecordTableProps,
  RefLink,
  StateChip,
} from '../shared';
import { DueTime } from './DueTime';

/** @public */
export type RequestsTableProps = RecordTableProps<ServiceRequestListFilter> & {
  /** Who asked (the fulfilling group's queue needs it, the requester's own list not). */
  showRequester?: boolean;
};

/** A filterable, keyset-paged list of service requests, newest first. */
export const RequestsTable = (props: RequestsTableProps) => {
  const { title = 'Service requests', showEntity, showRequester } = props;
  const itsmApi = useApi(itsmApiRef);
  const columns: TableColumn<ServiceRequest>[] = [
    {
      title: 'Number',
      field: 'number',
      width: '9em',
      cellStyle: { whiteSpace: 'nowrap' },
      render: request => <RecordLink kind="request" number={request.number} />,
    },
    { title: 'Title', field: 'title' },
    { title: 'Offering', field: 'offeringTitle' },
    {
      title: 'State',
      field: 'state',
      render: request => <StateChip state={request.state} />,
    },
    {
      title: 'Due',
      field: 'dueAt',
      render: request => <DueTime request={request} />,
    },
    ...(showEntity
      ? [
          {
            title: 'CI',
            field: 'entityRef',
            render: (request: ServiceRequest) => (
              <RefLink entityRef={request.entityRef} />
            ),
          },
        ]
      : []),
    ...(showRequester
      ? [
          {
            title: 'Requester',
            field: 'requester',
            render: (request: ServiceRequest) => (
              <RefLink entityRef={request.requester} />
            ),
          },
        ]
      : []),
  ];

  return (
    <FilteredRecordTable<
      ServiceRequest,
      ServiceRequestListFilter,
      RequestState,
      never
    >
      {...props}
      title={title}
      noun="requests"
      columns={columns}
      states={REQUEST_STATES}
      stateLabels={REQUEST_STATE_LABELS}
      fetch={query => itsmApi.listRequests(query)}
    />
  );
};
