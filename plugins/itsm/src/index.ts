/**
 * ITSM frontend plugin: incidents, changes, service requests and problems on entity
 * pages, the ITSM workspace and the service catalog.
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
  EntityKnownErrorsCard,
  ApprovalsCard,
  ChangeCalendarContent,
  isItsmAvailable,
  ServiceCatalogPage,
  EntityServiceOfferingCard,
  EntityServiceOfferingRequestsContent,
  isServiceOffering,
  ItsmSearchResultListItemExtension,
} from './plugin';
// The major incident banner, for legacy apps' entity pages and home pages.
export {
  EntityMajorIncidentBanner,
  MajorIncidentBanner,
} from './components/incidents';
// Records in Backstage search results (document types `itsm-<kind>`), and their result
// types for a legacy search page's "Result Type" filter.
export {
  isItsmSearchResult,
  ItsmSearchResultListItem,
  itsmSearchTypes,
} from './components/search';
export type {
  ItsmSearchResultDocument,
  ItsmSearchResultType,
} from './components/search';
// The client's API: its ref, its types and the default client.
export * from './api/ItsmApi';
export { ItsmClient } from './api/ItsmClient';
export {
  rootRouteRef,
  incidentRouteRef,
  changeRouteRef,
  requestRouteRef,
  problemRouteRef,
  incidentsRouteRef,
  changesRouteRef,
  requestsRouteRef,
  problemsRouteRef,
  approvalsRouteRef,
  calendarRouteRef,
  slaRouteRef,
  serviceCatalogRouteRef,
  offeringRouteRef,
} from './routes';
