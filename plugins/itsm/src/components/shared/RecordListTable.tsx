import { ReactNode, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import {
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { Page } from '@backstage-itsm/plugin-itsm-common';

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

/** The state filter of a list: open, all, or one state. */
export const StateFilterField = <S extends string>(props: {
  id: string;
  value: StateFilter<S>;
  states: readonly S[];
  labels: Record<S, string>;
  onChange: (value: StateFilter<S>) => void;
}) => (
  <TextField
    select
    id={props.id}
    label="State"
    value={props.value}
    onChange={e => props.onChange(e.target.value as StateFilter<S>)}
    SelectProps={{ native: true }}
    variant="outlined"
    size="small"
  >
    <option value="open">Open</option>
    <option value="all">All</option>
    {props.states.map(state => (
      <option key={state} value={state}>
        {props.labels[state]}
      </option>
    ))}
  </TextField>
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
  paging: KeysetPaging;
  emptyContent: ReactNode;
}) => {
  const { title, columns, loading, error, page, paging } = props;
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        gridGap={16}
        mb={2}
      >
        {props.filters}
        <Box flexGrow={1} />
        {props.actions}
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <Table<T>
          title={title}
          isLoading={loading}
          columns={columns}
          data={page?.items ?? []}
          options={{
            paging: false,
            search: false,
            sorting: false,
            padding: 'dense',
          }}
          emptyContent={
            <Box p={2} textAlign="center">
              {props.emptyContent}
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
    </>
  );
};
