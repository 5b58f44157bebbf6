import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import {
  PermissionDecider,
  permissionsDecided,
  renderRoute,
} from '../../__testUtils__/render';
import {
  BASE_URL,
  makeChange,
  makeProblem,
  makeTimeline,
  NO_SLA,
  PROBLEM_ID,
  impactHandler,
} from '../../__testUtils__/fixtures';
import { ProblemPage } from './ProblemPage';

/** A problem of another team: alice may read it, nothing more. */
const OTHERS_ID = '7c3e9b1a-4d2f-4e8a-b6c5-1f2e3d4c0099';

const alicePermissions: PermissionDecider = request =>
  request.resourceRef !== OTHERS_ID;

const linkedIncident = (number: string, title: string) => ({
  id: `id-${number}`,
  number,
  title,
  state: 'on_hold',
  priority: 'P2',
});

describe('ProblemPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let problem: Problem;
  let incidents: ReturnType<typeof linkedIncident>[];
  let patches: any[];
  let transitions: any[];
  let links: any[];
  let unlinks: string[];
  let changesPosted: any[];

  beforeEach(() => {
    problem = makeProblem();
    incidents = [
      linkedIncident('INC-000009', 'Checkout fails at peak'),
      linkedIncident('INC-000008', 'Refunds time out'),
    ];
    patches = [];
    transitions = [];
    links = [];
    unlinks = [];
    changesPosted = [];
    server.use(
      impactHandler,
      http.get(`${BASE_URL}/problems/PRB-000012`, () =>
        HttpResponse.json(problem),
      ),
      http.get(`${BASE_URL}/problems/PRB-000012/timeline`, () =>
        HttpResponse.json({ items: makeTimeline(problem.id) }),
      ),
      http.get(`${BASE_URL}/problems/PRB-000012/sla`, () =>
        HttpResponse.json(NO_SLA),
      ),
      http.get(`${BASE_URL}/problems/PRB-000012/incidents`, () =>
        HttpResponse.json({ items: incidents }),
      ),
      http.get(`${BASE_URL}/problems/PRB-000012/changes`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'c1',
              number: 'CHG-000003',
              title: 'Fix: resize the pool',
              state: 'closed',
              closeCode: 'successful',
            },
          ],
        }),
      ),
      http.patch(`${BASE_URL}/problems/${PROBLEM_ID}`, async ({ request }) => {
        const body = (await request.json()) as any;
        patches.push(body);
        problem = { ...problem, ...body, version: problem.version + 1 };
        return HttpResponse.json(problem);
      }),
      http.post(
        `${BASE_URL}/problems/${PROBLEM_ID}/transitions`,
        async ({ request }) => {
          const body = (await request.json()) as any;
          transitions.push(body);
          problem = {
            ...problem,
            state: body.to,
            version: problem.version + 1,
          };
          return HttpResponse.json(problem);
        },
      ),
      http.post(
        `${BASE_URL}/problems/${PROBLEM_ID}/incidents`,
        async ({ request }) => {
          const body = (await request.json()) as any;
          links.push(body);
          if (body.incident === 'INC-000011') {
            return HttpResponse.json(
              {
                error: {
                  name: 'ConflictError',
                  message:
                    'INC-000011 is already linked to PRB-000003; unlink it there first',
                },
                response: { statusCode: 409 },
              },
              { status: 409 },
            );
          }
          incidents = [
            linkedIncident(body.incident, 'Another one'),
            ...incidents,
          ];
          return HttpResponse.json(problem);
        },
      ),
      http.delete(
        `${BASE_URL}/problems/${PROBLEM_ID}/incidents/:incident`,
        ({ params }) => {
          unlinks.push(String(params.incident));
          incidents = incidents.filter(i => i.number !== params.incident);
          return HttpResponse.json(problem);
        },
      ),
      http.post(`${BASE_URL}/changes`, async ({ request }) => {
        changesPosted.push(await request.json());
        return HttpResponse.json(makeChange({ number: 'CHG-000004' }), {
          status: 201,
        });
      }),
    );
  });

  const render = async () => {
    const rendered = await renderRoute(
      '/itsm/problems/:id',
      <ProblemPage />,
      '/itsm/problems/PRB-000012',
      { permissions: alicePermissions },
    );
    await permissionsDecided();
    return rendered;
  };

  const moveButtons = () =>
    screen
      .queryAllByRole('button')
      .filter(b => b.getAttribute('data-testid')?.startsWith('move-'))
      .map(b => b.textContent);

  it('shows the problem, its analysis, linked incidents, fix changes and moves', async () => {
    await render();
    expect(
      await screen.findByRole('heading', {
        name: 'Connection pool exhaustion under load',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('state-chip-root_cause_analysis'),
    ).toHaveTextContent('Root cause analysis');
    expect(moveButtons()).toEqual(['Start fix', 'Resolve', 'Cancel problem']);

    const analysis = screen.getByRole('region', { name: 'Analysis' });
    expect(
      within(analysis).getByText('Checkout returns 500 at peak'),
    ).toBeInTheDocument();
    expect(
      within(analysis).getByText('The pool is sized for 20 connections'),
    ).toBeInTheDocument();
    expect(within(analysis).getByText('Not written yet')).toBeInTheDocument();
    expect(screen.queryByTestId('known-error-chip')).toBeNull();

    const linked = screen.getByRole('region', { name: 'Linked incidents' });
    expect(
      await within(linked).findByRole('link', { name: 'INC-000009' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000009');
    expect(within(linked).getByText(/Refunds time out/)).toBeInTheDocument();

    const fixes = screen.getByRole('region', { name: 'Fix changes' });
    expect(
      await within(fixes).findByRole('link', { name: 'CHG-000003' }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-000003');
    expect(within(fixes).getByText('Closed: Successful')).toBeInTheDocument();
  });

  it('resolves with a code other than canceled and notes', async () => {
    await render();
    await userEvent.click(await screen.findByTestId('move-resolved'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Resolve: PRB-000012',
    });
    const code = within(dialog).getByLabelText(/Resolution code/);
    expect(
      within(code)
        .getAllByRole('option')
        .map(o => o.getAttribute('value')),
    ).toEqual(['', 'fixed', 'risk_accepted', 'duplicate']);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    expect(
      await within(dialog).findByText('Choose how the problem was resolved'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Describe how the problem was resolved'),
    ).toBeInTheDocument();
    expect(transitions).toEqual([]);

    await userEvent.selectOptions(code, 'risk_accepted');
    await userEvent.type(
      within(dialog).getByLabelText(/Resolution notes/),
      'The restart is cheap; no fix planned',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({
      version: 3,
      to: 'resolved',
      resolutionCode: 'risk_accepted',
      resolutionNotes: 'The restart is cheap; no fix planned',
    });
    expect(
      await screen.findByTestId('state-chip-resolved'),
    ).toBeInTheDocument();
  });

  it('asks why to cancel', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel problem' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/Why it is canceled/)).toBeRequired();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel problem' }),
    );
    expect(
      await within(dialog).findByText('Say why the problem is canceled'),
    ).toBeInTheDocument();
    expect(transitions).toEqual([]);
  });

  it('asks for the missing workaround at its field before marking a known error', async () => {
    await render();
    const analysis = await screen.findByRole('region', { name: 'Analysis' });
    await userEvent.click(within(analysis).getByTestId('mark-known-error'));
    // Nothing is sent: the form opens with the field that is missing.
    expect(
      await within(analysis).findByText(
        'Write the workaround before publishing the known error',
      ),
    ).toBeInTheDocument();
    expect(
      within(analysis).queryByText(
        'Write the root cause before publishing the known error',
      ),
    ).toBeNull();
    expect(patches).toEqual([]);

    await userEvent.type(
      within(analysis).getByLabelText('Workaround'),
      'Restart the payments pods',
    );
    await userEvent.click(
      within(analysis).getByRole('button', { name: 'Mark known error' }),
    );
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({
      version: 3,
      workaround: 'Restart the payments pods',
      knownError: true,
    });
    expect(await screen.findByTestId('known-error-chip')).toBeInTheDocument();
    expect(
      await within(analysis).findByRole('button', {
        name: 'Withdraw known error',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Published as a known error/)).toBeInTheDocument();

    await userEvent.click(
      within(analysis).getByRole('button', { name: 'Withdraw known error' }),
    );
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toEqual({ version: 4, knownError: false });
  });

  it('edits the analysis, sending what changed', async () => {
    await render();
    const analysis = await screen.findByRole('region', { name: 'Analysis' });
    await userEvent.click(
      within(analysis).getByRole('button', { name: 'Edit analysis' }),
    );
    await userEvent.clear(within(analysis).getByLabelText('Root cause'));
    await userEvent.type(
      within(analysis).getByLabelText('Root cause'),
      'Pool too small',
    );
    await userEvent.click(
      within(analysis).getByRole('button', { name: 'Save' }),
    );
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({ version: 3, rootCause: 'Pool too small' });
    expect(
      await within(analysis).findByText('Pool too small'),
    ).toBeInTheDocument();
  });

  it('links an incident by its number, shows a conflict, and unlinks one', async () => {
    await render();
    const linked = await screen.findByRole('region', {
      name: 'Linked incidents',
    });
    await within(linked).findByRole('link', { name: 'INC-000009' });

    await userEvent.click(within(linked).getByTestId('link-incident'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Link incident: PRB-000012',
    });
    await userEvent.type(
      within(dialog).getByLabelText(/Incident number/),
      'chg-1',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Link incident' }),
    );
    expect(
      await within(dialog).findByText(
        'Use an incident number such as INC-000045',
      ),
    ).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText(/Incident number/));
    await userEvent.type(
      within(dialog).getByLabelText(/Incident number/),
      'inc-11',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Link incident' }),
    );
    expect(
      await within(dialog).findByText(
        'INC-000011 is already linked to PRB-000003; unlink it there first (409)',
      ),
    ).toBeInTheDocument();

    await userEvent.clear(within(dialog).getByLabelText(/Incident number/));
    await userEvent.type(
      within(dialog).getByLabelText(/Incident number/),
      'INC-10',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Link incident' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(links).toEqual([
      { incident: 'INC-000011' },
      { incident: 'INC-000010' },
    ]);
    expect(
      await within(linked).findByRole('link', { name: 'INC-000010' }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(linked).getByRole('button', { name: 'Unlink INC-000009' }),
    );
    await waitFor(() => expect(unlinks).toEqual(['INC-000009']));
    await waitFor(() =>
      expect(
        within(linked).queryByRole('link', { name: 'INC-000009' }),
      ).toBeNull(),
    );
  });

  it('raises a normal change on its CIs to fix it, linked to it', async () => {
    await render();
    const fixes = await screen.findByRole('region', { name: 'Fix changes' });
    await userEvent.click(within(fixes).getByTestId('raise-fix-change'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Request change',
    });
    expect(within(dialog).getByLabelText(/^Title/)).toHaveValue(
      'Fix: Connection pool exhaustion under load',
    );
    expect(within(dialog).getByLabelText(/^Type/)).toHaveValue('normal');
    expect(
      within(dialog).getByRole('link', { name: 'PRB-000012' }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );
    await waitFor(() => expect(changesPosted).toHaveLength(1));
    expect(changesPosted[0]).toEqual({
      title: 'Fix: Connection pool exhaustion under load',
      entityRef: 'component:default/payments',
      affectedEntityRefs: ['resource:default/payments-db'],
      type: 'normal',
      risk: 'moderate',
      problem: 'PRB-000012',
    });
  });

  it('offers someone who may only read it nothing to do', async () => {
    problem = makeProblem({ id: OTHERS_ID });
    await render();
    await screen.findByTestId('state-chip-root_cause_analysis');
    expect(moveButtons()).toEqual([]);
    expect(screen.queryByTestId('mark-known-error')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit analysis' })).toBeNull();
    expect(screen.queryByTestId('link-incident')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Unlink/ })).toBeNull();
    expect(screen.queryByTestId('raise-fix-change')).toBeNull();
  });
});
