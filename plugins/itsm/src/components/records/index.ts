export { declaredKind } from './descriptor';
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
export { RecordPage, useRecordPage } from './RecordPage';
export type { RecordPageState } from './RecordPage';
export { CreateRecordButton } from './CreateRecordButton';
export { EntityRecordsContent } from './EntityRecordsContent';
export { CreateRecordDialog } from './CreateRecordDialog';
