import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { itsmApiRef } from '../../api';
import { mountedRoutes } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeClient,
  makeIncident,
  makeKnownError,
} from '../../__testUtils__/fixtures';
import { ReportIncidentDialog } from './ReportIncidentDialog';

describe('ReportIncidentDialog', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let posted: unknown[];
  let knownErrorQueries: URLSearchParams[];

  beforeEach(() => {
    posted = [];
    knownErrorQueries = [];
    server.use(
      // No known error unless a test says otherwise.
      http.get(`${BASE_URL}/known-errors`, ({ request }) => {
        knownErrorQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [] });
      }),
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
      { mountedRoutes },
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

  describe('known errors of the chosen CI', () => {
    const onPayments = makeKnownError({
      id: 'ke-12',
      number: 'PRB-000012',
      title: 'Connection pool exhaustion under load',
      entityRef: 'component:default/payments',
      matchedEntityRef: 'component:default/payments',
      workaround: 'Restart the payments pods',
    });
    // Found through the database payments depends on.
    const onDatabase = makeKnownError();

    beforeEach(() => {
      server.use(
        http.get(`${BASE_URL}/known-errors`, ({ request }) => {
          const query = new URL(request.url).searchParams;
          knownErrorQueries.push(query);
          return HttpResponse.json({
            items:
              query.get('entityRef') === 'component:default/payments'
                ? [onPayments, onDatabase]
                : [],
          });
        }),
      );
    });

    it('shows the known errors of the CI and what it depends on, with their workarounds', async () => {
      await render('component:default/payments');
      const own = await screen.findByTestId('known-error-PRB-000012');
      expect(
        within(own).getByRole('link', { name: 'PRB-000012' }),
      ).toHaveAttribute('href', '/itsm/problems/PRB-000012');
      expect(own).toHaveTextContent('Connection pool exhaustion under load');
      expect(own).toHaveTextContent('Workaround: Restart the payments pods');
      const dependency = screen.getByTestId('known-error-PRB-000007');
      expect(dependency).toHaveTextContent(
        'Workaround: Restart the payments pods after a failover',
      );
      expect(dependency).toHaveTextContent(
        'on resource:payments-db, which component:payments depends on',
      );
      expect(knownErrorQueries[0].get('entityRef')).toBe(
        'component:default/payments',
      );
    });

    it('attaches the incident to the chosen problem instead of reporting it unlinked', async () => {
      const { onCreated } = await render('component:default/payments');
      const dependency = await screen.findByTestId('known-error-PRB-000007');
      const attach = within(dependency).getByTestId(
        'attach-to-problem-PRB-000007',
      );
      // The form is checked first, as for the normal submit.
      await userEvent.click(attach);
      expect(
        await screen.findByText('A title is required'),
      ).toBeInTheDocument();
      expect(posted).toEqual([]);

      await userEvent.type(screen.getByLabelText(/Title/), 'Stale balances');
      await userEvent.click(attach);
      await waitFor(() => expect(onCreated).toHaveBeenCalled());
      expect(posted).toEqual([
        {
          title: 'Stale balances',
          entityRef: 'component:default/payments',
          impact: 2,
          urgency: 2,
          problem: 'PRB-000007',
        },
      ]);
    });

    it('still reports an incident unlinked with the normal submit', async () => {
      const { onCreated } = await render('component:default/payments');
      await screen.findByTestId('known-error-PRB-000012');
      await userEvent.type(screen.getByLabelText(/Title/), 'Something else');
      await userEvent.click(screen.getByRole('button', { name: 'Report' }));
      await waitFor(() => expect(onCreated).toHaveBeenCalled());
      expect(posted).toEqual([
        {
          title: 'Something else',
          entityRef: 'component:default/payments',
          impact: 2,
          urgency: 2,
        },
      ]);
    });

    it('asks for the known errors of a typed CI once it is an entity ref', async () => {
      await render();
      expect(screen.queryByTestId('known-errors')).toBeNull();
      await userEvent.type(
        screen.getByLabelText(/Configuration item/),
        'Component:Payments',
      );
      expect(
        await screen.findByTestId('known-error-PRB-000012'),
      ).toBeInTheDocument();
      expect(knownErrorQueries.map(query => query.get('entityRef'))).toContain(
        'component:default/payments',
      );
      // Another CI without known errors: the list goes.
      await userEvent.clear(screen.getByLabelText(/Configuration item/));
      await userEvent.type(
        screen.getByLabelText(/Configuration item/),
        'component:default/search',
      );
      await waitFor(() =>
        expect(screen.queryByTestId('known-errors')).toBeNull(),
      );
    });
  });
});
