import {
  IncidentListFilter,
  IncidentState,
} from '@backstage-itsm/plugin-itsm-common';
import { StateFilter as RecordStateFilter } from '../shared';
import { RecordTable, RecordTableProps } from '../records';
import { incidentDescriptor } from './descriptor';

/** `open` hides resolved, closed and canceled incidents: the default of every list. */
export type StateFilter = RecordStateFilter<IncidentState>;

/** @public */
export type IncidentsTableProps = RecordTableProps<IncidentListFilter>;

/** A filterable, keyset-paged list of incidents, newest first. */
export const IncidentsTable = (props: IncidentsTableProps) => (
  <RecordTable kind={incidentDescriptor} {...props} />
);
