export { rebuildSlaRollups, SlaRollupStore } from './SlaRollupStore';
export type { RollupLine } from './SlaRollupStore';
export { SlaCounts } from './SlaCounts';
export type { CountRow, CountScope, CountKey, Window } from './SlaCounts';
export * from './counted';
