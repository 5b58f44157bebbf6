import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { itsmApiRef } from '../../api';
import {
  mockPermissions,
  mountedRoutes,
  paymentsEntity,
} from '../../__testUtils__/render';
import {
  BASE_URL,
  makeClient,
  makeIncident,
} from '../../__testUtils__/fixtures';
import { EntityIncidentsContent } from './EntityIncidentsContent';
import { IncidentsTable } from './IncidentsTable';

const entity = paymentsEntity;

describe('IncidentsTable', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let requests: URLSearchParams[];

  beforeEach(() => {
    requests = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        if (params.get('cursor') === 'page-2') {
          return HttpResponse.json({
            items: [
              makeIncident({
                id: 'i3',
                number: 'INC-000003',
                title: 'Old one',
              }),
            ],
          });
        }
        return HttpResponse.json({
          items: [
            makeIncident({
              id: 'i2',
              number: 'INC-000002',
              title: 'Checkout is slow',
              priority: 'P1',
              assignee: 'user:default/alice',
            }),
            makeIncident({
              id: 'i1',
              number: 'INC-000001',
              title: 'Payments API returns 500',
              state: 'on_hold',
            }),
          ],
          nextCursor: 'page-2',
        });
      }),
    );
  });

  const render = () =>
    renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <IncidentsTable
          filter={{ assignee: 'user:default/alice' }}
          showEntity
        />
      </TestApiProvider>,
      { mountedRoutes },
    );

  it('renders the incidents with links to their pages, open ones by default', async () => {
    await render();
    expect(await screen.findByText('Checkout is slow')).toBeInTheDocument();
    expect(screen.getByText('Payments API returns 500')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-000002' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-000002',
    );
    expect(screen.getByTestId('state-chip-on_hold')).toHaveTextContent(
      'On hold',
    );

    expect(requests).toHaveLength(1);
    expect(requests[0].get('assignee')).toBe('user:default/alice');
    expect(requests[0].get('open')).toBe('true');
    expect(requests[0].getAll('state')).toEqual([]);
    expect(requests[0].get('cursor')).toBeNull();
  });

  it('filters by state and priority', async () => {
    await render();
    await screen.findByText('Checkout is slow');

    await userEvent.selectOptions(screen.getByLabelText('State'), 'all');
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1].get('open')).toBeNull();
    expect(requests[1].getAll('state')).toEqual([]);

    await userEvent.selectOptions(screen.getByLabelText('State'), 'resolved');
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(requests[2].getAll('state')).toEqual(['resolved']);
    expect(requests[2].get('open')).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'P1');
    await waitFor(() => expect(requests).toHaveLength(4));
    expect(requests[3].getAll('priority')).toEqual(['P1']);
    expect(requests[3].getAll('state')).toEqual(['resolved']);
  });

  it('pages with the next cursor and back', async () => {
    await render();
    await screen.findByText('Checkout is slow');
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Old one')).toBeInTheDocument();
    expect(requests[1].get('cursor')).toBe('page-2');
    expect(requests[1].get('open')).toBe('true');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(await screen.findByText('Checkout is slow')).toBeInTheDocument();
    expect(requests[requests.length - 1].get('cursor')).toBeNull();
  });

  it('shows server errors', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'not allowed to read incidents',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await render();
    expect(
      (await screen.findAllByText(/not allowed to read incidents/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('EntityIncidentsContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("lists the entity's open incidents by its canonical ref", async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [makeIncident()] });
      }),
    );
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [itsmApiRef, makeClient()],
          [permissionApiRef, mockPermissions()],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityIncidentsContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(
      await screen.findByText('Payments API returns 500'),
    ).toBeInTheDocument();
    expect(requests).toHaveLength(1);
    expect(requests[0].get('entityRef')).toBe('component:default/payments');
    expect(requests[0].get('open')).toBe('true');
    expect(
      await screen.findByRole('button', { name: /Report incident/ }),
    ).toBeInTheDocument();
  });

  it('reports an incident on the entity and reloads the list', async () => {
    let listCalls = 0;
    let posted: any;
    server.use(
      // The report dialog shows the CI's known errors: none here.
      http.get(`${BASE_URL}/known-errors`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get(`${BASE_URL}/incidents`, () => {
        listCalls++;
        return HttpResponse.json({
          items:
            listCalls > 1
              ? [
                  makeIncident({
                    id: 'new',
                    number: 'INC-000009',
                    title: 'Fresh one',
                  }),
                ]
              : [],
        });
      }),
      http.post(`${BASE_URL}/incidents`, async ({ request }) => {
        posted = await request.json();
        return HttpResponse.json(
          makeIncident({ id: 'new', number: 'INC-000009' }),
          { status: 201 },
        );
      }),
    );
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [itsmApiRef, makeClient()],
          [permissionApiRef, mockPermissions()],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityIncidentsContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(await screen.findByText('No open incidents.')).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: /Report incident/ }),
    );
    await userEvent.type(screen.getByLabelText(/Title/), 'Fresh one');
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(await screen.findByText('Fresh one')).toBeInTheDocument();
    expect(posted.entityRef).toBe('component:default/payments');
  });
});
