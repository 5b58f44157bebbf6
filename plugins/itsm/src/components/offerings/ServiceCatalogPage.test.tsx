import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { renderRoute } from '../../__testUtils__/render';
import {
  accessOffering,
  BASE_URL,
  environmentOffering,
  makeRequest,
  postgresOffering,
} from '../../__testUtils__/fixtures';
import { ServiceCatalogPage } from './ServiceCatalogPage';

const entities = [postgresOffering, accessOffering, environmentOffering];

describe('ServiceCatalogPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const render = (entry: string) =>
    renderRoute(
      '/*',
      <Routes>
        <Route path="/service-catalog/*" element={<ServiceCatalogPage />} />
        <Route
          path="/itsm/requests/:id"
          element={<h1>Request page of the test</h1>}
        />
      </Routes>,
      entry,
      { entities },
    );

  it('groups the offerings by type and filters them by the search box', async () => {
    await render('/service-catalog');
    const groups = await screen.findAllByRole('heading', { level: 2 });
    expect(groups.map(h => h.textContent)).toEqual([
      'Access',
      'Database',
      'Environment',
    ]);
    const database = screen.getByRole('region', { name: 'Database' });
    const card = within(database).getByRole('article', {
      name: 'New PostgreSQL database',
    });
    expect(
      within(card).getByText('A database on the shared PostgreSQL cluster.'),
    ).toBeInTheDocument();
    expect(within(card).getByText('2 days')).toBeInTheDocument();
    expect(within(card).getByText('The owner group')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'dba' })).toBeInTheDocument();
    expect(
      await within(card).findByRole('link', {
        name: 'Order New PostgreSQL database',
      }),
    ).toHaveAttribute('href', '/service-catalog/default/new-postgres-database');
    // A list of approver groups reads in order.
    const access = screen.getByRole('article', { name: 'Access to a system' });
    expect(access).toHaveTextContent('team-identity, then security');
    expect(access).toHaveTextContent('8 hours');

    const search = screen.getByRole('searchbox', { name: 'Search offerings' });
    await userEvent.type(search, 'platform');
    expect(
      screen.getByRole('article', { name: 'New environment' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('article', { name: 'New PostgreSQL database' }),
    ).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);

    await userEvent.clear(search);
    await userEvent.type(search, 'limited time');
    expect(
      screen.getByRole('article', { name: 'Access to a system' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /^Order / })).toHaveLength(1);

    await userEvent.clear(search);
    await userEvent.type(search, 'kubernetes');
    expect(screen.getByRole('status')).toHaveTextContent(
      'No offering matches “kubernetes”.',
    );
  });

  it('renders the form from the schema, blocks invalid input and posts valid parameters', async () => {
    const posted: unknown[] = [];
    server.use(
      http.post(`${BASE_URL}/requests`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(makeRequest({ number: 'REQ-000042' }), {
          status: 201,
        });
      }),
    );
    await render('/service-catalog');
    await userEvent.click(
      await screen.findByRole('link', {
        name: 'Order New PostgreSQL database',
      }),
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'New PostgreSQL database',
      }),
    ).toBeInTheDocument();

    // One field of each type, labelled by its schema title, with the schema's defaults.
    // The form shows once the permission to order is known.
    const name = await screen.findByRole('textbox', { name: 'Database name' });
    const size = screen.getByRole('combobox', { name: 'Size' });
    expect(size).toHaveDisplayValue('small');
    expect(
      screen.getByRole('checkbox', { name: 'Nightly backups' }),
    ).toBeChecked();
    expect(
      screen.getByRole('spinbutton', { name: /^Backup retention \(days\)/ }),
    ).toHaveValue(7);
    // `ui:widget` written in the schema makes a text area.
    expect(
      screen.getByRole('textbox', { name: /^Notes for the DBA/ }).tagName,
    ).toBe('TEXTAREA');

    // Required: nothing is sent.
    await userEvent.click(
      screen.getByRole('button', { name: 'Submit request' }),
    );
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toHaveLength(0);

    // A pattern is checked as the user types once a submit was tried.
    await userEvent.type(name, 'Orders DB');
    expect(
      await screen.findByText('Not in the expected format'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Submit request' }),
    );
    expect(posted).toHaveLength(0);

    await userEvent.clear(name);
    await userEvent.type(name, 'orders_db');
    await waitFor(() =>
      expect(
        screen.queryByText('Not in the expected format'),
      ).not.toBeInTheDocument(),
    );
    await userEvent.selectOptions(size, 'large');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Nightly backups' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Title' }),
      'Orders database',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Submit request' }),
    );
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      offeringRef: 'serviceoffering:default/new-postgres-database',
      parameters: {
        name: 'orders_db',
        size: 'large',
        backups: false,
        retentionDays: 7,
      },
      title: 'Orders database',
    });
    expect(
      await screen.findByRole('heading', { name: 'Request page of the test' }),
    ).toBeInTheDocument();
  });

  it("shows the server's 400 message, beside the field it names", async () => {
    server.use(
      http.post(`${BASE_URL}/requests`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'parameters.system must be one of: payments, storefront',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await render('/service-catalog/default/system-access');
    const system = await screen.findByRole('combobox', { name: /^System/ });
    // Required fields without a default start empty.
    expect(system).toHaveDisplayValue('Choose…');
    await userEvent.selectOptions(system, 'payments');
    await userEvent.type(
      screen.getByRole('textbox', { name: /^Why do you need it\?/ }),
      'too short',
    );
    // The date field is a date input, labelled.
    const until = screen.getByLabelText(/^Until/);
    expect(until).toHaveAttribute('type', 'date');
    await userEvent.type(until, '2030-01-31');
    await userEvent.click(
      screen.getByRole('button', { name: 'Submit request' }),
    );
    expect(
      await screen.findByText('At least 20 characters'),
    ).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: /^Why do you need it\?/ }),
      ' to investigate an incident',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Submit request' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'parameters.system must be one of: payments, storefront (400)',
    );
    expect(
      screen.getByText('must be one of: payments, storefront'),
    ).toBeInTheDocument();
    expect(system).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers a multiple choice as checkboxes and says when the offering is missing', async () => {
    const posted: any[] = [];
    server.use(
      http.post(`${BASE_URL}/requests`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(makeRequest(), { status: 201 });
      }),
    );
    await render('/service-catalog/default/new-environment');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Submit request' }),
    );
    expect(await screen.findByText('Choose at least 1')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'checkout-web' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Submit request' }),
    );
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].parameters).toEqual({ services: ['checkout-web'] });
  });

  it('says when there is no such offering', async () => {
    await render('/service-catalog/default/nothing-here');
    expect(
      await screen.findByText(
        'The catalog has no service offering default/nothing-here.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to the service catalog' }),
    ).toHaveAttribute('href', '/service-catalog');
  });
});
