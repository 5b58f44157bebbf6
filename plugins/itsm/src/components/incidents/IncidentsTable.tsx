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
  FilteredRecordTable,
  IncidentLink,
  PriorityChip,
  RecordTableProps,
  RefLink,
  StateChip,
  StateFilter as RecordStateFilter,
} from '../shared';

/** `open` hides resolved, closed and canceled incidents: the default of every list. */
export type StateFilter = RecordStateFilter<IncidentState>;

/** @public */
export type IncidentsTableProps = RecordTableProps<IncidentListFilter>;

/** A filterable, keyset-paged list of incidents, newest first. */
export const IncidentsTable = (props: IncidentsTableProps) => {
  const { title = 'Incidents', showEntity = false } = props;
  const itsmApi = useApi(itsmApiRef);
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
    <FilteredRecordTable<Incident, IncidentListFilter, IncidentState, Priority>
      {...props}
      title={title}
      noun="incidents"
      columns={columns}
      states={INCIDENT_STATES}
      stateLabels={INCIDENT_STATE_LABELS}
      codeFilter={{ param: 'priority', label: 'Priority', codes: PRIORITIES }}
      fetch={query => itsmApi.listIncidents(query)}
    />
  );
};
