import { ReactNode, useState } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useApi } from '@backstage/core-plugin-api';
import { itsmApiRef } from '../../api';
import {
  recordColumns,
  RecordListTable,
  SelectField,
  usePagedList,
  useRecordChanged,
} from '../shared';
import { KindRecord, RecordKindDescriptor } from './descriptor';
import {
  DEFAULT_LIST_FILTERS,
  ListFilters,
  ListFilterValues,
  listFilterQuery,
} from './listFilters';

/** What every record list takes from its caller. */
export interface RecordTableProps<F> {
  title?: string;
  /** The fixed part of the query (entity, assignee, group, requester). */
  filter?: Omit<F, 'state' | 'open' | 'cursor' | 'limit'>;
  /** Show the CI column (not needed on an entity's own tab). */
  showEntity?: boolean;
  pageSize?: number;
  /** Change it to reload, e.g. after a record was created. */
  reloadKey?: number;
  /** Buttons next to the filters, e.g. "Report incident". */
  actions?: ReactNode;
  /**
   * The list's filters when the caller keeps them (a view of the ITSM page keeps them
   * in its URL), told of changes by `onFiltersChange`; without them the table keeps its
   * own, open records first.
   */
  filters?: ListFilters;
  onFiltersChange?: (filters: ListFilters) => void;
  /** Fields before the table's own filters (a view's queue). */
  filtersBefore?: ReactNode;
  /** Fields after them (a view's search and the people it is filtered by). */
  filtersAfter?: ReactNode;
}

/** Several values of a select as one option ("Approved, In fulfilment"). */
function several(
  values: readonly string[],
  labels: Partial<Record<string, string>> | undefined,
) {
  return values.length > 1
    ? [
        {
          value: values.join(','),
          label: values.map(value => labels?.[value] ?? value).join(', '),
        },
      ]
    : [];
}

/** A select's value of several values, one or none ('' for none). */
const selectValue = (values: readonly string[]) => values.join(',');

/**
 * A list of records of one kind, with the columns its descriptor declares and its
 * filters: the state (open by default: the default of every list) and, where the kind
 * has them, a coded field (priority, type) and a switch (known errors only);
 * keyset-paged, newest first.
 */
export const RecordTable = <R extends KindRecord, F>(
  props: RecordTableProps<F> & {
    kind: RecordKindDescriptor<R, F>;
    /** Show the requester column, where the kind lists one. */
    showRequester?: boolean;
  },
) => {
  const { kind, pageSize = 20, reloadKey = 0, onFiltersChange } = props;
  const { plural, codeFilter, flagFilter } = kind;
  const itsmApi = useApi(itsmApiRef);
  const [ownFilters, setOwnFilters] = useState(DEFAULT_LIST_FILTERS);
  // Live: a record of the kind changed somewhere; the page shown is read again.
  const [refresh, setRefresh] = useState(0);
  useRecordChanged(kind.kind, undefined, () => setRefresh(n => n + 1));
  const filters = props.filters ?? ownFilters;
  const update = (values: ListFilterValues) => {
    const next = { ...filters, ...values };
    if (props.filters) onFiltersChange?.(next);
    else setOwnFilters(next);
  };
  const { value, loading, error, paging } = usePagedList<F, R>({
    filter: props.filter,
    own: listFilterQuery(filters, kind),
    pageSize,
    reloadKey,
    refresh,
    fetch: query => kind.api.list(itsmApi, query),
  });

  const { state } = filters;
  const states = typeof state === 'string' ? [] : state;
  const stateLabels: Partial<Record<string, string>> = kind.stateLabels;
  const narrowed = filters.codes.length > 0 || filters.flag || !!filters.q;

  return (
    <RecordListTable<R>
      title={props.title ?? kind.title}
      columns={recordColumns(
        kind.columns,
        { entity: props.showEntity, requester: props.showRequester },
        kind.kind,
      )}
      loading={loading}
      error={error}
      page={value}
      paging={paging}
      actions={props.actions}
      filters={
        <>
          {props.filtersBefore}
          <SelectField<string>
            id={`itsm-${plural}-filter-state`}
            label="State"
            size="small"
            value={typeof state === 'string' ? state : selectValue(states)}
            codes={kind.states}
            labels={stateLabels}
            extra={[
              { value: 'open', label: 'Open' },
              { value: 'all', label: 'All' },
              ...several(states, stateLabels),
            ]}
            onChange={picked => {
              if (picked === 'all') update({ state: 'all' });
              else if (!picked || picked === 'open') update({ state: 'open' });
              else update({ state: picked.split(',') });
            }}
          />
          {codeFilter && (
            <SelectField<string>
              id={`itsm-${plural}-filter-${codeFilter.param}`}
              label={codeFilter.label}
              size="small"
              empty="Any"
              value={selectValue(filters.codes)}
              codes={codeFilter.codes}
              labels={codeFilter.labels}
              extra={several(filters.codes, codeFilter.labels)}
              onChange={picked =>
                update({ codes: picked ? picked.split(',') : [] })
              }
            />
          )}
          {flagFilter && (
            <FormControlLabel
              label={flagFilter.label}
              control={
                <Checkbox
                  id={`itsm-${plural}-filter-${flagFilter.param}`}
                  color="primary"
                  checked={filters.flag}
                  onChange={e => update({ flag: e.target.checked })}
                />
              }
            />
          )}
          {props.filtersAfter}
        </>
      }
      emptyContent={
        state === 'open' && !narrowed
          ? `No open ${plural}.`
          : `No ${plural} match these filters.`
      }
    />
  );
};
