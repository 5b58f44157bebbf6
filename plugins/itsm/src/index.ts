/**
 * ITSM frontend plugin: incidents on entity pages and the ITSM workspace.
 *
 * The default export is the plugin for the new frontend system; the named exports are
 * the legacy plugin and its extensions, the API and the reusable components.
 *
 * @packageDocumentation
 */
export { default } from './alpha/plugin';
export {
  itsmPlugin,
  ItsmPage,
  EntityItsmContent,
  EntityOpenIncidentsCard,
  ApprovalsCard,
  ChangeCalendarContent,
  isItsmAvailable,
} from './plugin';
export { itsmApiRef, ItsmClient } from './api';
export type {
  ItsmApi,
  AddCommentRequest,
  ChangeConflictsResponse,
  LinkedIncident,
  TransitionChangeRequest,
  TransitionIncidentRequest,
} from './api';
export { rootRouteRef, incidentRouteRef, changeRouteRef } from './routes';
