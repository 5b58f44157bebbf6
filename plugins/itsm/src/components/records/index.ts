// Each module re-exported whole, so that its exports are listed once, in the module.
export * from './descriptor';
export * from './MoveButtons';
export * from './MoveDialog';
export * from './moveForm';
export * from './useMoveDialog';
export * from './RecordTable';
export * from './RecordPage';
export * from './CreateRecordButton';
export * from './EntityRecordsContent';
export * from './CreateRecordDialog';
export * from './listFilters';
// The queues kinds offer as presets of their views: `presets.assignedToMe()`.
export * as presets from './presets';
