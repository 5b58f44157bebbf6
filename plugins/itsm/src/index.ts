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
// The client's API: its ref, its types and the default client.
export * from './api/ItsmApi';
export { ItsmClient } from './api/ItsmClient';
export {
  rootRouteRef,
  incidentRouteRef,
  changeRouteRef,
  requestRouteRef,
  serviceCatalogRouteRef,
  offeringRouteRef,
} from './routes';
