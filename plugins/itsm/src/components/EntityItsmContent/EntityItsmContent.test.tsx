import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { itsmApiRef } from '../../api';
import {
  mockPermissions,
  mountedRoutes,
  paymentsEntity,
} from '../../__testUtils__/render';
import {
  accessOffering,
  BASE_URL,
  makeChange,
  makeClient,
  makeIncident,
  makeBreachedSummary,
  makeCandidate,
  makeCandidates,
  makeKnownError,
  makeProblem,
  makeProblemKpis,
  makeQueueItem,
  makeRequest,
  makeSlaSummary,
  makeTimerSummary,
  postgresOffering,
} from '../../__testUtils__/fixtures';
import { EntityItsmContent } from './EntityItsmContent';
import { ApprovalsCard } from '../approvals';
import {
  EntityServiceOfferingCard,
  EntityServiceOfferingRequestsContent,
} from '../offerings';
import { EntitySlaCard } from '../sla';
import { EntityKnownErrorsCard } from '../problems';

/** The problems section's calls, answered with nothing to show. */
const noProblems = [
  http.get(`${BASE_URL}/problems`, () => HttpResponse.json({ items: [] })),
  http.get(`${BASE_URL}/problem-candidates`, () =>
    HttpResponse.json(makeCandidates([])),
  ),
  http.get(`${BASE_URL}/problem-kpis`, () =>
    HttpResponse.json(makeProblemKpis()),
  ),
];

/** Renders entity page content for `entity`, with the catalog holding `entities`. */
function renderForEntity(
  entity: Entity,
  content: JSX.Element,
  entities: Entity[] = [],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, makeClient()],
        [catalogApiRef, catalogApiMock({ entities })],
        [permissionApiRef, mockPermissions()],
      ]}
    >
      <EntityProvider entity={entity}>{content}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes },
  );
}

const postgresCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'postgres-cluster', namespace: 'default' },
  spec: { type: 'database', owner: 'group:default/dba' },
};

const entity = paymentsEntity;

describe('EntityItsmContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  // The SLA section is tested below, on its own; the problems section has its own test.
  beforeEach(() => {
    server.use(
      ...noProblems,
      http.get(`${BASE_URL}/sla/summary`, () =>
        HttpResponse.json(makeSlaSummary()),
      ),
      http.get(`${BASE_URL}/sla/timers`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
  });

  it("shows the entity's incidents, changes and calendar, and requests a change on it", async () => {
    const changeQueries: URLSearchParams[] = [];
    const posted: unknown[] = [];
    let calendarCalls = 0;
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [makeIncident()] }),
      ),
      http.get(`${BASE_URL}/changes`, ({ request }) => {
        changeQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeChange()] });
      }),
      http.post(`${BASE_URL}/changes`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(makeChange(), { status: 201 });
      }),
      http.get(`${BASE_URL}/change-calendar`, ({ request }) => {
        calendarCalls++;
        expect(new URL(request.url).searchParams.get('entityRef')).toBe(
          'component:default/payments',
        );
        return HttpResponse.json({ changes: [], freezes: [] });
      }),
    );
    await renderForEntity(entity, <EntityItsmContent />);
    expect(
      await screen.findByRole('link', { name: 'INC-000001' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'CHG-000003' }),
    ).toBeInTheDocument();
    expect(changeQueries[0].get('entityRef')).toBe(
      'component:default/payments',
    );
    expect(
      screen.getByRole('region', { name: 'Change calendar' }),
    ).toBeInTheDocument();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Request change' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Request change',
    });
    await userEvent.type(within(dialog).getByLabelText(/^Title/), 'Rotate');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      title: 'Rotate',
      entityRef: 'component:default/payments',
      type: 'normal',
      risk: 'moderate',
    });
    // The list and the calendar reload.
    await waitFor(() => expect(changeQueries.length).toBe(2));
    await waitFor(() => expect(calendarCalls).toBe(2));
    // Payments provides no service offering: no such sections.
    expect(screen.queryByText('Service offerings')).not.toBeInTheDocument();
  });

  it('lists the offerings a CI provides, to order, and the requests made of them', async () => {
    const requestQueries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/changes`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/change-calendar`, () =>
        HttpResponse.json({ changes: [], freezes: [] }),
      ),
      http.get(`${BASE_URL}/requests`, ({ request }) => {
        requestQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeRequest()] });
      }),
    );
    await renderForEntity(postgresCluster, <EntityItsmContent />, [
      postgresCluster,
      postgresOffering,
      accessOffering,
    ]);
    expect(await screen.findByText('Service offerings')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', {
        name: 'Order New PostgreSQL database',
      }),
    ).toHaveAttribute('href', '/service-catalog/default/new-postgres-database');
    // Provided by another CI.
    expect(
      screen.queryByRole('link', { name: 'Order Access to a system' }),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'REQ-000005' }),
    ).toHaveAttribute('href', '/itsm/requests/REQ-000005');
    expect(requestQueries[0].get('entityRef')).toBe(
      'resource:default/postgres-cluster',
    );
  });
});

describe('Problems on entity pages', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("shows the entity's problems, its problem candidate with one click to open a problem linking its incidents, and its KPIs", async () => {
    const problemQueries: URLSearchParams[] = [];
    const candidateQueries: URLSearchParams[] = [];
    const kpiQueries: URLSearchParams[] = [];
    const posted: unknown[] = [];
    let candidates = [makeCandidate()];
    server.use(
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/changes`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/change-calendar`, () =>
        HttpResponse.json({ changes: [], freezes: [] }),
      ),
      http.get(`${BASE_URL}/sla/summary`, () =>
        HttpResponse.json(makeSlaSummary()),
      ),
      http.get(`${BASE_URL}/sla/timers`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        problemQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [makeProblem({ knownError: true, workaround: 'Restart' })],
        });
      }),
      http.post(`${BASE_URL}/problems`, async ({ request }) => {
        posted.push(await request.json());
        candidates = [];
        return HttpResponse.json(makeProblem({ number: 'PRB-000013' }), {
          status: 201,
        });
      }),
      http.get(`${BASE_URL}/problem-candidates`, ({ request }) => {
        candidateQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json(makeCandidates(candidates));
      }),
      http.get(`${BASE_URL}/problem-kpis`, ({ request }) => {
        kpiQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json(makeProblemKpis());
      }),
    );
    await renderForEntity(entity, <EntityItsmContent />);

    // The entity's problems, known errors marked.
    const problem = await screen.findByRole('row', { name: /PRB-000012/ });
    expect(
      within(problem).getByRole('link', { name: 'PRB-000012' }),
    ).toHaveAttribute('href', '/itsm/problems/PRB-000012');
    expect(within(problem).getByTestId('known-error-chip')).toBeInTheDocument();
    expect(problemQueries[0].get('entityRef')).toBe(
      'component:default/payments',
    );
    expect(problemQueries[0].get('open')).toBe('true');

    // Its KPIs.
    const kpis = await screen.findByRole('region', { name: 'Problem KPIs' });
    expect(
      await within(kpis).findByRole('group', { name: 'Open problems' }),
    ).toHaveTextContent('4');
    expect(
      within(kpis).getByRole('group', { name: 'Incidents linked' }),
    ).toHaveTextContent('25%');
    expect(
      within(kpis).getByRole('group', { name: 'Median open age' }),
    ).toHaveTextContent('6d');
    expect(kpiQueries[0].get('entityRef')).toBe('component:default/payments');

    // Its incidents recur without a problem: open one from the candidate.
    const candidate = await screen.findByTestId(
      'problem-candidate-component:default/payments',
    );
    expect(
      within(candidate).getByRole('link', { name: 'INC-000009' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000009');
    expect(candidateQueries[0].get('entityRef')).toBe(
      'component:default/payments',
    );
    await userEvent.click(within(candidate).getByTestId('open-problem'));
    const dialog = await screen.findByRole('dialog', { name: 'Open problem' });
    expect(within(dialog).getByLabelText(/^Title/)).toHaveValue(
      'Recurring incidents on component:payments',
    );
    expect(
      within(dialog).getByTestId('problem-incidents-to-link'),
    ).toHaveTextContent('INC-000009, INC-000008, INC-000005');
    expect(
      within(dialog).queryByLabelText(/Configuration item/),
    ).not.toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/Symptoms/),
      'Checkout fails',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      title: 'Recurring incidents on component:payments',
      entityRef: 'component:default/payments',
      impact: 2,
      urgency: 2,
      symptoms: 'Checkout fails',
      incidents: ['INC-000009', 'INC-000008', 'INC-000005'],
    });
    // The candidate is gone and the list reloads with the new problem.
    await waitFor(() =>
      expect(
        screen.queryByTestId('problem-candidate-component:default/payments'),
      ).toBeNull(),
    );
    await waitFor(() => expect(problemQueries.length).toBeGreaterThan(1));
  });

  it('has a known errors card with the workarounds of the entity and what it depends on', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/known-errors`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeKnownError()] });
      }),
    );
    await renderForEntity(entity, <EntityKnownErrorsCard />);
    const card = screen.getByRole('region', { name: 'Known errors' });
    const knownError = await within(card).findByTestId(
      'known-error-PRB-000007',
    );
    expect(
      within(knownError).getByRole('link', { name: 'PRB-000007' }),
    ).toHaveAttribute('href', '/itsm/problems/PRB-000007');
    expect(knownError).toHaveTextContent(
      'Workaround: Restart the payments pods after a failover',
    );
    expect(knownError).toHaveTextContent('which component:payments depends on');
    expect(queries[0].get('entityRef')).toBe('component:default/payments');
  });

  it('says so when there is no known error', async () => {
    server.use(
      http.get(`${BASE_URL}/known-errors`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderForEntity(entity, <EntityKnownErrorsCard />);
    expect(
      await screen.findByText(
        'No known error on this entity or what it depends on.',
      ),
    ).toBeInTheDocument();
  });
});

describe('SLA on entity pages', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("shows the entity's SLA in the service management tab: figures, trend, open timers, recent breaches", async () => {
    const summaryQueries: URLSearchParams[] = [];
    const timerQueries: URLSearchParams[] = [];
    server.use(
      ...noProblems,
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/changes`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/change-calendar`, () =>
        HttpResponse.json({ changes: [], freezes: [] }),
      ),
      http.get(`${BASE_URL}/sla/summary`, ({ request }) => {
        summaryQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json(makeSlaSummary());
      }),
      http.get(`${BASE_URL}/sla/timers`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        timerQueries.push(query);
        return HttpResponse.json({
          items:
            query.get('open') === 'true'
              ? [makeTimerSummary(), makeBreachedSummary()]
              : [
                  makeBreachedSummary({
                    number: 'INC-000004',
                    title: 'Refunds stuck',
                    state: 'resolved',
                  }),
                ],
        });
      }),
    );
    await renderForEntity(entity, <EntityItsmContent />);
    const sla = await screen.findByRole('region', { name: 'SLA' });
    expect(
      await within(sla).findByRole('group', { name: 'Compliance, 30 days' }),
    ).toHaveTextContent('92%');
    expect(
      within(sla).getByRole('group', { name: 'Compliance, 90 days' }),
    ).toHaveTextContent('80%');
    expect(within(sla).getByRole('group', { name: 'MTTA' })).toHaveTextContent(
      '12m',
    );
    expect(within(sla).getByRole('group', { name: 'MTTR' })).toHaveTextContent(
      '5h 30m',
    );
    expect(
      within(sla).getByRole('img', { name: /^SLA compliance per week/ }),
    ).toBeInTheDocument();
    expect(summaryQueries[0].get('entityRef')).toBe(
      'component:default/payments',
    );

    // Open timers of the entity's records, each linking to its record.
    const open = await screen.findByRole('row', {
      name: /INC-000001.*Payments API returns 500/,
    });
    expect(
      within(open).getByRole('link', { name: 'INC-000001' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000001');
    expect(within(open).getByTestId('sla-status-at_risk')).toHaveTextContent(
      'At risk',
    );
    expect(
      within(open).getByRole('progressbar', { name: 'INC-000001 resolution' }),
    ).toHaveAttribute('aria-valuenow', '75');
    // And the breaches of the last 30 days, closed ones too.
    const breach = await screen.findByRole('row', { name: /INC-000004/ });
    expect(
      within(breach).getByTestId('sla-status-breached'),
    ).toBeInTheDocument();
    const openQuery = timerQueries.find(q => q.get('open') === 'true')!;
    expect(openQuery.get('entityRef')).toBe('component:default/payments');
    const breachQuery = timerQueries.find(q => q.get('status') === 'breached')!;
    expect(breachQuery.get('entityRef')).toBe('component:default/payments');
    expect(breachQuery.get('days')).toBe('30');
  });

  it('has an overview card with compliance, open breaches and the timers at risk', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/sla/summary`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json(makeSlaSummary());
      }),
    );
    await renderForEntity(entity, <EntitySlaCard />);
    const card = screen.getByRole('region', { name: 'SLA' });
    const compliance30 = await within(card).findByRole('group', {
      name: 'Compliance, 30 days',
    });
    expect(within(compliance30).getByText('92%')).toBeInTheDocument();
    expect(
      within(compliance30).getByText('23 met · 2 breached'),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('group', { name: 'Compliance, 90 days' }),
    ).toHaveTextContent('80%');
    expect(
      within(card).getByRole('group', { name: 'Open breaches' }),
    ).toHaveTextContent('1');
    const breaches = within(card).getByRole('list', { name: 'Open breaches' });
    expect(
      within(breaches).getByRole('link', { name: 'INC-000002' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000002');
    expect(within(breaches).getByText(/breached 35m ago/)).toBeInTheDocument();
    const atRisk = within(card).getByRole('list', { name: 'At risk' });
    expect(
      within(atRisk).getByRole('link', { name: 'INC-000001' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000001');
    expect(
      within(atRisk).getByRole('progressbar', {
        name: 'INC-000001 resolution',
      }),
    ).toBeInTheDocument();
    expect(
      within(atRisk).getByText(/3h of 4h · due in (59m|1h)/),
    ).toBeInTheDocument();
    expect(queries[0].get('entityRef')).toBe('component:default/payments');
  });

  it('says so when nothing was measured and nothing is at risk', async () => {
    server.use(
      http.get(`${BASE_URL}/sla/summary`, () =>
        HttpResponse.json(
          makeSlaSummary({
            compliance30: { met: 0, breached: 0, compliance: null },
            openBreaches: [],
            openBreachCount: 0,
            atRisk: [],
            atRiskCount: 0,
          }),
        ),
      ),
    );
    await renderForEntity(entity, <EntitySlaCard />);
    const card = screen.getByRole('region', { name: 'SLA' });
    const compliance30 = await within(card).findByRole('group', {
      name: 'Compliance, 30 days',
    });
    expect(within(compliance30).getByText('—')).toBeInTheDocument();
    expect(
      within(compliance30).getByText('nothing measured'),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('No open timer is at risk.'),
    ).toBeInTheDocument();
    expect(within(card).queryByRole('list')).toBeNull();
  });
});

describe('ServiceOffering entity page', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('has a card to order and a tab of the requests made of the offering', async () => {
    const requestQueries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/requests`, ({ request }) => {
        requestQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeRequest()] });
      }),
    );
    await renderForEntity(
      postgresOffering,
      <>
        <EntityServiceOfferingCard />
        <EntityServiceOfferingRequestsContent />
      </>,
    );
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'New PostgreSQL database',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findAllByRole('link', {
        name: 'Order New PostgreSQL database',
      }),
    ).toHaveLength(2);
    expect(
      await screen.findByRole('link', { name: 'REQ-000005' }),
    ).toBeInTheDocument();
    expect(requestQueries[0].get('offeringRef')).toBe(
      'serviceoffering:default/new-postgres-database',
    );
  });
});

describe('ApprovalsCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('counts and lists what waits for my approval', async () => {
    server.use(
      http.get(`${BASE_URL}/approvals/pending`, () =>
        HttpResponse.json({ items: [makeQueueItem()] }),
      ),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <ApprovalsCard />
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(await screen.findByTestId('pending-count')).toHaveTextContent('1');
    expect(screen.getByRole('link', { name: 'CHG-000003' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-000003',
    );
    expect(
      screen.getByText(/Rotate payments DB credentials/),
    ).toBeInTheDocument();
    // The approvals view of the ITSM page.
    expect(
      screen.getByRole('link', { name: /Open the approval queue/ }),
    ).toHaveAttribute('href', '/itsm/approvals');
  });
});
