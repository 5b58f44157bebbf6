import { TableColumn } from '@backstage/core-components';
import { Priority } from '@backstage-itsm/plugin-itsm-common';
import { formatAge, formatDateTime } from './format';
import { PriorityChip } from './PriorityChip';
import { LinkedKind, RecordLink } from './RecordLink';
import { RefLink } from './RefLink';
import { StateChip } from './StateChip';

/** What the standard columns read of a row: a record, or a timer's summary of one. */
export interface ListedRecord {
  kind: string;
  number: string;
  title: string;
  state: string;
  priority: Priority;
  entityRef: string;
  assignee: string | null;
  assignmentGroup: string | null;
  requester?: string;
  createdAt?: string;
}

/** The columns every kind's list may name instead of declaring them. */
export type StandardColumn =
  | 'number'
  | 'title'
  | 'state'
  | 'priority'
  /** The CI; only where the list shows it (`showEntity`). */
  | 'entity'
  /** Only where the list shows it (`showRequester`). */
  | 'requester'
  | 'assignee'
  | 'assignmentGroup'
  | 'age';

/** A column of a record list: a standard one by name, or the kind's own. */
export type ColumnSpec<T extends object> = StandardColumn | TableColumn<T>;

/** The first columns of the kinds rated by impact × urgency (incidents, problems). */
export const RATED_RECORD_COLUMNS: readonly StandardColumn[] = [
  'number',
  'title',
  'entity',
  'state',
  'priority',
];

/** Which of the columns shown on request only are shown. */
export interface ShownColumns {
  entity?: boolean;
  requester?: boolean;
}

/** A column of a user, group or CI ref, as a link. */
function refColumn<T extends ListedRecord>(
  title: string,
  field: 'entityRef' | 'requester' | 'assignee' | 'assignmentGroup',
  empty?: string,
): TableColumn<T> {
  return {
    title,
    field,
    render: row => <RefLink entityRef={row[field]} empty={empty} />,
  };
}

function standardColumn<T extends ListedRecord>(
  name: StandardColumn,
  /** The kind of every row; without it, each row's own (a list of several kinds). */
  kind?: LinkedKind,
): TableColumn<T> {
  switch (name) {
    case 'number':
      return {
        title: 'Number',
        field: 'number',
        width: '9em',
        cellStyle: { whiteSpace: 'nowrap' },
        render: row => (
          <RecordLink
            kind={kind ?? (row.kind as LinkedKind)}
            number={row.number}
          />
        ),
      };
    case 'title':
      return { title: 'Title', field: 'title' };
    case 'state':
      return {
        title: 'State',
        field: 'state',
        render: row => <StateChip state={row.state} />,
      };
    case 'priority':
      return {
        title: 'Priority',
        field: 'priority',
        render: row => <PriorityChip priority={row.priority} />,
      };
    case 'entity':
      return refColumn('CI', 'entityRef');
    case 'requester':
      return refColumn('Requester', 'requester');
    case 'assignee':
      return refColumn('Assignee', 'assignee', 'Unassigned');
    case 'assignmentGroup':
      return refColumn('Assignment group', 'assignmentGroup');
    default:
      return {
        title: 'Age',
        field: 'createdAt',
        render: row =>
          row.createdAt && (
            <span title={formatDateTime(row.createdAt)}>
              {formatAge(row.createdAt)}
            </span>
          ),
      };
  }
}

/**
 * The table columns of a list, in the order `specs` names them; the CI and requester
 * columns only where `shown` asks for them.
 */
export function recordColumns<T extends ListedRecord>(
  specs: readonly ColumnSpec<T>[],
  shown: ShownColumns,
  kind?: LinkedKind,
): TableColumn<T>[] {
  return specs
    .filter(spec => {
      if (spec === 'entity') return !!shown.entity;
      if (spec === 'requester') return !!shown.requester;
      return true;
    })
    .map(spec =>
      typeof spec === 'string' ? standardColumn<T>(spec, kind) : spec,
    );
}
