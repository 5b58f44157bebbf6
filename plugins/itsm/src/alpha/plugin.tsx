import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import BuildIcon from '@material-ui/icons/Build';
import { itsmApiRef, ItsmClient } from '../api';
import { changeRouteRef, incidentRouteRef, rootRouteRef } from '../routes';

/** Same kinds as `isItsmAvailable` in the legacy plugin, as a configurable predicate. */
const entityFilter = {
  kind: { $in: ['component', 'system', 'resource', 'api'] },
};

/** `api:itsm` */
export const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `page:itsm`, at `/itsm`. Its title and icon make the sidebar item (NavItemBlueprint was
 * removed in favour of this). The page draws its own header, with the work queue tabs.
 */
export const itsmPage = PageBlueprint.make({
  params: {
    path: '/itsm',
    title: 'Service management',
    icon: <BuildIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    noHeader: true,
    loader: () => import('../components/ItsmPage').then(m => <m.ItsmPage />),
  },
});

/**
 * `entity-content:itsm`, the "Service management" tab of CIs: incidents, changes and
 * the change calendar.
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

/**
 * `home-page-widget:itsm/pending-approvals`: "Waiting for my approval" on the home page,
 * the signed-in user's approval queue at a glance.
 */
export const itsmApprovalsWidget = HomePageWidgetBlueprint.make({
  name: 'pending-approvals',
  params: {
    name: 'ItsmPendingApprovals',
    title: 'Waiting for my approval',
    description: 'Change approval steps that wait for you',
    components: () =>
      import('../components/approvals').then(m => ({
        Content: () => <m.PendingApprovalsSummary />,
      })),
  },
});

/**
 * The ITSM plugin for the new frontend system.
 *
 * @public
 */
export const itsmPlugin = createFrontendPlugin({
  pluginId: 'itsm',
  title: 'Service management',
  icon: <BuildIcon fontSize="inherit" />,
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    itsmApi,
    itsmPage,
    itsmEntityContent,
    itsmOpenIncidentsCard,
    itsmApprovalsWidget,
  ],
  routes: {
    root: rootRouteRef,
    incident: incidentRouteRef,
    change: changeRouteRef,
  },
});

export default itsmPlugin;
