export { RequestsTable } from './RequestsTable';
export type { RequestsTableProps } from './RequestsTable';
export { RequestPage } from './RequestPage';
export { DueTime, isOverdue } from './DueTime';
export { REQUEST_TRANSITION_LABELS, requestDescriptor } from './descriptor';
