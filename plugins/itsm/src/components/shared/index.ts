export { StateChip, STATE_LABELS } from './StateChip';
export type { RecordState } from './StateChip';
export { PriorityChip } from './PriorityChip';
export { Timeline } from './Timeline';
export { TimelineCard } from './TimelineCard';
export { CommentForm } from './CommentForm';
export type { CommentableKind } from './CommentForm';
export { RefLink, RefList } from './RefLink';
export {
  ChangeLink,
  IncidentLink,
  ProblemLink,
  RecordLink,
  useChangeLink,
  useIncidentLink,
  useProblemLink,
  useRecordLink,
  useRequestLink,
} from './RecordLink';
export type { LinkedKind } from './RecordLink';
export {
  formatAge,
  formatAgeMs,
  formatDateTime,
  formatDay,
  formatRelativeTime,
  formatTime,
  formatWindow,
  fromLocalInputValue,
  humanizeCode,
  humanizeRef,
  toLocalInputValue,
} from './format';
export { FormDialogActions } from './FormDialogActions';
export { ActionDialog, FormDialog } from './FormDialog';
export { useSubmit } from './useSubmit';
export {
  AssigneeField,
  CodeField,
  DetailField,
  FactsCard,
  LevelsField,
  NotesField,
  OutcomeFields,
  RecordTimes,
  RefField,
  RefListField,
  TimeField,
} from './DetailField';
export type { RecordTimestamps } from './DetailField';
export { RecordPageFrame } from './RecordPageFrame';
export type { RecordCardProps } from './recordCard';
export {
  RecordListTable,
  StateFilterField,
  stateQuery,
  useKeysetPaging,
  usePagedList,
} from './RecordListTable';
export type { KeysetPaging, StateFilter } from './RecordListTable';
export {
  commentProblem,
  recordCoreRequest,
  validateRecordCore,
} from './validation';
export { bindChoice, bindField } from './formSection';
export type { FormSectionProps } from './formSection';
export { SectionTextField } from './SectionTextField';
export type { RecordCoreErrors, RecordCoreValues } from './validation';
export { OpenDialogButton } from './OpenDialogButton';
export { ciEntityRef } from './entityRef';
export { SelectField } from './SelectField';
export { Toolbar } from './Toolbar';
export { DenseTable } from './DenseTable';
export { CodeChip, codeTableChip, whiteOn } from './CodeChip';
export type { ChipColors } from './CodeChip';
export { STATE_COLORS } from './StateChip';
export { DescriptionField } from './DescriptionField';
export { FormTextField, TextAreaField } from './FormTextField';
export type { FormTextFieldProps } from './FormTextField';
export { RecordCoreFields } from './RecordCoreFields';
export type { EntityInput, RecordCoreHelp } from './RecordCoreFields';
export { LevelFields } from './LevelFields';
export type { LevelValues } from './LevelFields';
export { RatedRecordFields, ratedRecordRequest } from './RatedRecordFields';
export type { RatedRecordValues } from './RatedRecordFields';
export { NamedCard } from './NamedCard';
export { normalizeRecordNumber } from './recordNumber';
export { LinkByNumberDialog } from './LinkByNumberDialog';
export {
  AddButton,
  LinkedRecordList,
  loadedBody,
  UnlinkButton,
} from './LinkedRecordList';
export { LinkedIncidentsEditor } from './LinkedIncidentsEditor';
export type { Loaded, LinkedRecordRow } from './LinkedRecordList';
export { recordColumns } from './recordColumns';
export type {
  ColumnSpec,
  ListedRecord,
  ShownColumns,
  StandardColumn,
} from './recordColumns';
export { RecordPageBody } from './RecordPageBody';
export { useOptionalRouteRef } from './useOptionalRouteRef';
export { useActor } from './useActor';
export type { Actor } from './useActor';
export { Notice } from './Notice';
export {
  useCreatePermission,
  useRecordPermission,
  useRecordPermissions,
} from './usePermissions';
export type {
  PermissionDecision,
  RecordAct,
  RecordPermissions,
} from './usePermissions';
