import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  createExtensionTester,
  mockApis,
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { SearchFilterResultTypeBlueprint } from '@backstage/plugin-search-react/alpha';
import {
  makeIncident,
  makeMyWork,
  makeProblem,
  makeRequest,
  makeTimeline,
  NO_SLA,
  postgresOffering,
} from '../__testUtils__/fixtures';
import { denying, mockPermissions } from '../__testUtils__/render';
import { itsmSearchTypes } from '../components/search';
import itsmPlugin, {
  itsmPage,
  itsmSearchResultTypes,
  serviceCatalogPage,
} from './plugin';

// The app's permission API decides what the plugin offers; in this file alice may
// comment on incidents but not work them.
const permissions = [
  permissionApiRef,
  mockPermissions(denying('itsm.incident.update')),
] as const;

// Runs the plugin in a new-frontend-system app: the API extension builds the client,
// the page mounts at /itsm and the legacy-style route refs resolve to its sub-route.
describe('itsm plugin in the new frontend system', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('names its sidebar items so that they fit the sidebar uncut', () => {
    // The sidebar cuts labels wider than 110px: "Service management" read "Service mana…".
    expect(createExtensionTester(itsmPage).get(coreExtensionData.title)).toBe(
      'Service desk',
    );
    expect(
      createExtensionTester(serviceCatalogPage).get(coreExtensionData.title),
    ).toBe('Service catalog');
  });

  it("adds the record kinds to the search page's result types", () => {
    // One search-filter-result-type extension per kind (they attach to page:search's
    // resultTypes; packages/app/src/search.test.tsx chooses them on the real page), the
    // same types a legacy search page gets from itsmSearchTypes.
    const resultTypes = itsmSearchResultTypes.map(extension =>
      createExtensionTester(extension).get(
        SearchFilterResultTypeBlueprint.dataRefs.resultType,
      ),
    );
    expect(resultTypes.map(({ value, name }) => ({ value, name }))).toEqual([
      { value: 'itsm-incident', name: 'Incidents' },
      { value: 'itsm-change', name: 'Changes' },
      { value: 'itsm-request', name: 'Service requests' },
      { value: 'itsm-problem', name: 'Problems' },
    ]);
    expect(resultTypes.map(type => type.icon.type)).toEqual(
      itsmSearchTypes.map(type => type.icon.type),
    );
    for (const kind of ['incident', 'change', 'request', 'problem']) {
      expect(
        itsmPlugin.getExtension(
          `search-filter-result-type:itsm/${kind}` as any,
        ),
      ).toBeDefined();
    }
  });

  it('serves My work at /itsm, the views below it and the incident pages', async () => {
    const listQueries: URLSearchParams[] = [];
    server.use(
      http.get('*/api/itsm/my-work', () => HttpResponse.json(makeMyWork())),
      http.get('*/api/itsm/approvals/pending', () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get('*/api/itsm/incidents', ({ request }) => {
        listQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeIncident()] });
      }),
      http.get('*/api/itsm/incidents/INC-000001', () =>
        HttpResponse.json(makeIncident()),
      ),
      http.get('*/api/itsm/incidents/INC-000001/timeline', () =>
        HttpResponse.json({ items: makeTimeline('x') }),
      ),
      http.get('*/api/itsm/incidents/INC-000001/sla', () =>
        HttpResponse.json(NO_SLA),
      ),
    );

    renderTestApp({
      features: [itsmPlugin],
      initialRouteEntries: ['/itsm'],
      // The catalog plugin is not in this app; its entity page is where refs link to.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        mockApis.identity({
          userEntityRef: 'user:default/alice',
          ownershipEntityRefs: ['user:default/alice', 'group:default/sre'],
        }),
        permissions,
      ],
    });

    const tile = await screen.findByRole('link', {
      name: 'Incidents assigned to me: 2',
    });
    expect(tile).toHaveAttribute(
      'href',
      '/itsm/incidents?assignee=user%3Adefault%2Falice',
    );
    const link = await screen.findByRole('link', { name: 'INC-000001' });
    expect(link).toHaveAttribute('href', '/itsm/incidents/INC-000001');
    expect(listQueries[0].get('assignee')).toBe('user:default/alice');
    expect(listQueries[0].get('open')).toBe('true');

    // The incidents view, its queue of the user's groups.
    await userEvent.click(screen.getByRole('tab', { name: 'Incidents' }));
    await userEvent.selectOptions(
      await screen.findByLabelText('Queue'),
      'groups',
    );
    expect(
      await screen.findByRole('link', { name: 'INC-000001' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        listQueries[listQueries.length - 1].getAll('assignmentGroup'),
      ).toEqual(['group:default/sre']),
    );

    await userEvent.click(screen.getByRole('link', { name: 'INC-000001' }));
    expect(
      await screen.findByRole('heading', { name: 'Payments API returns 500' }),
    ).toBeInTheDocument();
    // The form shows once the permissions are decided: a comment, no work note, and
    // none of the moves.
    const form = await screen.findByRole('form', {
      name: 'Add to the timeline',
    });
    expect(within(form).getByLabelText('Comment')).toBeInTheDocument();
    expect(within(form).queryByRole('radiogroup')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start work' })).toBeNull();
  });

  it('serves the service catalog at /service-catalog, its order forms, and opens the new request', async () => {
    const posted: unknown[] = [];
    server.use(
      http.post('*/api/itsm/requests', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(makeRequest(), { status: 201 });
      }),
      http.get('*/api/itsm/requests/REQ-000005', () =>
        HttpResponse.json(makeRequest()),
      ),
      http.get('*/api/itsm/requests/REQ-000005/timeline', () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get('*/api/itsm/requests/REQ-000005/approvals', () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get('*/api/itsm/requests/REQ-000005/sla', () =>
        HttpResponse.json(NO_SLA),
      ),
      http.get('*/api/itsm/approvals/pending', () =>
        HttpResponse.json({ items: [] }),
      ),
    );

    renderTestApp({
      features: [itsmPlugin],
      initialRouteEntries: ['/service-catalog'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        catalogApiMock({ entities: [postgresOffering] }),
        mockApis.identity({
          userEntityRef: 'user:default/alice',
          ownershipEntityRefs: ['user:default/alice'],
        }),
        permissions,
      ],
    });

    await userEvent.click(
      await screen.findByRole('link', {
        name: 'Order New PostgreSQL database',
      }),
    );
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Database name' }),
      'orders_db',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Submit request' }),
    );
    // The request page of the ITSM page, another page of the plugin.
    expect(
      await screen.findByTestId('state-chip-approved'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'New PostgreSQL database' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('REQ-000005').length).toBeGreaterThan(0);
    expect(posted).toHaveLength(1);
  });

  it('serves problem pages below /itsm', async () => {
    server.use(
      http.get('*/api/itsm/problems/PRB-000012', () =>
        HttpResponse.json(makeProblem()),
      ),
      http.get('*/api/itsm/problems/PRB-000012/timeline', () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get('*/api/itsm/problems/PRB-000012/sla', () =>
        HttpResponse.json(NO_SLA),
      ),
      http.get('*/api/itsm/problems/PRB-000012/incidents', () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get('*/api/itsm/problems/PRB-000012/changes', () =>
        HttpResponse.json({ items: [] }),
      ),
    );

    renderTestApp({
      features: [itsmPlugin],
      initialRouteEntries: ['/itsm/problems/PRB-000012'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        mockApis.identity({
          userEntityRef: 'user:default/alice',
          ownershipEntityRefs: ['user:default/alice'],
        }),
        permissions,
      ],
    });

    expect(
      await screen.findByRole('heading', {
        name: 'Connection pool exhaustion under load',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('state-chip-root_cause_analysis'),
    ).toBeInTheDocument();
  });
});
