import { EntityRecordsContent } from '../records';
import { incidentDescriptor } from './descriptor';

/** The entity's incidents and a way to report one: a section of the entity tab. */
export const EntityIncidentsContent = () => (
  <EntityRecordsContent kind={incidentDescriptor} />
);
