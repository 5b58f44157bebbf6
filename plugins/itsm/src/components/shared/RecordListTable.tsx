import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ResponseErrorPanel, TableColumn } from '@backstage/core-components';
import { Page } from '@backstage-itsm/plugin-itsm-common';
import { DenseTable } from './DenseTable';
import { SelectField } from './SelectField';
import { Toolbar } from './Toolbar';

/** `open` hides finished records (the default of every list), `all` shows every state. */
export type StateFilter<S extends string = string> = 'open' | 'all' | S;

/**
 * Keyset paging of one query: the cursors of the pages up to the current one (the first
 * page has none). They belong to the query named by `key`: when it changes (a filter,
 * a reload), paging starts again from the first page.
 */
export function useKeysetPaging(key: string) {
  const [paging, setPaging] = useState<{
    key: string;
    cursors: (string | undefined)[];
  }>({ key, cursors: [undefined] });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    previous: () => setPaging({ key, cursors: cursors.slice(0, -1) }),
    next: (cursor: string) => setPaging({ key, cursors: [...cursors, cursor] }),
  };
}

export type KeysetPaging = ReturnType<typeof useKeysetPaging>;

/**
 * One keyset-paged list query: the fixed filter of the caller, the list's own filters
 * (state, priority…) and the page size; any change of them (or of `reloadKey`) starts
 * again from the first page. `fetch` gets the whole filter with `limit` and `cursor`.
 */
export function usePagedList<F, T>(options: {
  filter: object | undefined;
  own: object;
  pageSize: number;
  reloadKey: number;
  /** Refetches the page shown (a record changed), keeping the place in the list. */
  refresh?: number;
  fetch: (filter: F) => Promise<Page<T>>;
}) {
  // Serialised so that a caller passing fresh objects each render does not refetch.
  const key = JSON.stringify([
    options.filter ?? {},
    options.own,
    options.pageSize,
    options.reloadKey,
  ]);
  const paging = useKeysetPaging(key);
  const { cursor } = paging;
  const state = useAsync(
    () =>
      options.fetch({
        ...options.filter,
        ...options.own,
        limit: options.pageSize,
        ...(cursor ? { cursor } : {}),
      } as F),
    // `fetch` is a fresh closure each render; the key names the query.
    [key, cursor, options.refresh],
  );
  return { ...state, paging };
}

/** The state filter of a list: open, all, or one state. */
export const StateFilterField = <S extends string>(props: {
  id: string;
  value: StateFilter<S>;
  states: readonly S[];
  labels: Record<S, string>;
  onChange: (value: StateFilter<S>) => void;
}) => (
  <SelectField<StateFilter<S>>
    id={props.id}
    label="State"
    size="small"
    value={props.value}
    codes={props.states}
    labels={props.labels as Record<StateFilter<S>, string>}
    extra={[
      { value: 'open', label: 'Open' },
      { value: 'all', label: 'All' },
    ]}
    onChange={value => props.onChange(value || 'open')}
  />
);

/** The `state` / `open` part of a list query for a state filter. */
export function stateQuery<S extends string>(
  filter: StateFilter<S>,
): { open?: boolean; state?: S[] } {
  if (filter === 'open') return { open: true };
  if (filter === 'all') return {};
  return { state: [filter as S] };
}

/**
 * A keyset-paged list of records: the filters and actions above, the table, and the
 * page buttons below. The caller owns the query; this draws it.
 */
export const RecordListTable = <T extends object>(props: {
  title: string;
  columns: TableColumn<T>[];
  /** Filter fields, left; actions (e.g. "Report incident"), right. */
  filters?: ReactNode;
  actions?: ReactNode;
  loading: boolean;
  error?: Error;
  page?: Page<T>;
  /** Without it, one page: the whole list. */
  paging?: KeysetPaging;
  emptyContent: ReactNode;
}) => {
  const { title, columns, loading, error, page, paging } = props;
  return (
    <>
      <Toolbar gap={16}>
        {props.filters}
        <Box flexGrow={1} />
        {props.actions}
      </Toolbar>
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <DenseTable<T>
          title={title}
          isLoading={loading}
          columns={columns}
          data={page?.items ?? []}
          empty={props.emptyContent}
        />
      )}
      {paging && (
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          gridGap={8}
          mt={1}
        >
          <span>Page {paging.page}</span>
          <Button
            size="small"
            disabled={paging.page === 1 || loading}
            onClick={paging.previous}
          >
            Previous page
          </Button>
          <Button
            size="small"
            disabled={!page?.nextCursor || loading}
            onClick={() => page?.nextCursor && paging.next(page.nextCursor)}
          >
            Next page
          </Button>
        </Box>
      )}
    </>
  );
};
