/**
 * Scaffolder module of the ITSM plugins: template actions that open incidents, changes
 * and service requests as the user who runs the template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleItsmActions as default } from './module';
export { createItsmActions } from './actions';
export type { ItsmActionsOptions } from './actions';
