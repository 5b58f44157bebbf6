import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  RouteRef,
} from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { isItsmSearchResult } from './components/search/ItsmSearchResultListItem';
import { itsmClientFactory } from './api';
import { itsmRoutes, rootRouteRef, serviceCatalogRouteRef } from './routes';

// The legacy frontend system (apps built with @backstage/app-defaults). The new system
// uses the default export of the package (src/alpha/plugin.tsx).

/** @public */
export const itsmPlugin = createPlugin({
  id: 'itsm',
  apis: [createApiFactory(itsmClientFactory)],
  routes: itsmRoutes,
});

/** A component of the plugin (a card, a tab), loaded on first use. */
function lazyComponent<T extends (props: any) => JSX.Element | null>(
  name: string,
  lazy: () => Promise<T>,
): T {
  return itsmPlugin.provide(
    createComponentExtension({ name, component: { lazy } }),
  );
}

/** A page of the plugin at its mount point, loaded on first use. */
function lazyPage<T extends (props: any) => JSX.Element | null>(
  name: string,
  mountPoint: RouteRef,
  component: () => Promise<T>,
): T {
  return itsmPlugin.provide(
    createRoutableExtension({ name, component, mountPoint }),
  );
}

/** Kinds whose entities can be configuration items of incidents. */
export const ITSM_ENTITY_KINDS = ['component', 'system', 'resource', 'api'];

/**
 * Whether the ITSM tab and card apply to an entity, for `EntitySwitch`:
 * `<EntitySwitch.Case if={isItsmAvailable}>`.
 *
 * @public
 */
export function isItsmAvailable(entity: Entity): boolean {
  return ITSM_ENTITY_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}

/**
 * Whether an entity is a ServiceOffering, for `EntitySwitch`:
 * `<EntitySwitch.Case if={isServiceOffering}>`.
 *
 * @public
 */
export function isServiceOffering(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'serviceoffering';
}

/**
 * The ITSM page with the work queues and the incident, change, request and problem
 * pages below it; mount it at `/itsm`: `<Route path="/itsm" element={<ItsmPage />} />`.
 *
 * @public
 */
export const ItsmPage = lazyPage('ItsmPage', rootRouteRef, () =>
  import('./components/ItsmPage').then(m => m.ItsmPage),
);

/**
 * The "Service management" entity tab: the entity's incidents, its changes and its
 * change calendar, its problems (with its problem candidate and KPIs), its SLA.
 *
 * @public
 */
export const EntityItsmContent = lazyComponent('EntityItsmContent', () =>
  import('./components/EntityItsmContent').then(m => m.EntityItsmContent),
);

/**
 * The entity overview card with the entity's open incidents.
 *
 * @public
 */
export const EntityOpenIncidentsCard = lazyComponent(
  'EntityOpenIncidentsCard',
  () => import('./components/incidents').then(m => m.EntityOpenIncidentsCard),
);

/**
 * The entity overview card "SLA": compliance over 30 and 90 days, open breaches and the
 * timers at risk, each linking to its record.
 *
 * @public
 */
export const EntitySlaCard = lazyComponent('EntitySlaCard', () =>
  import('./components/sla').then(m => m.EntitySlaCard),
);

/**
 * The entity overview card "Known errors": the open known errors of the entity and of
 * what it depends on, with their workarounds, each linking to its problem.
 *
 * @public
 */
export const EntityKnownErrorsCard = lazyComponent(
  'EntityKnownErrorsCard',
  () => import('./components/problems').then(m => m.EntityKnownErrorsCard),
);

/**
 * "Waiting for my approval": the signed-in user's approval queue as a card, for the home
 * page (e.g. inside a home page widget) or user and group pages.
 *
 * @public
 */
export const ApprovalsCard = lazyComponent('ApprovalsCard', () =>
  import('./components/approvals').then(m => m.ApprovalsCard),
);

/**
 * The change calendar (all CIs, with an entity filter) for any page of the app.
 *
 * @public
 */
export const ChangeCalendarContent = lazyComponent(
  'ChangeCalendarContent',
  () => import('./components/changes').then(m => m.ChangeCalendar),
);

/**
 * The service catalog: the offerings to order, grouped and searchable, and their order
 * forms below it; mount it at `/service-catalog`:
 * `<Route path="/service-catalog" element={<ServiceCatalogPage />} />`.
 *
 * @public
 */
export const ServiceCatalogPage = lazyPage(
  'ServiceCatalogPage',
  serviceCatalogRouteRef,
  () => import('./components/offerings').then(m => m.ServiceCatalogPage),
);

/**
 * A ServiceOffering's overview card: what to know before ordering, and "Order".
 *
 * @public
 */
export const EntityServiceOfferingCard = lazyComponent(
  'EntityServiceOfferingCard',
  () => import('./components/offerings').then(m => m.EntityServiceOfferingCard),
);

/**
 * The requests made of a ServiceOffering, for a tab of its entity page.
 *
 * @public
 */
export const EntityServiceOfferingRequestsContent = lazyComponent(
  'EntityServiceOfferingRequestsContent',
  () =>
    import('./components/offerings').then(
      m => m.EntityServiceOfferingRequestsContent,
    ),
);

/**
 * Records found in Backstage search (document types `itsm-<kind>`), with their kind,
 * state and priority, for the legacy SearchPage: among its result list items,
 * `<SearchResult><ItsmSearchResultListItemExtension /></SearchResult>`.
 *
 * @public
 */
export const ItsmSearchResultListItemExtension = itsmPlugin.provide(
  createSearchResultListItemExtension({
    name: 'ItsmSearchResultListItem',
    component: () =>
      import('./components/search').then(m => m.ItsmSearchResultListItem),
    predicate: isItsmSearchResult,
  }),
);
