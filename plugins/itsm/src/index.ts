/**
 * ITSM frontend plugin: incidents, changes and service requests on entity pages, the
 * ITSM workspace and the service catalog.
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
  EntitySlaCard,
  ApprovalsCard,
  ChangeCalendarContent,
  isItsmAvailable,
  ServiceCatalogPage,
  EntityServiceOfferingCard,
  EntityServiceOfferingRequestsContent,
  isServiceOffering,
} from './plugin';
export { itsmApiRef, ItsmClient } from './api';
export type {
  ItsmApi,
  AddCommentRequest,
  ChangeConflictsResponse,
  LinkedIncident,
  SlaComplianceQuery,
  SlaScope,
  SlaTimerFilter,
  TransitionChangeRequest,
  TransitionIncidentRequest,
  TransitionServiceRequest,
} from './api';
export {
  rootRouteRef,
  incidentRouteRef,
  changeRouteRef,
  requestRouteRef,
  serviceCatalogRouteRef,
  offeringRouteRef,
} from './routes';
