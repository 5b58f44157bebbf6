export { IncidentsTable } from './IncidentsTable';
export type { IncidentsTableProps, StateFilter } from './IncidentsTable';
export { EntityIncidentsContent } from './EntityIncidentsContent';
export { EntityOpenIncidentsCard } from './EntityOpenIncidentsCard';
export { ReportIncidentDialog } from './ReportIncidentDialog';
export { ReportIncidentButton } from './ReportIncidentButton';
export type { ReportIncidentDialogProps } from './ReportIncidentDialog';
export { IncidentPage } from './IncidentPage';
export {
  EntityMajorIncidentBanner,
  MajorIncidentBanner,
} from './MajorIncidentBanner';
export { incidentDescriptor } from './descriptor';
