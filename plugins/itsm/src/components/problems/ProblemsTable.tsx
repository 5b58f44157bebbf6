import { ProblemsFilter } from '../../api';
import { RecordTable, RecordTableProps } from '../records';
import { problemDescriptor } from './descriptor';

/** @public */
export type ProblemsTableProps = RecordTableProps<ProblemsFilter>;

/**
 * A filterable, keyset-paged list of problems, newest first: by state, priority, and
 * known errors only.
 */
export const ProblemsTable = (props: ProblemsTableProps) => (
  <RecordTable kind={problemDescriptor} {...props} />
);
