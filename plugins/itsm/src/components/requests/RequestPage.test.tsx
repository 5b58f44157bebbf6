import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  ApprovalStep,
  RecordSla,
  ServiceRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  PermissionDecider,
  permissionsDecided,
  renderRoute,
} from '../../__testUtils__/render';
import {
  BASE_URL,
  makeApprovalStep,
  makeQueueItem,
  fromNow,
  makeRequest,
  makeSlaTimer,
  NO_SLA,
  postgresOffering,
  REQUEST_ID,
} from '../../__testUtils__/fixtures';
import { RequestPage } from './RequestPage';

/** A request whose moves the permission policy refuses to whoever asks. */
const LOCKED_ID = '9a8b7c6d-1e2f-4a5b-8c7d-0e1f2a3b0006';

/**
 * Everything is allowed on the fixture's request (the domain rules then decide who
 * moves it); nothing on the locked one. By record only: every test of the file
 * signs in as someone else, and decisions are cached by record (see mockPermissions).
 */
const permissions: PermissionDecider = ({ resourceRef }) =>
  resourceRef !== LOCKED_ID;

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
  let recordSla: RecordSla;

  beforeEach(() => {
    request = makeRequest();
    steps = [];
    decidable = [];
    transitions = [];
    decisions = [];
    recordSla = NO_SLA;
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
      http.get(`${BASE_URL}/requests/REQ-000005/sla`, () =>
        HttpResponse.json(recordSla),
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

  /** Renders the page as `user` and waits until it knows what they may do. */
  const render = async (user: string, groups: string[] = []) => {
    const rendered = await renderRoute(
      '/itsm/requests/:id',
      <RequestPage />,
      '/itsm/requests/REQ-000005',
      {
        entities: [postgresOffering],
        user,
        groups,
        permissions,
      },
    );
    await permissionsDecided();
    return rendered;
  };

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

  /** A policy on the office calendar with the request's resolution timer. */
  const officeSla = (timer: Partial<Parameters<typeof makeSlaTimer>[0]>) => ({
    policy: {
      name: 'Service requests, office hours',
      calendar: 'eu-office',
      targets: { resolution: 'P2D' },
      warningThresholds: [0.5, 0.75],
      pauseStates: [],
    },
    timers: [makeSlaTimer({ target: 48 * 3600_000, ...timer })],
    evaluatedAt: new Date().toISOString(),
  });

  it('takes its due time from the resolution timer, which counts on the calendar', async () => {
    // Stored when submitted: long past. The office calendar puts it days later.
    const dueAt = fromNow(3 * 86_400_000);
    request = makeRequest({ dueAt: fromNow(-3600_000) });
    recordSla = officeSla({
      elapsed: 10 * 3600_000,
      status: 'running',
      dueAt,
    });
    await render('user:default/bob');
    expect(
      await screen.findByText('Due (within 2 days, eu-office calendar)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(new Date(dueAt).toLocaleString()),
    ).toBeInTheDocument();
    expect(screen.getByText('in 3 days')).toBeInTheDocument();
    // Not overdue: the timer runs.
    expect(screen.queryByTestId('request-overdue')).toBeNull();
    const sla = screen.getByRole('region', { name: 'SLA' });
    expect(
      within(sla).getByRole('progressbar', { name: 'Resolution' }),
    ).toHaveAttribute('aria-valuenow', '21');
    expect(
      within(sla).getByText('Service requests, office hours'),
    ).toBeInTheDocument();
  });

  it('is overdue when its timer breached, and shows a paused clock as paused', async () => {
    request = makeRequest({ dueAt: fromNow(86_400_000) });
    recordSla = officeSla({
      elapsed: 50 * 3600_000,
      status: 'breached',
      dueAt: fromNow(-2 * 3600_000),
    });
    const { unmount } = await render('user:default/bob');
    expect(
      (await screen.findAllByTestId('request-overdue')).length,
    ).toBeGreaterThan(0);
    expect(
      within(screen.getByRole('region', { name: 'SLA' })).getByText(
        '50h of 48h · breached 2h ago',
      ),
    ).toBeInTheDocument();
    unmount();

    recordSla = officeSla({
      elapsed: 40 * 3600_000,
      status: 'paused',
      dueAt: null,
    });
    await render('user:default/bob');
    expect(
      await screen.findByText('8h left when it resumes'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('request-overdue')).toBeNull();
  });

  it('offers no move without the update permission, whatever the domain rules allow', async () => {
    request = makeRequest({ id: LOCKED_ID });
    // A member of the owner group, who would start, fulfil or reject it.
    await render('user:default/dana', ['group:default/dba']);
    expect(
      screen.getByText(
        'You may read this request but not add to its timeline.',
      ),
    ).toBeInTheDocument();
    expect(moveButtons()).toEqual([]);
  });

  it('says so when the request does not exist or may not be read', async () => {
    const notFound = () =>
      HttpResponse.json(
        { error: { name: 'NotFoundError', message: 'not found' } },
        { status: 404 },
      );
    for (const path of ['', '/timeline', '/sla', '/approvals']) {
      server.use(http.get(`${BASE_URL}/requests/REQ-000123${path}`, notFound));
    }
    await renderRoute(
      '/itsm/requests/:id',
      <RequestPage />,
      '/itsm/requests/REQ-000123',
      { permissions },
    );
    expect(
      await screen.findByText(
        'No service request REQ-000123, or you may not see it',
      ),
    ).toBeInTheDocument();
  });
});
