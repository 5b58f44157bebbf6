import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { itsmApiRef } from '../../api';
import {
  BASE_URL,
  makeClient,
  makeIncident,
} from '../../__testUtils__/fixtures';
import { ReportIncidentDialog } from './ReportIncidentDialog';

describe('ReportIncidentDialog', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let posted: unknown[];

  beforeEach(() => {
    posted = [];
    server.use(
      http.post(`${BASE_URL}/incidents`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(makeIncident({ number: 'INC-000042' }), {
          status: 201,
        });
      }),
    );
  });

  const render = (entityRef?: string) => {
    const onCreated = jest.fn();
    const onClose = jest.fn();
    return renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <ReportIncidentDialog
          open
          entityRef={entityRef}
          onCreated={onCreated}
          onClose={onClose}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    ).then(() => ({ onCreated, onClose }));
  };

  it('validates before sending', async () => {
    await render();
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(await screen.findByText('A title is required')).toBeInTheDocument();
    expect(
      screen.getByText('The affected catalog entity is required'),
    ).toBeInTheDocument();

    await userEvent.type(
      screen.getByLabelText(/Configuration item/),
      'payments',
    );
    await userEvent.type(screen.getByLabelText(/Title/), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(
      await screen.findByText(
        /Use an entity ref such as component:default\/payments/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('A title is required')).toBeInTheDocument();

    // Too long: 201 characters (pasted, typing them one by one is slow).
    await userEvent.clear(screen.getByLabelText(/Title/));
    await userEvent.click(screen.getByLabelText(/Title/));
    await userEvent.paste('x'.repeat(201));
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(
      await screen.findByText('At most 200 characters (now 201)'),
    ).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it('shows the priority computed from impact and urgency', async () => {
    await render('component:default/payments');
    const priority = () => screen.getByTestId('computed-priority');
    expect(priority()).toHaveTextContent('P3');
    await userEvent.selectOptions(screen.getByLabelText('Impact'), 'High');
    expect(priority()).toHaveTextContent('P2');
    await userEvent.selectOptions(screen.getByLabelText('Urgency'), 'High');
    expect(priority()).toHaveTextContent('P1');
    await userEvent.selectOptions(screen.getByLabelText('Impact'), 'Low');
    await userEvent.selectOptions(screen.getByLabelText('Urgency'), 'Low');
    expect(priority()).toHaveTextContent('P5');
  });

  it('posts the incident on the given entity', async () => {
    const { onCreated } = await render('component:default/payments');
    expect(
      screen.queryByLabelText(/Configuration item/),
    ).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Title/), '  Checkout fails ');
    await userEvent.type(screen.getByLabelText(/Description/), 'since 10:00');
    await userEvent.selectOptions(screen.getByLabelText('Impact'), 'High');
    await userEvent.selectOptions(screen.getByLabelText('Urgency'), 'Low');
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(posted).toEqual([
      {
        title: 'Checkout fails',
        description: 'since 10:00',
        entityRef: 'component:default/payments',
        impact: 1,
        urgency: 3,
      },
    ]);
    expect(onCreated.mock.calls[0][0].number).toBe('INC-000042');
  });

  it('normalizes a typed entity ref and shows server errors', async () => {
    server.use(
      http.post(`${BASE_URL}/incidents`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'entityRef component:default/nope is not in the catalog',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        );
      }),
    );
    const { onCreated } = await render();
    await userEvent.type(
      screen.getByLabelText(/Configuration item/),
      'Component:Nope',
    );
    await userEvent.type(screen.getByLabelText(/Title/), 'Down');
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(
      await screen.findByText(
        'entityRef component:default/nope is not in the catalog (400)',
      ),
    ).toBeInTheDocument();
    expect(posted).toEqual([
      {
        title: 'Down',
        entityRef: 'component:default/nope',
        impact: 2,
        urgency: 2,
      },
    ]);
    expect(onCreated).not.toHaveBeenCalled();
  });
});
