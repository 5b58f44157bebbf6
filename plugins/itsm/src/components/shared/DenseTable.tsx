import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import { Table, TableProps } from '@backstage/core-components';

/**
 * A dense table of one page of rows: no paging or search of its own (the page's list
 * pages and filters), sorted only where `sorting`, its `empty` text centred; `options`
 * adds to these (a toolbar hidden, a row style).
 */
export const DenseTable = <T extends object>(
  props: Omit<TableProps<T>, 'emptyContent'> & {
    sorting?: boolean;
    empty: ReactNode;
  },
) => {
  const { sorting = false, empty, options, ...table } = props;
  return (
    <Table<T>
      {...table}
      options={{
        paging: false,
        search: false,
        sorting,
        padding: 'dense',
        ...options,
      }}
      emptyContent={
        <Box p={2} textAlign="center">
          {empty}
        </Box>
      }
    />
  );
};
