export { SlaStatusChip, SLA_STATUS_COLORS } from './SlaStatusChip';
export { SlaTimerBar } from './SlaTimerBar';
export { ComplianceFigure, Figure, FigureRow } from './Figure';
export { SlaTrendChart } from './SlaTrendChart';
export { SlaExplanation } from './SlaExplanation';
export { RecordSlaCard, useRecordSla } from './RecordSlaCard';
export { SlaTimersTable, TimerSummaryBar } from './SlaTimersTable';
export { EntitySlaCard } from './EntitySlaCard';
export { EntitySlaContent, SlaSummaryCard } from './EntitySlaContent';
export { SlaDashboard } from './SlaDashboard';
export {
  describeTimer,
  formatCompliance,
  formatDurationMs,
  formatMeanTime,
  SLA_METRIC_LABELS,
  SLA_STATUS_LABELS,
} from './format';
export type { TimerFigures } from './format';
