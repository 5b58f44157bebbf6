import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { renderRoute } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeChange,
  makeIncident,
  makeQueueItem,
} from '../../__testUtils__/fixtures';
import { ItsmPage } from './ItsmPage';

describe('ItsmPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let changeQueries: URLSearchParams[];
  let decisions: unknown[];

  beforeEach(() => {
    changeQueries = [];
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
      'Waiting for my approval',
      'Change calendar',
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
      screen.getByRole('button', { name: 'Request change' }),
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
    await userEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(
      await screen.findByText('Nothing is waiting for your approval.'),
    ).toBeInTheDocument();
  });
});
