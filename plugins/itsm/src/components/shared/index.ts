export { StateChip } from './StateChip';
export { PriorityChip } from './PriorityChip';
export { Timeline } from './Timeline';
export { RefLink } from './RefLink';
export { IncidentLink, useIncidentLink } from './IncidentLink';
export {
  formatAge,
  formatDateTime,
  formatRelativeTime,
  humanizeCode,
  humanizeRef,
} from './format';
export { FormDialogActions } from './FormDialogActions';
