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
import { IncidentListFilter } from '@backstage-itsm/plugin-itsm-common';
import {
  IncidentPage,
  IncidentsTable,
  ReportIncidentButton,
} from '../incidents';
import { useIncidentLink } from '../shared';

interface Me {
  userEntityRef: string;
  groups: string[];
}

interface QueueTab {
  id: string;
  label: string;
  filter: (me: Me) => IncidentListFilter;
  showGroups?: boolean;
}

const TABS: QueueTab[] = [
  {
    id: 'assigned',
    label: 'Assigned to me',
    filter: me => ({ assignee: me.userEntityRef }),
  },
  {
    id: 'groups',
    label: 'My groups',
    // The API takes at most 100 groups per query.
    filter: me => ({ assignmentGroup: me.groups.slice(0, 100) }),
  },
  {
    id: 'reported',
    label: 'Reported by me',
    filter: me => ({ requester: me.userEntityRef }),
  },
  { id: 'all', label: 'All', filter: () => ({}) },
];

/** The work queues of the signed-in user, one tab each. */
const ItsmHome = () => {
  const identityApi = useApi(identityApiRef);
  const incidentLink = useIncidentLink();
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

  let body;
  if (me.loading) {
    body = <Progress />;
  } else if (me.error || !me.value) {
    body = (
      <ResponseErrorPanel error={me.error ?? new Error('Not signed in')} />
    );
  } else if (tab.id === 'groups' && me.value.groups.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No groups"
        description="You are not a member of any group in the catalog, so no incident is assigned to your groups."
      />
    );
  } else {
    body = (
      <IncidentsTable
        key={tab.id}
        title={tab.label}
        filter={tab.filter(me.value)}
        showEntity
        actions={
          <ReportIncidentButton
            onCreated={incident => navigate(incidentLink(incident.number))}
          />
        }
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Service management"
        subtitle="Incidents on the services in the catalog"
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

/** The ITSM page (`/itsm`) and its incident pages (`/itsm/incidents/:id`). */
export const ItsmPage = () => (
  <Routes>
    <Route path="/" element={<ItsmHome />} />
    <Route path="/incidents/:id" element={<IncidentPage />} />
  </Routes>
);
