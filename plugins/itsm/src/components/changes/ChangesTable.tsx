import { ReactNode, useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
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
  SelectField,
  StateChip,
  StateFilter,
  StateFilterField,
  stateQuery,
  usePagedList,
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
  const { value, loading, error, paging } = usePagedList({
    filter,
    own: {
      ...stateQuery(stateFilter),
      ...(type ? { type: [type] } : {}),
    },
    pageSize,
    reloadKey,
    fetch: (query: ChangeListFilter) => itsmApi.listChanges(query),
  });

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
          <SelectField
            id="itsm-change-filter-type"
            label="Change type"
            size="small"
            empty="Any"
            value={type}
            codes={CHANGE_TYPES}
            labels={CHANGE_TYPE_LABELS}
            onChange={setType}
          />
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
