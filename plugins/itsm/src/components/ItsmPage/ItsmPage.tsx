import { ReactNode } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import {
  Content,
  EmptyState,
  Header,
  HeaderTabs,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import ShoppingCartIcon from '@material-ui/icons/ShoppingCart';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  ChangeListFilter,
  IncidentListFilter,
  ServiceRequestListFilter,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentPage, incidentDescriptor } from '../incidents';
import { ChangeCalendar, ChangePage, changeDescriptor } from '../changes';
import { PendingApprovalsTable } from '../approvals';
import { RequestPage, RequestsTable } from '../requests';
import { ProblemPage, ProblemsOverview } from '../problems';
import { SlaDashboard } from '../sla';
import {
  useCreatePermission,
  useOptionalRouteRef,
  useRecordLink,
} from '../shared';
import {
  CreateRecordButton,
  KindRecord,
  RecordKindDescriptor,
  RecordTable,
  RecordTableProps,
} from '../records';
import { serviceCatalogRouteRef } from '../../routes';

interface Me {
  userEntityRef: string;
  groups: string[];
}

/**
 * One tab of the ITSM page: an incident queue, a change or request list, or another
 * view. `needsGroups`: a queue of the user's groups, which says so when there are none.
 */
type Tab = { id: string; label: string; needsGroups?: boolean } & (
  | { incidents: (me: Me) => IncidentListFilter }
  | { changes: (me: Me) => ChangeListFilter }
  | { requests: (me: Me) => ServiceRequestListFilter; showRequester?: boolean }
  | { view: 'approvals' | 'calendar' | 'sla' | 'problems' }
);

const TABS: Tab[] = [
  {
    id: 'assigned',
    label: 'Assigned to me',
    incidents: me => ({ assignee: me.userEntityRef }),
  },
  {
    id: 'groups',
    label: 'My groups',
    // The API takes at most 100 groups per query.
    incidents: me => ({ assignmentGroup: me.groups.slice(0, 100) }),
    needsGroups: true,
  },
  {
    id: 'reported',
    label: 'Reported by me',
    incidents: me => ({ requester: me.userEntityRef }),
  },
  { id: 'all', label: 'All incidents', incidents: () => ({}) },
  {
    id: 'my-changes',
    label: 'My changes',
    changes: me => ({ requester: me.userEntityRef }),
  },
  { id: 'changes', label: 'All changes', changes: () => ({}) },
  { id: 'problems', label: 'Problems', view: 'problems' },
  {
    id: 'my-requests',
    label: 'My requests',
    requests: me => ({ requester: me.userEntityRef }),
  },
  {
    id: 'requests-to-fulfil',
    label: 'Requests to fulfil',
    requests: me => ({ assignmentGroup: me.groups.slice(0, 100) }),
    needsGroups: true,
    showRequester: true,
  },
  { id: 'approvals', label: 'Waiting for my approval', view: 'approvals' },
  { id: 'calendar', label: 'Change calendar', view: 'calendar' },
  { id: 'sla', label: 'SLA', view: 'sla' },
];

/**
 * A list of one kind's records with the CI column and the kind's "create" button, which
 * opens the new record's page.
 */
const RecordQueue = <R extends KindRecord, F>(props: {
  kind: RecordKindDescriptor<R, F>;
  title: string;
  filter: RecordTableProps<F>['filter'];
}) => {
  const { kind } = props;
  const navigate = useNavigate();
  const recordLink = useRecordLink(kind.kind);
  return (
    <RecordTable
      kind={kind}
      title={props.title}
      filter={props.filter}
      showEntity
      actions={
        <CreateRecordButton
          kind={kind}
          onCreated={record => navigate(recordLink(record.number))}
        />
      }
    />
  );
};

/**
 * The work queues of the signed-in user, the change lists, approvals, calendar and the
 * SLA dashboard.
 */
const ItsmHome = () => {
  const identityApi = useApi(identityApiRef);
  const serviceCatalogLink = useOptionalRouteRef(serviceCatalogRouteRef);
  const mayOrder = useCreatePermission('request').allowed;
  const [searchParams, setSearchParams] = useSearchParams();

  const tabIndex = Math.max(
    0,
    TABS.findIndex(tab => tab.id === searchParams.get('tab')),
  );
  const tab = TABS[tabIndex];

  const me = useAsync(async (): Promise<Me> => {
    const identity = await identityApi.getBackstageIdentity();
    return {
      userEntityRef: identity.userEntityRef,
      // Assignment groups are groups; ownership refs also hold the user itself.
      groups: identity.ownershipEntityRefs.filter(ref =>
        ref.toLocaleLowerCase('en-US').startsWith('group:'),
      ),
    };
  }, [identityApi]);

  let body: ReactNode;
  if (me.loading) {
    body = <Progress />;
  } else if (me.error || !me.value) {
    body = (
      <ResponseErrorPanel error={me.error ?? new Error('Not signed in')} />
    );
  } else if (tab.needsGroups && me.value.groups.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No groups"
        description="You are not a member of any group in the catalog, so nothing is assigned to your groups."
      />
    );
  } else if ('incidents' in tab) {
    body = (
      <RecordQueue
        key={tab.id}
        kind={incidentDescriptor}
        title={tab.label}
        filter={tab.incidents(me.value)}
      />
    );
  } else if ('requests' in tab) {
    body = (
      <RequestsTable
        key={tab.id}
        title={tab.label}
        filter={tab.requests(me.value)}
        showRequester={tab.showRequester}
        actions={
          serviceCatalogLink &&
          mayOrder && (
            <LinkButton
              to={serviceCatalogLink()}
              role="link"
              variant="contained"
              color="primary"
              startIcon={<ShoppingCartIcon />}
            >
              Order from the service catalog
            </LinkButton>
          )
        }
      />
    );
  } else if ('changes' in tab) {
    body = (
      <RecordQueue
        key={tab.id}
        kind={changeDescriptor}
        title={tab.label}
        filter={tab.changes(me.value)}
      />
    );
  } else if (tab.view === 'approvals') {
    body = <PendingApprovalsTable />;
  } else if (tab.view === 'sla') {
    body = <SlaDashboard />;
  } else if (tab.view === 'problems') {
    body = <ProblemsOverview />;
  } else {
    body = <ChangeCalendar />;
  }

  return (
    <Page themeId="tool">
      <Header
        title="Service management"
        subtitle="Incidents, changes and service requests on the services in the catalog"
      />
      <HeaderTabs
        tabs={TABS.map(t => ({ id: t.id, label: t.label }))}
        selectedIndex={tabIndex}
        onChange={index => setSearchParams({ tab: TABS[index].id })}
      />
      <Content>{body}</Content>
    </Page>
  );
};

/**
 * The ITSM page (`/itsm`), its incident pages (`/itsm/incidents/:id`), change pages
 * (`/itsm/changes/:id`), service request pages (`/itsm/requests/:id`) and problem pages
 * (`/itsm/problems/:id`).
 */
export const ItsmPage = () => (
  <Routes>
    <Route path="/" element={<ItsmHome />} />
    <Route path="/incidents/:id" element={<IncidentPage />} />
    <Route path="/changes/:id" element={<ChangePage />} />
    <Route path="/requests/:id" element={<RequestPage />} />
    <Route path="/problems/:id" element={<ProblemPage />} />
  </Routes>
);
