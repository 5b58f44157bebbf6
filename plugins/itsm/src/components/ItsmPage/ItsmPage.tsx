import { ReactNode } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import {
  Content,
  EmptyState,
  Header,
  HeaderTabs,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  ChangeListFilter,
  IncidentListFilter,
} from '@backstage-itsm/plugin-itsm-common';
import {
  IncidentPage,
  IncidentsTable,
  ReportIncidentButton,
} from '../incidents';
import {
  ChangeCalendar,
  ChangePage,
  ChangesTable,
  RequestChangeButton,
} from '../changes';
import { PendingApprovalsTable } from '../approvals';
import { useChangeLink, useIncidentLink } from '../shared';

interface Me {
  userEntityRef: string;
  groups: string[];
}

/** One tab of the ITSM page: an incident queue, a change list, or another view. */
type Tab = { id: string; label: string } & (
  | {
      incidents: (me: Me) => IncidentListFilter;
      /** The queue of the user's groups: says so when the user has none. */
      needsGroups?: boolean;
    }
  | { changes: (me: Me) => ChangeListFilter }
  | { view: 'approvals' | 'calendar' }
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
  { id: 'approvals', label: 'Waiting for my approval', view: 'approvals' },
  { id: 'calendar', label: 'Change calendar', view: 'calendar' },
];

/** The work queues of the signed-in user, the change lists, approvals and calendar. */
const ItsmHome = () => {
  const identityApi = useApi(identityApiRef);
  const incidentLink = useIncidentLink();
  const changeLink = useChangeLink();
  const navigate = useNavigate();
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
  } else if ('incidents' in tab) {
    body =
      tab.needsGroups && me.value.groups.length === 0 ? (
        <EmptyState
          missing="data"
          title="No groups"
          description="You are not a member of any group in the catalog, so no incident is assigned to your groups."
        />
      ) : (
        <IncidentsTable
          key={tab.id}
          title={tab.label}
          filter={tab.incidents(me.value)}
          showEntity
          actions={
            <ReportIncidentButton
              onCreated={incident => navigate(incidentLink(incident.number))}
            />
          }
        />
      );
  } else if ('changes' in tab) {
    body = (
      <ChangesTable
        key={tab.id}
        title={tab.label}
        filter={tab.changes(me.value)}
        showEntity
        actions={
          <RequestChangeButton
            onCreated={change => navigate(changeLink(change.number))}
          />
        }
      />
    );
  } else if (tab.view === 'approvals') {
    body = <PendingApprovalsTable />;
  } else {
    body = <ChangeCalendar />;
  }

  return (
    <Page themeId="tool">
      <Header
        title="Service management"
        subtitle="Incidents and changes on the services in the catalog"
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
 * The ITSM page (`/itsm`), its incident pages (`/itsm/incidents/:id`) and change pages
 * (`/itsm/changes/:id`).
 */
export const ItsmPage = () => (
  <Routes>
    <Route path="/" element={<ItsmHome />} />
    <Route path="/incidents/:id" element={<IncidentPage />} />
    <Route path="/changes/:id" element={<ChangePage />} />
  </Routes>
);
