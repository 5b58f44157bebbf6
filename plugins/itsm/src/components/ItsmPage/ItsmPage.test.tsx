import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { renderRoute } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeApprovalStep,
  makeChange,
  makeIncident,
  makeQueueItem,
  makeRequest,
} from '../../__testUtils__/fixtures';
import { ItsmPage } from './ItsmPage';

describe('ItsmPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let changeQueries: URLSearchParams[];
  let requestQueries: URLSearchParams[];
  let decisions: unknown[];

  beforeEach(() => {
    changeQueries = [];
    requestQueries = [];
    decisions = [];
    let pending = [makeQueueItem()];
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [makeIncident()] }),
      ),
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
    );
  });

  const render = (entry: string) => renderRoute('/itsm/*', <ItsmPage />, entry);

  it('has the incident queues, the changes, the approval queue and the calendar as tabs', async () => {
    await render('/itsm');
    const tabs = screen.getAllByRole('tab').map(tab => tab.textContent);
    expect(tabs).toEqual([
      'Assigned to me',
      'My groups',
      'Reported by me',
      'All incidents',
      'My changes',
      'All changes',
      'Problems',
      'My requests',
      'Requests to fulfil',
      'Waiting for my approval',
      'Change calendar',
      'SLA',
    ]);
    expect(
      await screen.findByRole('link', { name: 'INC-000001' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'My changes' }));
    expect(
      await screen.findByRole('link', { name: 'CHG-000003' }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-000003');
    expect(changeQueries[0].get('requester')).toBe('user:default/alice');
    expect(changeQueries[0].get('open')).toBe('true');
    expect(
      await screen.findByRole('button', { name: 'Request change' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Change calendar' }));
    expect(
      await screen.findByRole('region', { name: 'Change calendar' }),
    ).toBeInTheDocument();
  });

  it('lists what waits for my approval and decides from the queue', async () => {
    await render('/itsm?tab=approvals');
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
    await render('/itsm?tab=my-requests');
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

    await userEvent.click(
      screen.getByRole('tab', { name: 'Requests to fulfil' }),
    );
    await waitFor(() => expect(requestQueries).toHaveLength(2));
    expect(requestQueries[1].getAll('assignmentGroup')).toEqual([
      'group:default/sre',
    ]);
    expect(requestQueries[1].get('open')).toBe('true');
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
    await render('/itsm?tab=approvals');
    expect(
      await screen.findByRole('link', { name: 'REQ-000005' }),
    ).toHaveAttribute('href', '/itsm/requests/REQ-000005');
    expect(screen.getByRole('link', { name: 'CHG-000003' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-000003',
    );
  });
});
