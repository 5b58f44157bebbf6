/**
 * Isomorphic parts of the ITSM plugins: record types, workflow rules, the priority
 * matrix and permissions, shared by the backend (which enforces) and the frontend
 * (which explains).
 *
 * @packageDocumentation
 */
export * from './records';
export * from './kinds';
export * from './incidents';
export * from './changes';
export * from './approvals';
export * from './offerings';
export * from './requests';
export * from './problems';
export * from './permissions';
export * from './sla';
export * from './impact';
export * from './search';
export * from './gates';
export * from './events';
export * from './durations';
export * from './work';
