import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  ApprovalStep,
  ServiceRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { renderRoute } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeApprovalStep,
  makeQueueItem,
  makeRequest,
  postgresOffering,
  REQUEST_ID,
} from '../../__testUtils__/fixtures';
import { RequestPage } from './RequestPage';

const MOVES = [
  'Start fulfilment',
  'Fulfil',
  'Reject request',
  'Cancel request',
];

describe('RequestPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let request: ServiceRequest;
  let steps: ApprovalStep[];
  let decidable: ApprovalStep[];
  let transitions: any[];
  let decisions: any[];

  beforeEach(() => {
    request = makeRequest();
    steps = [];
    decidable = [];
    transitions = [];
    decisions = [];
    server.use(
      http.get(`${BASE_URL}/requests/REQ-000005`, () =>
        HttpResponse.json(request),
      ),
      http.get(`${BASE_URL}/requests/REQ-000005/timeline`, () =>
        HttpResponse.json({
          items: [
            {
              id: 't1',
              recordId: REQUEST_ID,
              seq: 1,
              type: 'created',
              actor: 'user:default/bob',
              at: '2025-11-20T09:00:00.000Z',
            },
          ],
        }),
      ),
      http.get(`${BASE_URL}/requests/REQ-000005/approvals`, () =>
        HttpResponse.json({ items: steps }),
      ),
      http.get(`${BASE_URL}/approvals/pending`, () =>
        HttpResponse.json({
          items: decidable.map(step => makeQueueItem(request, step)),
        }),
      ),
      http.post(
        `${BASE_URL}/requests/${REQUEST_ID}/transitions`,
        async ({ request: req }) => {
          const body = (await req.json()) as any;
          transitions.push(body);
          request = {
            ...request,
            state: body.to,
            resolutionNote: body.note ?? null,
            version: request.version + 1,
          };
          return HttpResponse.json(request);
        },
      ),
      http.post(
        `${BASE_URL}/requests/${REQUEST_ID}/approvals`,
        async ({ request: req }) => {
          const body = (await req.json()) as any;
          decisions.push(body);
          steps = steps.map(s =>
            s.id === body.stepId ? { ...s, state: body.decision } : s,
          );
          decidable = [];
          request = { ...request, state: 'approved' };
          return HttpResponse.json(request);
        },
      ),
    );
  });

  const render = (user: string, groups: string[] = []) =>
    renderRoute(
      '/itsm/requests/:id',
      <RequestPage />,
      '/itsm/requests/REQ-000005',
      {
        entities: [postgresOffering],
        user,
        groups,
      },
    );

  const moveButtons = () =>
    screen
      .queryAllByRole('button')
      .map(button => button.textContent)
      .filter(text => MOVES.includes(text ?? ''));

  it('shows what was ordered, labelled by the offering form, and its due time', async () => {
    request = makeRequest({
      dueAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    await render('user:default/bob');
    expect(
      await screen.findByRole('heading', { name: 'New PostgreSQL database' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('state-chip-approved')).toHaveTextContent(
      'Approved',
    );
    expect(
      screen.getByRole('link', { name: 'New PostgreSQL database' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/serviceoffering/new-postgres-database',
    );
    expect(screen.getByRole('link', { name: 'dba' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'postgres-cluster' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Due (within 2 days)')).toBeInTheDocument();
    // Past due while open.
    expect(screen.getAllByTestId('request-overdue').length).toBeGreaterThan(0);
    // Titles from the offering's schema; keys where the schema has none.
    expect(await screen.findByText('Database name')).toBeInTheDocument();
    expect(screen.getByText('orders_db')).toBeInTheDocument();
    expect(screen.getByText('Nightly backups')).toBeInTheDocument();
    expect(screen.getByText('Yes')).toBeInTheDocument();
    expect(screen.getByText('Owning team')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The offering needs no approval: the request was approved when submitted.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('submitted the request')).toBeInTheDocument();
  });

  it('offers the requester only to cancel', async () => {
    await render('user:default/bob');
    expect(
      await screen.findByRole('button', { name: 'Cancel request' }),
    ).toBeInTheDocument();
    expect(moveButtons()).toEqual(['Cancel request']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Cancel request' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Cancel request: REQ-000005',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel request' }),
    );
    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({ version: 3, to: 'canceled' });
    expect(await screen.findByTestId('state-chip-canceled')).toHaveTextContent(
      'Canceled',
    );
    expect(moveButtons()).toEqual([]);
  });

  it('lets the owner group start and fulfil it, with a required note', async () => {
    await render('user:default/dana', ['group:default/dba']);
    expect(
      await screen.findByRole('button', { name: 'Start fulfilment' }),
    ).toBeInTheDocument();
    expect(moveButtons()).toEqual(['Start fulfilment', 'Reject request']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Start fulfilment' }),
    );
    const start = await screen.findByRole('dialog');
    await userEvent.click(
      within(start).getByRole('button', { name: 'Start fulfilment' }),
    );
    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({ version: 3, to: 'in_fulfillment' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Fulfil' }),
    );
    const fulfil = await screen.findByRole('dialog', {
      name: 'Fulfil: REQ-000005',
    });
    await userEvent.click(
      within(fulfil).getByRole('button', { name: 'Fulfil' }),
    );
    expect(
      within(fulfil).getByText(
        'Required: what was done, as the requester will read it',
      ),
    ).toBeInTheDocument();
    expect(
      within(fulfil).getByRole('textbox', { name: 'Note' }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(transitions).toHaveLength(1);

    await userEvent.type(
      within(fulfil).getByRole('textbox', { name: 'Note' }),
      'Created on cluster 2; credentials in the vault',
    );
    await userEvent.click(
      within(fulfil).getByRole('button', { name: 'Fulfil' }),
    );
    await waitFor(() => expect(transitions).toHaveLength(2));
    expect(transitions[1]).toEqual({
      version: 4,
      to: 'fulfilled',
      note: 'Created on cluster 2; credentials in the vault',
    });
    expect(await screen.findByTestId('state-chip-fulfilled')).toHaveTextContent(
      'Fulfilled',
    );
    expect(
      screen.getByText('Created on cluster 2; credentials in the vault'),
    ).toBeInTheDocument();
    expect(moveButtons()).toEqual([]);
  });

  it('rejects with a reason, and shows the server refusing a move', async () => {
    server.use(
      http.post(`${BASE_URL}/requests/${REQUEST_ID}/transitions`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'version is stale',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await render('user:default/dana', ['group:default/dba']);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject request' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reject request: REQ-000005',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject request' }),
    );
    expect(
      within(dialog).getByText('Required: why the request cannot be fulfilled'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Note' }),
      'No capacity left',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject request' }),
    );
    expect(
      await within(dialog).findByText('version is stale (409)'),
    ).toBeInTheDocument();
  });

  it('shows its approvals and decides a step of the owner group', async () => {
    request = makeRequest({ state: 'awaiting_approval' });
    steps = [
      makeApprovalStep({
        recordId: REQUEST_ID,
        stageName: 'Owner approval',
        eligibleGroups: ['group:default/dba'],
        reason: 'owner of serviceoffering:default/new-postgres-database',
      }),
    ];
    decidable = steps;
    await render('user:default/dana', ['group:default/dba']);
    expect(await screen.findByText(/Waiting for approval/)).toBeInTheDocument();
    // Nothing to move while approval is pending, for the owner group.
    expect(moveButtons()).toEqual([]);
    const row = await screen.findByTestId('approval-step-step-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(decisions[0]).toEqual({ stepId: 'step-1', decision: 'approved' });
    expect(
      await screen.findByRole('button', { name: 'Start fulfilment' }),
    ).toBeInTheDocument();
  });
});
