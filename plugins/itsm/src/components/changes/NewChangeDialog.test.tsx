import { screen, waitFor, within } from '@testing-library/react';
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
import { BASE_URL, makeChange, makeClient } from '../../__testUtils__/fixtures';
import { NewChangeDialog } from './NewChangeDialog';

describe('NewChangeDialog', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let posted: any[];

  beforeEach(() => {
    posted = [];
    server.use(
      http.post(`${BASE_URL}/changes`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(makeChange({ number: 'CHG-000042' }), {
          status: 201,
        });
      }),
    );
  });

  const render = async (entityRef?: string) => {
    const onCreated = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <NewChangeDialog
          open
          entityRef={entityRef}
          onCreated={onCreated}
          onClose={jest.fn()}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    return {
      onCreated,
      dialog: screen.getByRole('dialog', { name: 'Request change' }),
    };
  };

  it('has the labelled fields and checks them before sending', async () => {
    const { dialog } = await render();
    for (const label of [
      'Title',
      'Description',
      'Type',
      'Risk',
      'Planned start',
      'Planned end',
      'Implementation plan',
      'Backout plan',
      'Test plan',
    ]) {
      expect(
        within(dialog).getByLabelText(new RegExp(`^${label}`)),
      ).toBeInTheDocument();
    }
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(
      await within(dialog).findByText('A title is required'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('The affected catalog entity is required'),
    ).toBeInTheDocument();

    await userEvent.type(
      within(dialog).getByLabelText(/Configuration item/),
      'component:default/payments',
    );
    await userEvent.type(within(dialog).getByLabelText(/^Title/), 'Rotate');
    await userEvent.type(
      within(dialog).getByLabelText(/^Affected CIs/),
      'component:default/ledger, not a ref',
    );
    // The end before the start.
    await userEvent.type(
      within(dialog).getByLabelText(/^Planned start/),
      '2025-11-24T22:00',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Planned end/),
      '2025-11-24T21:00',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(
      await within(dialog).findByText(
        'The planned end must be after the start',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Not entity refs: not, a, ref'),
    ).toBeInTheDocument();
    expect(posted).toEqual([]);

    // Only one end of the window.
    await userEvent.clear(within(dialog).getByLabelText(/^Planned end/));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(
      await within(dialog).findByText('Set the end too, or neither'),
    ).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it('tells what authorisation will need, and posts the change with the window in ISO', async () => {
    const { dialog, onCreated } = await render('component:default/payments');
    expect(within(dialog).getByText(/Configuration item:/)).toBeInTheDocument();
    expect(
      within(dialog).queryByLabelText(/Configuration item \(entity ref\)/),
    ).toBeNull();
    expect(
      within(dialog).getByTestId('missing-for-approval'),
    ).toHaveTextContent(/Implementation plan is required before authorisation/);

    await userEvent.type(
      within(dialog).getByLabelText(/^Title/),
      ' Rotate payments DB credentials ',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/^Type/),
      'Emergency',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/^Risk/),
      'High',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Planned start/),
      '2025-11-24T22:00',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Planned end/),
      '2025-11-24T23:00',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Implementation plan/),
      'Rotate in vault',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Backout plan/),
      'Restore',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Test plan/),
      'Smoke test',
    );
    expect(within(dialog).queryByTestId('missing-for-approval')).toBeNull();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(onCreated.mock.calls[0][0].number).toBe('CHG-000042');
    expect(posted).toEqual([
      {
        title: 'Rotate payments DB credentials',
        entityRef: 'component:default/payments',
        type: 'emergency',
        risk: 'high',
        // Local wall time of the inputs, sent as an instant.
        plannedStart: new Date(2025, 10, 24, 22, 0).toISOString(),
        plannedEnd: new Date(2025, 10, 24, 23, 0).toISOString(),
        implementationPlan: 'Rotate in vault',
        backoutPlan: 'Restore',
        testPlan: 'Smoke test',
      },
    ]);
  });

  it('shows the server refusing the change', async () => {
    server.use(
      http.post(`${BASE_URL}/changes`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'you may not raise changes',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const { dialog, onCreated } = await render('component:default/payments');
    await userEvent.type(within(dialog).getByLabelText(/^Title/), 'Rotate');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    expect(
      await within(dialog).findByText('you may not raise changes (403)'),
    ).toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();
  });
});
