import { ChangeListFilter } from '@backstage-itsm/plugin-itsm-common';
import { RecordTable, RecordTableProps } from '../records';
import { changeDescriptor } from './descriptor';

/** @public */
export type ChangesTableProps = RecordTableProps<ChangeListFilter>;

/** A filterable, keyset-paged list of changes, newest first. */
export const ChangesTable = (props: ChangesTableProps) => (
  <RecordTable kind={changeDescriptor} {...props} />
);
