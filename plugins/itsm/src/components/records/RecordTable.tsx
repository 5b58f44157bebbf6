import { ReactNode, useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import { Page } from '@backstage-itsm/plugin-itsm-common';
import {
  RecordListTable,
  StateFilter,
  StateFilterField,
  stateQuery,
  usePagedList,
} from './RecordListTable';
import { SelectField } from './SelectField';

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
}

/**
 * A record list with its filters: the state (open by default: the default of every
 * list) and, where the kind has one, a coded field (priority, type), keyset-paged,
 * newest first.
 */
export const FilteredRecordTable = <
  T extends object,
  F,
  S extends string,
  C extends string,
>(
  props: RecordTableProps<F> & {
    title: string;
    /** `incidents`, `changes`: for ids and the empty text. */
    noun: string;
    columns: TableColumn<T>[];
    states: readonly S[];
    stateLabels: Record<S, string>;
    /** The second filter: its query parameter, label and codes. */
    codeFilter?: {
      param: string;
      label: string;
      codes: readonly C[];
      labels?: Partial<Record<C, string>>;
    };
    fetch: (query: F) => Promise<Page<T>>;
  },
) => {
  const { noun, codeFilter, pageSize = 20, reloadKey = 0 } = props;
  const [stateFilter, setStateFilter] = useState<StateFilter<S>>('open');
  const [code, setCode] = useState<C | ''>('');
  const { value, loading, error, paging } = usePagedList({
    filter: props.filter,
    own: {
      ...stateQuery(stateFilter),
      ...(code && codeFilter ? { [codeFilter.param]: [code] } : {}),
    },
    pageSize,
    reloadKey,
    fetch: props.fetch,
  });

  return (
    <RecordListTable<T>
      title={props.title}
      columns={props.columns}
      loading={loading}
      error={error}
      page={value}
      paging={paging}
      actions={props.actions}
      filters={
        <>
          <StateFilterField
            id={`itsm-${noun}-filter-state`}
            value={stateFilter}
            states={props.states}
            labels={props.stateLabels}
            onChange={setStateFilter}
          />
          {codeFilter && (
            <SelectField
              id={`itsm-${noun}-filter-${codeFilter.param}`}
              label={codeFilter.label}
              size="small"
              empty="Any"
              value={code}
              codes={codeFilter.codes}
              labels={codeFilter.labels}
              onChange={setCode}
            />
          )}
        </>
      }
      emptyContent={
        stateFilter === 'open'
          ? `No open ${noun}.`
          : `No ${noun} match these filters.`
      }
    />
  );
};
