export { ChangesTable } from './ChangesTable';
export type { ChangesTableProps } from './ChangesTable';
export { NewChangeDialog } from './NewChangeDialog';
export type { NewChangeDialogProps } from './NewChangeDialog';
export { RequestChangeButton } from './RequestChangeButton';
export { ChangePage } from './ChangePage';
export { ChangeCalendar } from './ChangeCalendar';
export type { ChangeCalendarProps } from './ChangeCalendar';
export { EntityChangesContent } from './EntityChangesContent';
