import { ReactNode, useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  INCIDENT_STATE_LABELS,
  INCIDENT_STATES,
  Incident,
  IncidentListFilter,
  IncidentState,
  PRIORITIES,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  formatAge,
  formatDateTime,
  IncidentLink,
  PriorityChip,
  RecordListTable,
  RefLink,
  SelectField,
  StateChip,
  StateFilter as RecordStateFilter,
  StateFilterField,
  stateQuery,
  usePagedList,
} from '../shared';

/** `open` hides resolved, closed and canceled incidents: the default of every list. */
export type StateFilter = RecordStateFilter<IncidentState>;

/** @public */
export interface IncidentsTableProps {
  title?: string;
  /** The fixed part of the query (entity, assignee, group, requester). */
  filter?: Omit<IncidentListFilter, 'state' | 'open' | 'cursor' | 'limit'>;
  /** Show the CI column (not needed on an entity's own tab). */
  showEntity?: boolean;
  pageSize?: number;
  /** Change it to reload, e.g. after an incident was reported. */
  reloadKey?: number;
  /** Buttons next to the filters, e.g. "Report incident". */
  actions?: ReactNode;
}

/** A filterable, keyset-paged list of incidents, newest first. */
export const IncidentsTable = (props: IncidentsTableProps) => {
  const {
    title = 'Incidents',
    filter,
    showEntity = false,
    pageSize = 20,
    reloadKey = 0,
    actions,
  } = props;
  const itsmApi = useApi(itsmApiRef);
  const [stateFilter, setStateFilter] = useState<StateFilter>('open');
  const [priority, setPriority] = useState<Priority | ''>('');
  const { value, loading, error, paging } = usePagedList({
    filter,
    own: {
      ...stateQuery(stateFilter),
      ...(priority ? { priority: [priority] } : {}),
    },
    pageSize,
    reloadKey,
    fetch: (query: IncidentListFilter) => itsmApi.listIncidents(query),
  });

  const columns: TableColumn<Incident>[] = [
    {
      title: 'Number',
      field: 'number',
      width: '9em',
      cellStyle: { whiteSpace: 'nowrap' },
      render: incident => <IncidentLink number={incident.number} />,
    },
    { title: 'Title', field: 'title' },
    ...(showEntity
      ? [
          {
            title: 'CI',
            field: 'entityRef',
            render: (incident: Incident) => (
              <RefLink entityRef={incident.entityRef} />
            ),
          },
        ]
      : []),
    {
      title: 'State',
      field: 'state',
      render: incident => <StateChip state={incident.state} />,
    },
    {
      title: 'Priority',
      field: 'priority',
      render: incident => <PriorityChip priority={incident.priority} />,
    },
    {
      title: 'Assignee',
      field: 'assignee',
      render: incident => (
        <RefLink entityRef={incident.assignee} empty="Unassigned" />
      ),
    },
    {
      title: 'Assignment group',
      field: 'assignmentGroup',
      render: incident => <RefLink entityRef={incident.assignmentGroup} />,
    },
    {
      title: 'Age',
      field: 'createdAt',
      render: incident => (
        <span title={formatDateTime(incident.createdAt)}>
          {formatAge(incident.createdAt)}
        </span>
      ),
    },
  ];

  return (
    <RecordListTable<Incident>
      title={title}
      columns={columns}
      loading={loading}
      error={error}
      page={value}
      paging={paging}
      actions={actions}
      filters={
        <>
          <StateFilterField
            id="itsm-filter-state"
            value={stateFilter}
            states={INCIDENT_STATES}
            labels={INCIDENT_STATE_LABELS}
            onChange={setStateFilter}
          />
          <SelectField
            id="itsm-filter-priority"
            label="Priority"
            size="small"
            empty="Any"
            value={priority}
            codes={PRIORITIES}
            onChange={setPriority}
          />
        </>
      }
      emptyContent={
        stateFilter === 'open'
          ? 'No open incidents.'
          : 'No incidents match these filters.'
      }
    />
  );
};
