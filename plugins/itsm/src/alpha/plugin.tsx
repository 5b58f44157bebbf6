import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import BuildIcon from '@material-ui/icons/Build';
import ShoppingCartIcon from '@material-ui/icons/ShoppingCart';
import { RECORD_KINDS } from '@backstage-itsm/plugin-itsm-common';
import { itsmClientFactory } from '../api';
import { itsmRoutes, rootRouteRef, serviceCatalogRouteRef } from '../routes';
import { isItsmSearchResult } from '../components/search/ItsmSearchResultListItem';
import { itsmSearchResultType } from '../components/search/itsmSearchTypes';

/** Same kinds as `isItsmAvailable` in the legacy plugin, as a configurable predicate. */
const entityFilter = {
  kind: { $in: ['component', 'system', 'resource', 'api'] },
};

/** `api:itsm` */
export const itsmApi = ApiBlueprint.make({
  params: defineParams => defineParams(itsmClientFactory),
});

/**
 * `page:itsm`, at `/itsm`. Its title and icon make the sidebar item (NavItemBlueprint was
 * removed in favour of this): "Service desk", short enough for the sidebar's width. The
 * page draws its own header, with the tabs of its views ("My work" first).
 */
export const itsmPage = PageBlueprint.make({
  params: {
    path: '/itsm',
    title: 'Service desk',
    icon: <BuildIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    noHeader: true,
    loader: () => import('../components/ItsmPage').then(m => <m.ItsmPage />),
  },
});

/**
 * `page:itsm/service-catalog`, at `/service-catalog`: the offerings to order, grouped
 * and searchable, and their order forms at `/service-catalog/:namespace/:name`. A page
 * of its own, with its own sidebar item.
 */
export const serviceCatalogPage = PageBlueprint.make({
  name: 'service-catalog',
  params: {
    path: '/service-catalog',
    title: 'Service catalog',
    icon: <ShoppingCartIcon fontSize="inherit" />,
    routeRef: serviceCatalogRouteRef,
    noHeader: true,
    loader: () =>
      import('../components/offerings').then(m => <m.ServiceCatalogPage />),
  },
});

/** ServiceOffering entities, for their own card and tab. */
const offeringFilter = { kind: 'serviceoffering' };

/**
 * `entity-card:itsm/service-offering`: on a ServiceOffering's overview, what to know
 * and "Order".
 */
export const serviceOfferingCard = EntityCardBlueprint.make({
  name: 'service-offering',
  params: {
    filter: offeringFilter,
    loader: () =>
      import('../components/offerings').then(m => (
        <m.EntityServiceOfferingCard />
      )),
  },
});

/** `entity-content:itsm/service-offering-requests`: a ServiceOffering's requests. */
export const serviceOfferingRequestsContent = EntityContentBlueprint.make({
  name: 'service-offering-requests',
  params: {
    path: 'requests',
    title: 'Requests',
    filter: offeringFilter,
    loader: () =>
      import('../components/offerings').then(m => (
        <m.EntityServiceOfferingRequestsContent />
      )),
  },
});

/**
 * `entity-content:itsm`, the "Service management" tab of CIs: incidents, changes, the
 * change calendar, problems, SLA, and the service offerings the CI provides with their
 * requests.
 */
export const itsmEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'itsm',
    title: 'Service management',
    filter: entityFilter,
    loader: () =>
      import('../components/EntityItsmContent').then(m => (
        <m.EntityItsmContent />
      )),
  },
});

/**
 * `entity-card:itsm/major-incident-banner`, first on the overview of CIs: the open major
 * incidents that impact the entity (through its own CIs or their blast radius) with
 * the latest stakeholder update; it renders nothing when there are none.
 */
export const itsmMajorIncidentBannerCard = EntityCardBlueprint.make({
  name: 'major-incident-banner',
  params: {
    filter: entityFilter,
    type: 'content',
    loader: () =>
      import('../components/incidents').then(m => (
        <m.EntityMajorIncidentBanner />
      )),
  },
});

/** `entity-card:itsm/open-incidents`, for the overview of CIs. */
export const itsmOpenIncidentsCard = EntityCardBlueprint.make({
  name: 'open-incidents',
  params: {
    filter: entityFilter,
    loader: () =>
      import('../components/incidents').then(m => (
        <m.EntityOpenIncidentsCard />
      )),
  },
});

/** `entity-card:itsm/sla`, for the overview of CIs: compliance, breaches, at risk. */
export const itsmSlaCard = EntityCardBlueprint.make({
  name: 'sla',
  params: {
    filter: entityFilter,
    loader: () => import('../components/sla').then(m => <m.EntitySlaCard />),
  },
});

/**
 * `entity-card:itsm/known-errors`, for the overview of CIs: the open known errors of
 * the CI and of what it depends on, with their workarounds.
 */
export const itsmKnownErrorsCard = EntityCardBlueprint.make({
  name: 'known-errors',
  params: {
    filter: entityFilter,
    loader: () =>
      import('../components/problems').then(m => <m.EntityKnownErrorsCard />),
  },
});

/**
 * `home-page-widget:itsm/pending-approvals`: "Waiting for my approval" on the home page,
 * the signed-in user's approval queue at a glance.
 */
export const itsmApprovalsWidget = HomePageWidgetBlueprint.make({
  name: 'pending-approvals',
  params: {
    name: 'ItsmPendingApprovals',
    title: 'Waiting for my approval',
    description:
      'Approval steps of changes and service requests that wait for you',
    components: () =>
      import('../components/approvals').then(m => ({
        Content: () => <m.PendingApprovalsSummary />,
      })),
  },
});

/**
 * `search-result-list-item:itsm`: records found in Backstage search (the document
 * types `itsm-<kind>` of the ITSM search collator) with their kind, state and priority.
 */
export const itsmSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: isItsmSearchResult,
    icon: <BuildIcon />,
    component: () =>
      import('../components/search').then(m => m.ItsmSearchResultListItem),
  },
});

/**
 * `search-filter-result-type:itsm/<kind>` (`itsm/incident`, `itsm/change`,
 * `itsm/request`, `itsm/problem`): the kinds of records in the search page's "Result
 * Type" filter ("Incidents", "Changes", "Service requests", "Problems"), each narrowing
 * the search to its collator's document type `itsm-<kind>`; in the kinds' order, after
 * the search page's own "Software Catalog".
 */
export const itsmSearchResultTypes = RECORD_KINDS.map(kind =>
  SearchFilterResultTypeBlueprint.make({
    name: kind,
    params: itsmSearchResultType(kind),
  }),
);

/**
 * The ITSM plugin for the new frontend system.
 *
 * @public
 */
export const itsmPlugin = createFrontendPlugin({
  pluginId: 'itsm',
  title: 'Service desk',
  icon: <BuildIcon fontSize="inherit" />,
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    itsmApi,
    itsmPage,
    serviceCatalogPage,
    itsmEntityContent,
    itsmMajorIncidentBannerCard,
    itsmOpenIncidentsCard,
    itsmSlaCard,
    itsmKnownErrorsCard,
    serviceOfferingCard,
    serviceOfferingRequestsContent,
    itsmApprovalsWidget,
    itsmSearchResultListItem,
    ...itsmSearchResultTypes,
  ],
  routes: itsmRoutes,
});

export default itsmPlugin;
