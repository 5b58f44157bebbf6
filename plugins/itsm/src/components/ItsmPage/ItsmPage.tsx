import { ReactNode } from 'react';
import {
  Link as RouterLink,
  Navigate,
  Route,
  Routes,
  useSearchParams,
} from 'react-router-dom';
import {
  Content,
  Header,
  HeaderTabs,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import ShoppingCartIcon from '@material-ui/icons/ShoppingCart';
import { IncidentPage } from '../incidents';
import { ChangeCalendar, ChangePage } from '../changes';
import { PendingApprovalsTable } from '../approvals';
import { RequestPage } from '../requests';
import { ProblemPage } from '../problems';
import { SlaDashboard } from '../sla';
import { useOptionalRouteRef } from '../shared';
import { Me } from '../records';
import {
  approvalsRouteRef,
  calendarRouteRef,
  rootRouteRef,
  serviceCatalogRouteRef,
  slaRouteRef,
} from '../../routes';
import { legacyTabTarget } from './legacyTabs';
import { MyWork } from './MyWork';
import { PAGE_KINDS } from './pageKinds';
import { useMe } from './useMe';

/** One view of the ITSM page: a tab, at its path below the page. */
interface PageView {
  id: string;
  /** The tab's label. */
  label: string;
  /** Below the page's path: `/incidents`; `/` for "My work". */
  path: string;
  render: (me: Me) => ReactNode;
}

/** The other views than the kinds', by id: their paths below the page. */
const OTHER_VIEWS = {
  approvals: approvalsRouteRef.path,
  calendar: calendarRouteRef.path,
  sla: slaRouteRef.path,
};

/**
 * The views of the page, in the order of its tabs: "My work", one per kind (from its
 * descriptor), the approval queue, the change calendar and the SLA dashboard.
 */
const VIEWS: PageView[] = [
  {
    id: 'my-work',
    label: 'My work',
    path: '/',
    render: me => <MyWork me={me} />,
  },
  ...PAGE_KINDS.map(
    (kind): PageView => ({
      id: kind.descriptor.plural,
      label: kind.label,
      path: kind.descriptor.view.routeRef.path,
      render: me => <kind.View me={me} />,
    }),
  ),
  {
    id: 'approvals',
    label: 'Approvals',
    path: OTHER_VIEWS.approvals,
    render: () => <PendingApprovalsTable />,
  },
  {
    id: 'calendar',
    label: 'Calendar',
    path: OTHER_VIEWS.calendar,
    render: () => <ChangeCalendar />,
  },
  {
    id: 'sla',
    label: 'SLA',
    path: OTHER_VIEWS.sla,
    render: () => <SlaDashboard />,
  },
];

/**
 * A view with the page's header and tabs (links to the views, the view's own
 * selected), once the signed-in user is known: the queues are theirs. "My work" sends
 * an old `?tab=` link on to the view it is now.
 */
const ViewPage = (props: { view: PageView }) => {
  const { view } = props;
  const me = useMe();
  const [params] = useSearchParams();
  // The page's path without a trailing slash, that the views' paths follow.
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  const serviceCatalogLink = useOptionalRouteRef(serviceCatalogRouteRef);

  let body: ReactNode;
  if (me.loading) {
    body = <Progress />;
  } else if (me.error || !me.value) {
    body = (
      <ResponseErrorPanel error={me.error ?? new Error('Not signed in')} />
    );
  } else if (view.id === 'my-work' && params.has('tab')) {
    return (
      <Navigate
        replace
        to={legacyTabTarget(params, me.value, {
          root,
          kinds: PAGE_KINDS.map(kind => kind.descriptor),
          views: OTHER_VIEWS,
        })}
      />
    );
  } else {
    body = view.render(me.value);
  }

  return (
    <Page themeId="tool">
      <Header
        title="Service desk"
        subtitle="Incidents, changes, service requests and problems on the services in the catalog"
      >
        {serviceCatalogLink && (
          <LinkButton
            to={serviceCatalogLink()}
            role="link"
            variant="contained"
            startIcon={<ShoppingCartIcon />}
          >
            Service catalog
          </LinkButton>
        )}
      </Header>
      <HeaderTabs
        tabs={VIEWS.map(v => ({
          id: v.id,
          label: v.label,
          tabProps: {
            component: RouterLink,
            to: v.path === '/' ? root || '/' : `${root}${v.path}`,
            // Eight short tabs fit the width of a laptop's page.
            style: { paddingLeft: 16, paddingRight: 16, minWidth: 0 },
          },
        }))}
        selectedIndex={VIEWS.indexOf(view)}
      />
      <Content>{body}</Content>
    </Page>
  );
};

/**
 * The ITSM page (`/itsm`): "My work" at its root, a view per kind (`/itsm/incidents`,
 * `/itsm/changes`, `/itsm/requests`, `/itsm/problems`, their filters in the query), the
 * approval queue (`/itsm/approvals`), the change calendar (`/itsm/calendar`) and the SLA
 * dashboard (`/itsm/sla`); and the record pages: incidents (`/itsm/incidents/:id`),
 * changes (`/itsm/changes/:id`), service requests (`/itsm/requests/:id`) and problems
 * (`/itsm/problems/:id`).
 */
export const ItsmPage = () => (
  <Routes>
    {VIEWS.map(view => (
      <Route
        key={view.id}
        path={view.path}
        element={<ViewPage view={view} />}
      />
    ))}
    <Route path="/incidents/:id" element={<IncidentPage />} />
    <Route path="/changes/:id" element={<ChangePage />} />
    <Route path="/requests/:id" element={<RequestPage />} />
    <Route path="/problems/:id" element={<ProblemPage />} />
  </Routes>
);
