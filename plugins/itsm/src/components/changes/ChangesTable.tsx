import { ReactNode, useMemo, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  CHANGE_STATE_LABELS,
  CHANGE_STATES,
  CHANGE_TYPE_LABELS,
  CHANGE_TYPES,
  Change,
  ChangeListFilter,
  ChangeState,
  ChangeType,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  ChangeLink,
  formatWindow,
  RecordListTable,
  RefLink,
  StateChip,
  StateFilter,
  StateFilterField,
  stateQuery,
  useKeysetPaging,
} from '../shared';
import { ChangeTypeChip, RiskChip } from './ChangeChips';

/** @public */
export interface ChangesTableProps {
  title?: string;
  /** The fixed part of the query (entity, assignee, group, requester). */
  filter?: Omit<ChangeListFilter, 'state' | 'open' | 'cursor' | 'limit'>;
  /** Show the CI column (not needed on an entity's own tab). */
  showEntity?: boolean;
  pageSize?: number;
  /** Change it to reload, e.g. after a change was requested. */
  reloadKey?: number;
  /** Buttons next to the filters, e.g. "Request change". */
  actions?: ReactNode;
}

/** A filterable, keyset-paged list of changes, newest first. */
export const ChangesTable = (props: ChangesTableProps) => {
  const {
    title = 'Changes',
    filter,
    showEntity = false,
    pageSize = 20,
    reloadKey = 0,
    actions,
  } = props;
  const itsmApi = useApi(itsmApiRef);
  const [stateFilter, setStateFilter] =
    useState<StateFilter<ChangeState>>('open');
  const [type, setType] = useState<ChangeType | ''>('');
  const filterKey = JSON.stringify(filter ?? {});
  const paging = useKeysetPaging(
    `${filterKey}|${stateFilter}|${type}|${reloadKey}`,
  );
  const cursor = paging.cursor;

  const query = useMemo<ChangeListFilter>(
    () => ({
      ...JSON.parse(filterKey),
      ...stateQuery(stateFilter),
      ...(type ? { type: [type] } : {}),
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    }),
    [filterKey, stateFilter, type, pageSize, cursor],
  );

  const { value, loading, error } = useAsync(
    () => itsmApi.listChanges(query),
    [itsmApi, query, reloadKey],
  );

  const columns: TableColumn<Change>[] = [
    {
      title: 'Number',
      field: 'number',
      width: '9em',
      cellStyle: { whiteSpace: 'nowrap' },
      render: change => <ChangeLink number={change.number} />,
    },
    { title: 'Title', field: 'title' },
    {
      title: 'Type',
      field: 'type',
      render: change => <ChangeTypeChip type={change.type} />,
    },
    {
      title: 'Risk',
      field: 'risk',
      render: change => <RiskChip risk={change.risk} />,
    },
    {
      title: 'State',
      field: 'state',
      render: change => <StateChip state={change.state} />,
    },
    {
      title: 'Planned window',
      field: 'plannedStart',
      render: change => formatWindow(change.plannedStart, change.plannedEnd),
    },
    ...(showEntity
      ? [
          {
            title: 'CI',
            field: 'entityRef',
            render: (change: Change) => (
              <RefLink entityRef={change.entityRef} />
            ),
          },
        ]
      : []),
    {
      title: 'Assignment group',
      field: 'assignmentGroup',
      render: change => <RefLink entityRef={change.assignmentGroup} />,
    },
  ];

  return (
    <RecordListTable<Change>
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
            id="itsm-change-filter-state"
            value={stateFilter}
            states={CHANGE_STATES}
            labels={CHANGE_STATE_LABELS}
            onChange={setStateFilter}
          />
          <TextField
            select
            id="itsm-change-filter-type"
            label="Change type"
            value={type}
            onChange={e => setType(e.target.value as ChangeType | '')}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            variant="outlined"
            size="small"
            style={{ minWidth: '10em' }}
          >
            <option value="">Any</option>
            {CHANGE_TYPES.map(t => (
              <option key={t} value={t}>
                {CHANGE_TYPE_LABELS[t]}
              </option>
            ))}
          </TextField>
        </>
      }
      emptyContent={
        stateFilter === 'open'
          ? 'No open changes.'
          : 'No changes match these filters.'
      }
    />
  );
};
