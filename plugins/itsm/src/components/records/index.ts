export {
  declaredKind,
  kindReads,
  moveLabels,
  resolutionFields,
} from './descriptor';
export type {
  CreateDialogProps,
  KindRecord,
  MoveDescriptor,
  MoveInput,
  MoveField,
  RecordKindDescriptor,
} from './descriptor';
export { MoveButtons } from './MoveButtons';
export { MoveDialog } from './MoveDialog';
export { moveForm } from './moveForm';
export type { MoveProblems, MoveValues } from './moveForm';
export { useMoveDialog } from './useMoveDialog';
export { RecordTable } from './RecordTable';
export type { RecordTableProps } from './RecordTable';
export { RecordPage, useRecordCall, useRecordPage } from './RecordPage';
export type { RecordPageState } from './RecordPage';
export { CreateRecordButton } from './CreateRecordButton';
export { EntityRecordsContent } from './EntityRecordsContent';
export { CreateRecordDialog } from './CreateRecordDialog';
export {
  applyPreset,
  DEFAULT_LIST_FILTERS,
  listFilterLink,
  listFilterParams,
  listFilterQuery,
  matchingPreset,
  readListFilters,
  withDefaults,
} from './listFilters';
export type {
  FilteredKind,
  ListFilters,
  ListFilterValues,
  ListPreset,
  Me,
} from './listFilters';
// The queues kinds offer as presets of their views: `presets.assignedToMe()`.
export * as presets from './presets';
