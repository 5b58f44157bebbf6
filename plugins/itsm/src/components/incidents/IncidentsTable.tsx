import { ReactNode, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import {
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
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
  RefLink,
  StateChip,
} from '../shared';

/** `open` hides resolved, closed and canceled incidents: the default of every list. */
export type StateFilter = 'open' | 'all' | IncidentState;

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
  // Serialised so that a caller passing a fresh object each render does not refetch.
  const filterKey = JSON.stringify(filter ?? {});
  // Cursors of the pages up to the current one (the first page has none). They belong
  // to one query: when a filter changes, paging starts again from the first page.
  const pagingKey = `${filterKey}|${stateFilter}|${priority}|${reloadKey}`;
  const [paging, setPaging] = useState<{
    key: string;
    cursors: (string | undefined)[];
  }>({ key: pagingKey, cursors: [undefined] });
  const cursors = paging.key === pagingKey ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const setCursors = (next: (string | undefined)[]) =>
    setPaging({ key: pagingKey, cursors: next });

  const query = useMemo<IncidentListFilter>(() => {
    const base: IncidentListFilter = JSON.parse(filterKey);
    return {
      ...base,
      ...(stateFilter === 'open' ? { open: true } : {}),
      ...(stateFilter !== 'open' && stateFilter !== 'all'
        ? { state: [stateFilter] }
        : {}),
      ...(priority ? { priority: [priority] } : {}),
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    };
  }, [filterKey, stateFilter, priority, pageSize, cursor]);

  const { value, loading, error } = useAsync(
    () => itsmApi.listIncidents(query),
    [itsmApi, query, reloadKey],
  );

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

  const page = cursors.length;
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        gridGap={16}
        mb={2}
      >
        <TextField
          select
          id="itsm-filter-state"
          label="State"
          value={stateFilter}
          onChange={e => setStateFilter(e.target.value as StateFilter)}
          SelectProps={{ native: true }}
          variant="outlined"
          size="small"
        >
          <option value="open">Open</option>
          <option value="all">All</option>
          {INCIDENT_STATES.map(state => (
            <option key={state} value={state}>
              {INCIDENT_STATE_LABELS[state]}
            </option>
          ))}
        </TextField>
        <TextField
          select
          id="itsm-filter-priority"
          label="Priority"
          value={priority}
          onChange={e => setPriority(e.target.value as Priority | '')}
          SelectProps={{ native: true }}
          // A native select shows "Any" for the empty value: keep the label above it.
          InputLabelProps={{ shrink: true }}
          variant="outlined"
          size="small"
          style={{ minWidth: '8em' }}
        >
          <option value="">Any</option>
          {PRIORITIES.map(p => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </TextField>
        <Box flexGrow={1} />
        {actions}
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <Table<Incident>
          title={title}
          isLoading={loading}
          columns={columns}
          data={value?.items ?? []}
          options={{
            paging: false,
            search: false,
            sorting: false,
            padding: 'dense',
          }}
          emptyContent={
            <Box p={2} textAlign="center">
              {stateFilter === 'open'
                ? 'No open incidents.'
                : 'No incidents match these filters.'}
            </Box>
          }
        />
      )}
      <Box
        display="flex"
        justifyContent="flex-end"
        alignItems="center"
        gridGap={8}
        mt={1}
      >
        <span>Page {page}</span>
        <Button
          size="small"
          disabled={page === 1 || loading}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </Button>
        <Button
          size="small"
          disabled={!value?.nextCursor || loading}
          onClick={() =>
            value?.nextCursor && setCursors([...cursors, value.nextCursor])
          }
        >
          Next page
        </Button>
      </Box>
    </>
  );
};
