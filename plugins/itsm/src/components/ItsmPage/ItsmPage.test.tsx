import { useLocation } from 'react-router-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { renderRoute } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeApprovalStep,
  makeCandidates,
  makeChange,
  makeComplianceReport,
  makeIncident,
  makeMyWork,
  makeProblemKpis,
  makeQueueItem,
  makeRequest,
  makeSlaSummary,
} from '../../__testUtils__/fixtures';
import { ItsmPage } from './ItsmPage';

/** Where the page is now: its path and query, as the browser's address bar has them. */
const Location = () => {
  const location = useLocation();
  return (
    <output data-testid="location">
      {location.pathname}
      {location.search}
    </output>
  );
};

const location = () => screen.getByTestId('location').textContent;

const ALICE = 'user%3Adefault%2Falice';
const SRE = 'group%3Adefault%2Fsre';

describe('ItsmPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let incidentQueries: URLSearchParams[];
  let changeQueries: URLSearchParams[];
  let requestQueries: URLSearchParams[];
  let decisions: unknown[];

  beforeEach(() => {
    incidentQueries = [];
    changeQueries = [];
    requestQueries = [];
    decisions = [];
    let pending = [makeQueueItem()];
    server.use(
      http.get(`${BASE_URL}/my-work`, () => HttpResponse.json(makeMyWork())),
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        incidentQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeIncident()] });
      }),
      http.get(`${BASE_URL}/changes`, ({ request }) => {
        changeQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeChange()] });
      }),
      http.get(`${BASE_URL}/requests`, ({ request }) => {
        requestQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [
            makeRequest({
              dueAt: new Date(Date.now() - 3600_000).toISOString(),
            }),
          ],
        });
      }),
      http.get(`${BASE_URL}/approvals/pending`, () =>
        HttpResponse.json({ items: pending }),
      ),
      http.post(
        `${BASE_URL}/changes/${makeChange().id}/approvals`,
        async ({ request }) => {
          decisions.push(await request.json());
          pending = [];
          return HttpResponse.json(makeChange({ state: 'scheduled' }));
        },
      ),
      http.get(`${BASE_URL}/change-calendar`, () =>
        HttpResponse.json({ changes: [], freezes: [] }),
      ),
      http.get(`${BASE_URL}/problems`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/problem-kpis`, () =>
        HttpResponse.json(makeProblemKpis()),
      ),
      http.get(`${BASE_URL}/problem-candidates`, () =>
        HttpResponse.json(makeCandidates([])),
      ),
      http.get(`${BASE_URL}/sla/summary`, () =>
        HttpResponse.json(makeSlaSummary()),
      ),
      http.get(`${BASE_URL}/sla/compliance`, () =>
        HttpResponse.json(makeComplianceReport()),
      ),
      http.get(`${BASE_URL}/sla/timers`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
  });

  const render = (entry: string, options: { groups?: string[] } = {}) =>
    renderRoute(
      '/itsm/*',
      <>
        <ItsmPage />
        <Location />
      </>,
      entry,
      options,
    );

  it('has a short list of views as tabs, each a link to its path', async () => {
    await render('/itsm');
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map(tab => tab.textContent)).toEqual([
      'My work',
      'Incidents',
      'Changes',
      'Requests',
      'Problems',
      'Approvals',
      'Calendar',
      'SLA',
    ]);
    expect(tabs.map(tab => tab.getAttribute('href'))).toEqual([
      '/itsm',
      '/itsm/incidents',
      '/itsm/changes',
      '/itsm/requests',
      '/itsm/problems',
      '/itsm/approvals',
      '/itsm/calendar',
      '/itsm/sla',
    ]);
    expect(screen.getByRole('tab', { name: 'My work' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      screen.getByRole('heading', { name: 'Service desk' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Service catalog' }),
    ).toHaveAttribute('href', '/service-catalog');

    await userEvent.click(screen.getByRole('tab', { name: 'Calendar' }));
    expect(
      await screen.findByRole('region', { name: 'Change calendar' }),
    ).toBeInTheDocument();
    expect(location()).toBe('/itsm/calendar');
    expect(screen.getByRole('tab', { name: 'Calendar' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('lands on My work: the queues with their counts, each opening its filtered view', async () => {
    await render('/itsm');
    const incidents = await screen.findByTestId('my-work-assigned-incidents');
    expect(incidents).toHaveAccessibleName('Incidents assigned to me: 2');
    expect(incidents).toHaveAttribute(
      'href',
      `/itsm/incidents?assignee=${ALICE}`,
    );
    expect(
      screen.getByTestId('my-work-assigned-problems'),
    ).toHaveAccessibleName('Problems assigned to me: 1');
    expect(screen.getByTestId('my-work-groups-changes')).toHaveAttribute(
      'href',
      `/itsm/changes?assignmentGroup=${SRE}`,
    );
    expect(screen.getByRole('link', { name: 'Changes of my groups: 3' })).toBe(
      screen.getByTestId('my-work-groups-changes'),
    );
    expect(
      screen.getByRole('link', { name: 'Waiting for my approval: 1' }),
    ).toHaveAttribute('href', '/itsm/approvals');
    expect(
      screen.getByRole('link', { name: 'Requests to fulfil: 4' }),
    ).toHaveAttribute(
      'href',
      `/itsm/requests?state=approved&state=in_fulfillment&assignmentGroup=${SRE}`,
    );
    const breaching = screen.getByTestId('my-work-breaching-soon');
    expect(breaching).toHaveAccessibleName(
      'Breaching soon (within 4 hours): 3',
    );
    expect(breaching).toHaveAttribute('href', '/itsm/sla?show=at-risk');
    expect(breaching).toHaveTextContent('Breaching within 4 hours');
    expect(screen.getByTestId('my-work-to-fulfil-count')).toHaveTextContent(
      '4',
    );

    // Under the tiles: my open incidents and what waits for my approval, a few each.
    const mine = screen.getByRole('region', { name: 'My open incidents' });
    expect(
      await within(mine).findByRole('link', { name: 'INC-000001' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000001');
    expect(incidentQueries[0].get('assignee')).toBe('user:default/alice');
    expect(incidentQueries[0].get('open')).toBe('true');
    expect(incidentQueries[0].get('limit')).toBe('5');
    const approvals = screen.getByRole('region', {
      name: 'My pending approvals',
    });
    expect(
      await within(approvals).findByRole('link', { name: 'CHG-000003' }),
    ).toBeInTheDocument();

    // A tile opens its view with the queue's filters in the URL.
    await userEvent.click(incidents);
    expect(location()).toBe(`/itsm/incidents?assignee=${ALICE}`);
    expect(screen.getByRole('tab', { name: 'Incidents' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByLabelText('Queue')).toHaveValue('assigned');
    await waitFor(() =>
      expect(incidentQueries[incidentQueries.length - 1].get('limit')).toBe(
        '20',
      ),
    );
    const query = incidentQueries[incidentQueries.length - 1];
    expect(query.get('assignee')).toBe('user:default/alice');
    expect(query.get('open')).toBe('true');
  });

  it('says so on My work when the user is in no group', async () => {
    await render('/itsm', { groups: [] });
    const groups = await screen.findByRole('region', { name: 'My groups' });
    expect(groups).toHaveTextContent(
      'You are not a member of any group in the catalog',
    );
    expect(screen.queryByTestId('my-work-groups-incidents')).toBeNull();
    expect(
      screen.getByTestId('my-work-assigned-incidents'),
    ).toBeInTheDocument();
  });

  it('reads a view’s filters from the URL and writes them back when they change', async () => {
    await render(
      `/itsm/incidents?state=in_progress&priority=P1&assignmentGroup=${SRE}&q=checkout`,
    );
    await waitFor(() => expect(incidentQueries).toHaveLength(1));
    const first = incidentQueries[0];
    expect(first.getAll('state')).toEqual(['in_progress']);
    expect(first.has('open')).toBe(false);
    expect(first.getAll('priority')).toEqual(['P1']);
    expect(first.getAll('assignmentGroup')).toEqual(['group:default/sre']);
    expect(first.get('q')).toBe('checkout');
    // The queue these filters are in, and the fields showing them.
    expect(screen.getByLabelText('Queue')).toHaveValue('groups');
    expect(screen.getByLabelText('State')).toHaveValue('in_progress');
    expect(screen.getByLabelText('Priority')).toHaveValue('P1');
    expect(screen.getByLabelText('Search')).toHaveValue('checkout');
    expect(
      await screen.findByRole('link', { name: 'INC-000001' }),
    ).toBeInTheDocument();

    // A changed filter goes to the URL, and from there to the list's query.
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'P2');
    expect(location()).toBe(
      `/itsm/incidents?state=in_progress&priority=P2&assignmentGroup=${SRE}&q=checkout`,
    );
    await waitFor(() =>
      expect(
        incidentQueries[incidentQueries.length - 1].getAll('priority'),
      ).toEqual(['P2']),
    );

    // A queue is a preset of the filters: its own, keeping the text searched for.
    await userEvent.selectOptions(screen.getByLabelText('Queue'), 'reported');
    expect(location()).toBe(`/itsm/incidents?requester=${ALICE}&q=checkout`);
    await waitFor(() =>
      expect(incidentQueries[incidentQueries.length - 1].get('requester')).toBe(
        'user:default/alice',
      ),
    );
    expect(screen.getByLabelText('State')).toHaveValue('open');

    // The search is applied once the user stops typing.
    const search = screen.getByLabelText('Search');
    await userEvent.clear(search);
    await userEvent.type(search, 'ledger');
    await waitFor(() =>
      expect(location()).toBe(`/itsm/incidents?requester=${ALICE}&q=ledger`),
    );
    await waitFor(() =>
      expect(incidentQueries[incidentQueries.length - 1].get('q')).toBe(
        'ledger',
      ),
    );

    // Everybody's: no people filter.
    await userEvent.selectOptions(screen.getByLabelText('Queue'), 'all');
    expect(location()).toBe('/itsm/incidents?q=ledger');
  });

  it('shows filters that no queue explains as chips that remove them', async () => {
    await render(
      '/itsm/changes?type=emergency&assignee=user:default/bob&entityRef=component:default/payments',
    );
    await waitFor(() => expect(changeQueries).toHaveLength(1));
    expect(changeQueries[0].getAll('type')).toEqual(['emergency']);
    expect(changeQueries[0].get('assignee')).toBe('user:default/bob');
    expect(changeQueries[0].get('entityRef')).toBe(
      'component:default/payments',
    );
    expect(screen.getByLabelText('Queue')).toHaveValue('custom');
    expect(screen.getByLabelText('Change type')).toHaveValue('emergency');
    expect(screen.getByTestId('filter-assignee')).toHaveTextContent(
      'Assignee: bob',
    );
    expect(screen.getByTestId('filter-entityRef')).toHaveTextContent(
      'CI: component:payments',
    );
    await userEvent.click(screen.getByTestId('filter-assignee-remove'));
    expect(location()).toBe(
      '/itsm/changes?type=emergency&entityRef=component%3Adefault%2Fpayments',
    );
    expect(screen.getByLabelText('Queue')).toHaveValue('all');
  });

  it.each([
    ['assigned', `/itsm/incidents?assignee=${ALICE}`, 'Incidents'],
    ['groups', `/itsm/incidents?assignmentGroup=${SRE}`, 'Incidents'],
    ['reported', `/itsm/incidents?requester=${ALICE}`, 'Incidents'],
    ['all', '/itsm/incidents', 'Incidents'],
    ['my-changes', `/itsm/changes?requester=${ALICE}`, 'Changes'],
    ['changes', '/itsm/changes', 'Changes'],
    ['problems', '/itsm/problems', 'Problems'],
    ['my-requests', `/itsm/requests?requester=${ALICE}`, 'Requests'],
    [
      'requests-to-fulfil',
      `/itsm/requests?state=approved&state=in_fulfillment&assignmentGroup=${SRE}`,
      'Requests',
    ],
    ['approvals', '/itsm/approvals', 'Approvals'],
    ['calendar', '/itsm/calendar', 'Calendar'],
    ['sla&by=system&show=met', '/itsm/sla?by=system&show=met', 'SLA'],
    ['gone', '/itsm', 'My work'],
  ])('sends the old link ?tab=%s on to %s', async (tab, target, selected) => {
    await render(`/itsm?tab=${tab}`);
    await waitFor(() => expect(location()).toBe(target));
    expect(screen.getByRole('tab', { name: selected })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('has My changes and All changes as queues of the changes view, with Request change', async () => {
    await render(`/itsm/changes?requester=${ALICE}`);
    expect(
      await screen.findByRole('link', { name: 'CHG-000003' }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-000003');
    expect(changeQueries[0].get('requester')).toBe('user:default/alice');
    expect(changeQueries[0].get('open')).toBe('true');
    const queue = screen.getByLabelText('Queue');
    expect(queue).toHaveValue('mine');
    expect(
      within(queue)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['My changes', 'Assigned to me', 'My groups', 'All changes']);
    expect(
      await screen.findByRole('button', { name: 'Request change' }),
    ).toBeInTheDocument();
  });

  it('lists what waits for my approval and decides from the queue', async () => {
    await render('/itsm/approvals');
    const row = await screen.findByRole('row', {
      name: /CHG-000003.*Rotate payments DB credentials/,
    });
    expect(
      within(row).getByRole('link', { name: 'CHG-000003' }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-000003');
    await userEvent.click(
      await within(row).findByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(
      await screen.findByText('Nothing is waiting for your approval.'),
    ).toBeInTheDocument();
  });

  it("lists my requests and my groups' requests to fulfil, with their due time", async () => {
    await render(`/itsm/requests?requester=${ALICE}`);
    const row = await screen.findByRole('row', { name: /REQ-000005/ });
    expect(
      within(row).getByRole('link', { name: 'REQ-000005' }),
    ).toHaveAttribute('href', '/itsm/requests/REQ-000005');
    expect(row).toHaveTextContent('New PostgreSQL database');
    expect(within(row).getByTestId('state-chip-approved')).toHaveTextContent(
      'Approved',
    );
    expect(within(row).getByTestId('request-overdue')).toBeInTheDocument();
    expect(requestQueries[0].get('requester')).toBe('user:default/alice');
    expect(requestQueries[0].get('open')).toBe('true');
    expect(
      await screen.findByRole('link', {
        name: 'Order from the service catalog',
      }),
    ).toHaveAttribute('href', '/service-catalog');
    expect(
      screen.queryByRole('columnheader', { name: 'Requester' }),
    ).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Queue'), 'to-fulfil');
    await waitFor(() => expect(requestQueries).toHaveLength(2));
    expect(requestQueries[1].getAll('assignmentGroup')).toEqual([
      'group:default/sre',
    ]);
    expect(requestQueries[1].getAll('state')).toEqual([
      'approved',
      'in_fulfillment',
    ]);
    // Both states as one option of the state filter.
    expect(screen.getByLabelText('State')).toHaveValue(
      'approved,in_fulfillment',
    );
    expect(
      await screen.findByRole('columnheader', { name: 'Requester' }),
    ).toBeInTheDocument();
  });

  it('links each waiting approval to the page of its kind', async () => {
    server.use(
      http.get(`${BASE_URL}/approvals/pending`, () =>
        HttpResponse.json({
          items: [
            makeQueueItem(),
            makeQueueItem(
              makeRequest({ state: 'awaiting_approval' }),
              makeApprovalStep({ id: 'step-2' }),
            ),
          ],
        }),
      ),
    );
    await render('/itsm/approvals');
    expect(
      await screen.findByRole('link', { name: 'REQ-000005' }),
    ).toHaveAttribute('href', '/itsm/requests/REQ-000005');
    expect(screen.getByRole('link', { name: 'CHG-000003' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-000003',
    );
  });
});
