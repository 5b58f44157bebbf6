import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { itsmApiRef } from '../../api';
import { mountedRoutes, paymentsEntity } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeChange,
  makeClient,
  makeIncident,
  makeQueueItem,
} from '../../__testUtils__/fixtures';
import { EntityItsmContent } from './EntityItsmContent';
import { ApprovalsCard } from '../approvals';

const entity = paymentsEntity;

describe('EntityItsmContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

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
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <EntityProvider entity={entity}>
          <EntityItsmContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
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
      screen.getByRole('button', { name: 'Request change' }),
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
  });
});
