import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  textContentMatcher,
} from '@backstage/test-utils';
import { Incident, RecordSla } from '@backstage-itsm/plugin-itsm-common';
import type { EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import {
  PermissionDecider,
  permissionsDecided,
  renderRoute,
} from '../../__testUtils__/render';
import {
  BASE_URL,
  fromNow,
  makeIncident,
  makeProblem,
  makeRecordSla,
  makeSlaCycle,
  makeSlaTimer,
  makeTimeline,
  NO_SLA,
  impactHandler,
} from '../../__testUtils__/fixtures';
import { IncidentPage } from './IncidentPage';

/** An incident alice reported and does not work: she may comment on it. */
const REPORTED_ID = '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0002';
/** An incident of another team: alice may read it, nothing more. */
const OTHERS_ID = '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0003';
/** An incident whose permissions cannot be decided (the permission backend fails). */
const UNDECIDED_ID = '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0004';

/** Every permission request the page made, in every test of the file. */
const asked: EvaluatePermissionRequest[] = [];

/**
 * What alice may do, by incident: everything on the fixture's (her group works it),
 * comment on the one she reported, only read another team's.
 */
const alicePermissions: PermissionDecider = request => {
  asked.push(request);
  if (request.resourceRef === OTHERS_ID) return false;
  if (request.resourceRef === UNDECIDED_ID) {
    throw new Error('permission backend unavailable');
  }
  if (request.resourceRef === REPORTED_ID) {
    return request.permission.name === 'itsm.incident.comment';
  }
  return true;
};

const ALL_TRANSITION_LABELS = [
  'Start work',
  'Resume work',
  'Reopen',
  'Put on hold',
  'Resolve',
  'Close',
  'Cancel incident',
];

describe('IncidentPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let incident: Incident;
  let gets: number;
  let timelineGets: number;
  let recordSla: RecordSla;
  let slaGets: number;
  let transitions: any[];
  let patches: any[];
  let comments: any[];

  beforeEach(() => {
    incident = makeIncident();
    gets = 0;
    timelineGets = 0;
    recordSla = NO_SLA;
    slaGets = 0;
    transitions = [];
    patches = [];
    comments = [];
    server.use(
      impactHandler,
      http.get(`${BASE_URL}/incidents/INC-000001`, () => {
        gets++;
        return HttpResponse.json(incident);
      }),
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () => {
        timelineGets++;
        return HttpResponse.json({ items: makeTimeline(incident.id) });
      }),
      http.get(`${BASE_URL}/incidents/INC-000001/sla`, () => {
        slaGets++;
        return HttpResponse.json(recordSla);
      }),
      http.post(
        `${BASE_URL}/incidents/${incident.id}/transitions`,
        async ({ request }) => {
          const body = (await request.json()) as any;
          transitions.push(body);
          incident = {
            ...incident,
            state: body.to,
            version: incident.version + 1,
          };
          return HttpResponse.json(incident);
        },
      ),
      http.patch(
        `${BASE_URL}/incidents/${incident.id}`,
        async ({ request }) => {
          const body = (await request.json()) as any;
          patches.push(body);
          incident = { ...incident, ...body, version: incident.version + 1 };
          return HttpResponse.json(incident);
        },
      ),
      http.post(
        `${BASE_URL}/incidents/${incident.id}/comments`,
        async ({ request }) => {
          comments.push(await request.json());
          return HttpResponse.json({}, { status: 201 });
        },
      ),
    );
  });

  /** Renders the page and waits until it knows what the user may do. */
  const render = async () => {
    const rendered = await renderRoute(
      '/itsm/incidents/:id',
      <IncidentPage />,
      '/itsm/incidents/INC-000001',
      { permissions: alicePermissions },
    );
    await permissionsDecided();
    return rendered;
  };

  /** The page's "SLA" card, once loaded. */
  const slaCard = () => screen.findByRole('region', { name: 'SLA' });

  const transitionButtons = () =>
    screen
      .queryAllByRole('button')
      .map(b => b.textContent ?? '')
      .filter(text => ALL_TRANSITION_LABELS.includes(text));

  it('shows the incident and only the transitions its state allows', async () => {
    await render();
    expect(
      (await screen.findAllByText('Payments API returns 500')).length,
    ).toBeGreaterThan(0);
    expect(screen.getByTestId('state-chip-new')).toBeInTheDocument();
    expect(transitionButtons()).toEqual([
      'Start work',
      'Put on hold',
      'Resolve',
      'Cancel incident',
    ]);
    // The timeline, comments and work notes apart.
    expect(screen.getByTestId('timeline-comment')).toHaveTextContent(
      'We are looking into it',
    );
    expect(screen.getByTestId('timeline-work-note')).toHaveTextContent(
      'DB pool exhausted on node 3',
    );
    expect(screen.getByText('opened the incident')).toBeInTheDocument();
    expect(
      screen.getByText(/not a group: routed to group:default\/platform-team/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(textContentMatcher('urgency: Low → Medium')),
    ).toBeInTheDocument();
  });

  it('offers reopen and close on a resolved incident, nothing on a closed one', async () => {
    incident = makeIncident({
      state: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Restarted the pool',
    });
    const { unmount } = await render();
    await screen.findByTestId('state-chip-resolved');
    expect(transitionButtons()).toEqual(['Reopen', 'Close']);
    expect(screen.getByText('Restarted the pool')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Assign to me/ })).toBeNull();
    unmount();

    incident = makeIncident({ state: 'closed' });
    await render();
    await screen.findByTestId('state-chip-closed');
    expect(transitionButtons()).toEqual([]);
  });

  it('requires a resolution code and notes to resolve, then sends them with the version', async () => {
    await render();
    await screen.findByTestId('state-chip-new');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByLabelText(/Hold reason/)).toBeNull();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    expect(
      await within(dialog).findByText('Choose how it was resolved'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Describe what was done to resolve it'),
    ).toBeInTheDocument();
    expect(transitions).toEqual([]);

    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Resolution code/),
      'fixed',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    expect(
      await within(dialog).findByText('Describe what was done to resolve it'),
    ).toBeInTheDocument();
    expect(transitions).toEqual([]);

    await userEvent.type(
      within(dialog).getByLabelText(/Resolution notes/),
      'Raised the pool size',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );

    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({
      version: 7,
      to: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Raised the pool size',
    });
    // Reloaded after the move: the new state and its transitions show.
    expect(
      await screen.findByTestId('state-chip-resolved'),
    ).toBeInTheDocument();
    expect(transitionButtons()).toEqual(['Reopen', 'Close']);
    expect(gets).toBe(2);
    expect(timelineGets).toBe(2);
    // The move started, paused or stopped clocks.
    expect(slaGets).toBe(2);
  });

  it('asks for a comment to the caller when holding for the caller', async () => {
    await render();
    await screen.findByTestId('state-chip-new');
    await userEvent.click(screen.getByRole('button', { name: 'Put on hold' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Hold reason/),
      'awaiting_caller',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Put on hold' }),
    );
    expect(
      await within(dialog).findByText(/Tell the caller what you need/),
    ).toBeInTheDocument();
    expect(transitions).toEqual([]);

    await userEvent.type(
      within(dialog).getByLabelText(/Comment to the caller/),
      'Which browser?',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Put on hold' }),
    );
    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({
      version: 7,
      to: 'on_hold',
      holdReason: 'awaiting_caller',
      comment: 'Which browser?',
    });
  });

  it('shows a conflict from the server in the dialog', async () => {
    server.use(
      http.post(`${BASE_URL}/incidents/${incident.id}/transitions`, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'version is stale' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await render();
    await screen.findByTestId('state-chip-new');
    await userEvent.click(screen.getByRole('button', { name: 'Start work' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start work' }),
    );
    expect(
      await within(dialog).findByText('version is stale (409)'),
    ).toBeInTheDocument();
  });

  it('assigns the incident to the signed-in user with the version', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: /Assign to me/ }),
    );
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({ version: 7, assignee: 'user:default/alice' });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Assign to me/ })).toBeNull(),
    );
  });

  it('adds a work note or a comment to the timeline', async () => {
    await render();
    await screen.findByTestId('state-chip-new');
    // Who reads it, before anything is written.
    expect(
      screen.getByText(
        'Visible only to the people working this incident: its assignment group and assignee.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Add work note' }),
    );
    expect(
      await screen.findByText('Write something first'),
    ).toBeInTheDocument();
    expect(comments).toEqual([]);

    await userEvent.type(screen.getByLabelText('Work note'), 'Paged DBA');
    await userEvent.click(
      screen.getByRole('button', { name: 'Add work note' }),
    );
    await waitFor(() => expect(comments).toHaveLength(1));
    expect(comments[0]).toEqual({ body: 'Paged DBA', visibility: 'work_note' });

    await userEvent.click(
      screen.getByLabelText(/Comment \(visible to the requester\)/),
    );
    expect(
      screen.getByText(
        'Visible to the requester and to everyone who may read this incident.',
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      screen.getByLabelText('Comment'),
      'Fix is rolling out',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(comments).toHaveLength(2));
    expect(comments[1]).toEqual({
      body: 'Fix is rolling out',
      visibility: 'comment',
    });
    await waitFor(() => expect(timelineGets).toBe(3));
  });

  it('links the change that caused it by number, and unlinks it', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Link change' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Change number/), 'x');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Link change' }),
    );
    expect(
      await within(dialog).findByText('Use a change number such as CHG-000045'),
    ).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText(/Change number/));
    await userEvent.type(
      within(dialog).getByLabelText(/Change number/),
      'chg-3',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Link change' }),
    );
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({ version: 7, causedByChange: 'CHG-000003' });
    expect(
      await screen.findByRole('link', { name: 'CHG-000003' }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-000003');

    await userEvent.click(screen.getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toEqual({ version: 8, causedByChange: null });
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'CHG-000003' })).toBeNull(),
    );
  });

  it("offers its workers every act, asking for the incident's permissions by its id", async () => {
    await render();
    expect(
      await screen.findByRole('button', { name: /Assign to me/ }),
    ).toBeInTheDocument();
    expect(transitionButtons()).toEqual([
      'Start work',
      'Put on hold',
      'Resolve',
      'Cancel incident',
    ]);
    expect(
      screen.getByRole('button', { name: 'Link change' }),
    ).toBeInTheDocument();
    const visibility = screen.getByRole('radiogroup', { name: 'Visibility' });
    expect(
      within(visibility)
        .getAllByRole('radio')
        .map(radio => radio.getAttribute('value')),
    ).toEqual(['work_note', 'comment']);

    // Resource permissions name the record by its id, never by its number.
    const names = (ref: string) =>
      asked
        .filter(request => request.resourceRef === ref)
        .map(request => request.permission.name);
    expect(names(incident.id)).toEqual(
      expect.arrayContaining([
        'itsm.incident.update',
        'itsm.incident.comment',
        'itsm.record.worknote.read',
      ]),
    );
    expect(names('INC-000001')).toEqual([]);
  });

  it('offers its requester a comment only: no moves, edits or work notes', async () => {
    incident = makeIncident({
      id: REPORTED_ID,
      requester: 'user:default/alice',
      causedByChange: 'CHG-000003',
    });
    // The server leaves the work notes out for those who may not read them.
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json({
          items: makeTimeline(REPORTED_ID).filter(e => e.type !== 'work_note'),
        }),
      ),
      http.post(
        `${BASE_URL}/incidents/${REPORTED_ID}/comments`,
        async ({ request }) => {
          comments.push(await request.json());
          return HttpResponse.json({}, { status: 201 });
        },
      ),
    );
    await render();
    expect(transitionButtons()).toEqual([]);
    expect(screen.queryByRole('button', { name: /Assign to me/ })).toBeNull();
    expect(
      screen.getByRole('link', { name: 'CHG-000003' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unlink' })).toBeNull();
    // One kind of entry to add: no choice, and it says who reads it.
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(screen.queryByLabelText('Work note')).toBeNull();
    expect(
      screen.getByText(
        'Visible to the requester and to everyone who may read this incident.',
      ),
    ).toBeInTheDocument();
    // The timeline does without the work notes it was not sent.
    expect(screen.getByTestId('timeline-comment')).toHaveTextContent(
      'We are looking into it',
    );
    expect(screen.queryByTestId('timeline-work-note')).toBeNull();

    await userEvent.type(screen.getByLabelText('Comment'), 'Still failing');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(comments).toHaveLength(1));
    expect(comments[0]).toEqual({
      body: 'Still failing',
      visibility: 'comment',
    });
  });

  it('offers someone who may only read it nothing to do', async () => {
    incident = makeIncident({ id: OTHERS_ID, causedByChange: 'CHG-000003' });
    await render();
    expect(
      screen.getByText(
        'You may read this incident but not add to its timeline.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Add to the timeline' }),
    ).toBeNull();
    expect(transitionButtons()).toEqual([]);
    expect(screen.queryByRole('button', { name: /Assign to me/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unlink' })).toBeNull();
    expect(
      screen.getByRole('link', { name: 'CHG-000003' }),
    ).toBeInTheDocument();
    // What it is stays readable.
    expect(
      screen.getAllByText('Payments API returns 500').length,
    ).toBeGreaterThan(0);
  });

  it('offers nothing when its permissions cannot be checked, and says so', async () => {
    incident = makeIncident({ id: UNDECIDED_ID });
    await render();
    expect(
      screen.getByText(/What you may do here could not be checked/),
    ).toHaveTextContent('(permission backend unavailable)');
    // Not a refusal: it does not say the user may only read.
    expect(screen.queryByText(/but not add to its timeline/)).toBeNull();
    expect(
      screen.queryByRole('form', { name: 'Add to the timeline' }),
    ).toBeNull();
    expect(transitionButtons()).toEqual([]);
  });

  it('says so when the incident does not exist or may not be read (both a 404)', async () => {
    const notFound = () =>
      HttpResponse.json(
        { error: { name: 'NotFoundError', message: 'No incident INC-000123' } },
        { status: 404 },
      );
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000123`, notFound),
      http.get(`${BASE_URL}/incidents/INC-000123/timeline`, notFound),
      http.get(`${BASE_URL}/incidents/INC-000123/sla`, notFound),
    );
    await renderRoute(
      '/itsm/incidents/:id',
      <IncidentPage />,
      '/itsm/incidents/INC-000123',
      { permissions: alicePermissions },
    );
    expect(
      await screen.findByText('No incident INC-000123, or you may not see it'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Back to service management' }),
    ).toHaveAttribute('href', '/itsm');
  });

  it('says when no SLA policy applies', async () => {
    await render();
    const card = await slaCard();
    expect(
      await within(card).findByText('No SLA policy applies to this incident.'),
    ).toBeInTheDocument();
    expect(within(card).queryByRole('progressbar')).toBeNull();
  });

  it('shows the SLA policy and each timer as elapsed over target, and why', async () => {
    recordSla = makeRecordSla();
    await render();
    const card = await slaCard();
    expect(
      await within(card).findByText('P1 incidents, around the clock'),
    ).toBeInTheDocument();
    expect(within(card).getByText('24x7')).toBeInTheDocument();
    expect(
      within(card).getByText('Response 15 minutes, resolution 4 hours'),
    ).toBeInTheDocument();
    expect(within(card).getByText('On hold')).toBeInTheDocument();

    const response = within(card).getByRole('progressbar', {
      name: 'Response',
    });
    expect(response).toHaveAttribute('aria-valuenow', '67');
    expect(within(card).getByTestId('sla-status-met')).toHaveTextContent('Met');
    expect(
      within(card).getByText('10m of 15m · met, 5m to spare'),
    ).toBeInTheDocument();
    const resolution = within(card).getByRole('progressbar', {
      name: 'Resolution',
    });
    expect(resolution).toHaveAttribute('aria-valuenow', '54');
    expect(
      within(card).getByText(/^2h 10m of 4h · due in 1h (49|50)m$/),
    ).toBeInTheDocument();

    // "Why?" unfolds the timeline events behind the clock, with their times.
    expect(
      within(card).queryByRole('list', { name: 'Why: Resolution' }),
    ).toBeNull();
    const why = within(card).getByRole('button', { name: 'Why? Resolution' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const reasons = within(card).getByRole('list', { name: 'Why: Resolution' });
    expect(within(reasons).getByText('Started: New')).toBeInTheDocument();
    expect(reasons).toHaveTextContent('timeline entry 1');
  });

  it('says when a stopped timer breached', async () => {
    recordSla = makeRecordSla({
      timers: [
        makeSlaTimer({ metric: 'response', target: 15 * 60_000 }, [
          makeSlaCycle({
            elapsed: 40 * 60_000,
            status: 'breached',
            stoppedAt: fromNow(-60 * 60_000),
            dueAt: null,
            breachedAt: fromNow(-85 * 60_000),
          }),
        ]),
      ],
    });
    await render();
    const card = await slaCard();
    expect(
      await within(card).findByText('40m of 15m · breached 1h 25m ago'),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('progressbar', { name: 'Response' }),
    ).toHaveAttribute('aria-valuenow', '100');
  });

  it('shows a paused timer and every cycle of a reopened incident', async () => {
    const HOUR = 3600_000;
    recordSla = makeRecordSla({
      timers: [
        makeSlaTimer({}, [
          makeSlaCycle({
            startedAt: fromNow(-30 * HOUR),
            stoppedAt: fromNow(-20 * HOUR),
            elapsed: 5 * HOUR,
            status: 'breached',
            dueAt: null,
            explanation: [
              {
                at: fromNow(-30 * HOUR),
                event: 'started',
                state: 'new',
                seq: 1,
              },
              {
                at: fromNow(-20 * HOUR),
                event: 'stopped',
                state: 'resolved',
                seq: 6,
              },
            ],
          }),
          makeSlaCycle({
            startedAt: fromNow(-2 * HOUR),
            elapsed: HOUR,
            status: 'paused',
            dueAt: null,
            pauses: [{ start: fromNow(-HOUR), end: null }],
            explanation: [
              {
                at: fromNow(-2 * HOUR),
                event: 'started',
                state: 'in_progress',
                seq: 9,
              },
              {
                at: fromNow(-HOUR),
                event: 'paused',
                state: 'on_hold',
                seq: 10,
              },
            ],
          }),
        ]),
      ],
    });
    await render();
    const card = await slaCard();
    expect(
      await within(card).findByRole('heading', {
        name: 'Resolution: 2 cycles (reopened)',
      }),
    ).toBeInTheDocument();
    const first = within(card).getByRole('progressbar', {
      name: 'Resolution, cycle 1',
    });
    // Breached: the bar is full.
    expect(first).toHaveAttribute('aria-valuenow', '100');
    expect(
      within(card).getByText('5h of 4h · breached, 1h over'),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('progressbar', { name: 'Resolution, cycle 2' }),
    ).toHaveAttribute('aria-valuenow', '25');
    expect(within(card).getByTestId('sla-status-paused')).toHaveTextContent(
      'Paused',
    );
    expect(
      within(card).getByText('1h of 4h · paused, 3h left'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(card).getByRole('button', { name: 'Why? Resolution, cycle 2' }),
    );
    const reasons = within(card).getByRole('list', {
      name: 'Why: Resolution, cycle 2',
    });
    expect(
      within(reasons).getByText('Started: In progress'),
    ).toBeInTheDocument();
    expect(within(reasons).getByText('Paused: On hold')).toBeInTheDocument();
  });

  describe('the problem behind it', () => {
    let problemsPosted: any[];

    beforeEach(() => {
      problemsPosted = [];
      server.use(
        http.get(`${BASE_URL}/problems/PRB-000012`, () =>
          HttpResponse.json(
            makeProblem({
              knownError: true,
              workaround: 'Restart the payments pods',
            }),
          ),
        ),
        http.post(`${BASE_URL}/problems`, async ({ request }) => {
          const body = (await request.json()) as any;
          problemsPosted.push(body);
          // The server links the incidents given.
          incident = {
            ...incident,
            problem: 'PRB-000012',
            version: incident.version + 1,
          };
          return HttpResponse.json(makeProblem(), { status: 201 });
        }),
      );
    });

    const problemCard = () => screen.findByRole('region', { name: 'Problem' });

    it('links it to a problem by number, shows the known error workaround, and unlinks it', async () => {
      await render();
      const card = await problemCard();
      expect(
        within(card).getByText('Not linked to a problem.'),
      ).toBeInTheDocument();
      await userEvent.click(within(card).getByTestId('link-to-problem'));
      const dialog = await screen.findByRole('dialog', {
        name: 'Link to problem: INC-000001',
      });
      await userEvent.type(
        within(dialog).getByLabelText(/Problem number/),
        'prb-12',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Link to problem' }),
      );
      await waitFor(() => expect(patches).toHaveLength(1));
      expect(patches[0]).toEqual({ version: 7, problem: 'PRB-000012' });

      expect(
        await within(card).findByRole('link', { name: 'PRB-000012' }),
      ).toHaveAttribute('href', '/itsm/problems/PRB-000012');
      expect(
        await within(card).findByText('Connection pool exhaustion under load'),
      ).toBeInTheDocument();
      expect(within(card).getByTestId('known-error-chip')).toBeInTheDocument();
      expect(within(card).getByTestId('problem-workaround')).toHaveTextContent(
        'Workaround: Restart the payments pods',
      );

      await userEvent.click(
        within(card).getByRole('button', { name: 'Unlink' }),
      );
      await waitFor(() => expect(patches).toHaveLength(2));
      expect(patches[1]).toEqual({ version: 8, problem: null });
      expect(
        await within(card).findByText('Not linked to a problem.'),
      ).toBeInTheDocument();
    });

    it('opens a problem prefilled from the incident, linking it', async () => {
      await render();
      const card = await problemCard();
      await userEvent.click(within(card).getByTestId('open-problem'));
      const dialog = await screen.findByRole('dialog', {
        name: 'Open problem',
      });
      expect(within(dialog).getByLabelText(/^Title/)).toHaveValue(
        'Payments API returns 500',
      );
      expect(within(dialog).getByLabelText('Impact')).toHaveValue('1');
      expect(within(dialog).getByLabelText('Urgency')).toHaveValue('2');
      expect(
        within(dialog).getByTestId('problem-incidents-to-link'),
      ).toHaveTextContent('INC-000001');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Open' }),
      );
      await waitFor(() => expect(problemsPosted).toHaveLength(1));
      expect(problemsPosted[0]).toEqual({
        title: 'Payments API returns 500',
        entityRef: 'component:default/payments',
        impact: 1,
        urgency: 2,
        incidents: ['INC-000001'],
      });
      // Reloaded: now linked.
      expect(
        await within(card).findByRole('link', { name: 'PRB-000012' }),
      ).toBeInTheDocument();
    });

    it('may be waited for: the hold reasons include the problem fix', async () => {
      await render();
      await userEvent.click(
        await screen.findByRole('button', { name: 'Put on hold' }),
      );
      const dialog = await screen.findByRole('dialog');
      const reasons = within(dialog).getByLabelText(/Hold reason/);
      expect(
        within(reasons).getByRole('option', { name: 'Awaiting problem fix' }),
      ).toHaveValue('awaiting_problem');
    });
  });
});
