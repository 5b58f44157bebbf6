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
  FilteredRecordTable,
  formatWindow,
  RecordTableProps,
  RefLink,
  StateChip,
} from '../shared';
import { ChangeTypeChip, RiskChip } from './ChangeChips';

/** @public */
export type ChangesTableProps = RecordTableProps<ChangeListFilter>;

/** A filterable, keyset-paged list of changes, newest first. */
export const ChangesTable = (props: ChangesTableProps) => {
  const { title = 'Changes', showEntity = false } = props;
  const itsmApi = useApi(itsmApiRef);
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
    <FilteredRecordTable<Change, ChangeListFilter, ChangeState, ChangeType>
      {...props}
      title={title}
      noun="changes"
      columns={columns}
      states={CHANGE_STATES}
      stateLabels={CHANGE_STATE_LABELS}
      codeFilter={{
        param: 'type',
        label: 'Change type',
        codes: CHANGE_TYPES,
        labels: CHANGE_TYPE_LABELS,
      }}
      fetch={query => itsmApi.listChanges(query)}
    />
  );
};
