export type {
  KindTransitions,
  RecordKindDeclaration,
  StateDeclaration,
  TransitionTable,
} from './declaration';
export { incidentKind } from './incident';
export { changeKind } from './change';
export { requestKind } from './request';
export { problemKind } from './problem';
export * from './registry';
export * from './pagePath';
