import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  ApprovalStep,
  Change,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import type { EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import {
  PermissionDecider,
  permissionsDecided,
  renderRoute,
} from '../../__testUtils__/render';
import {
  BASE_URL,
  CHANGE_ID,
  makeApprovalStep,
  makeChange,
  makeQueueItem,
  NO_SLA,
  impactHandler,
} from '../../__testUtils__/fixtures';
import { ChangePage } from './ChangePage';

/** A change alice raised: she plans, moves and comments on it; its notes are not hers. */
const REQUESTED_ID = '5f1c2a7e-8d3b-4c6a-9e2f-0a1b2c3d0004';
/** A change one of alice's groups approves: she decides its steps, nothing else. */
const APPROVED_ID = '5f1c2a7e-8d3b-4c6a-9e2f-0a1b2c3d0005';
/** Another team's change: alice may read it, nothing more. */
const OTHERS_ID = '5f1c2a7e-8d3b-4c6a-9e2f-0a1b2c3d0006';

/** Every permission request of the file. */
const asked: EvaluatePermissionRequest[] = [];

/** What alice may do, by change (the fixture's: everything). */
const alicePermissions: PermissionDecider = request => {
  asked.push(request);
  const { permission, resourceRef } = request;
  switch (resourceRef) {
    case REQUESTED_ID:
      return permission.name === 'itsm.change.update';
    case APPROVED_ID:
      return permission.name === 'itsm.change.approve';
    case OTHERS_ID:
      return false;
    default:
      return true;
  }
};

const TRANSITION_LABELS = [
  'Assess',
  'Authorize',
  'Schedule',
  'Implement',
  'Review',
  'Close',
  'Cancel',
  'Back to draft',
];

describe('ChangePage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let change: Change;
  let steps: ApprovalStep[];
  let decidable: ApprovalStep[];
  let decisions: any[];
  let transitions: any[];
  let patches: any[];

  beforeEach(() => {
    change = makeChange();
    steps = [];
    decidable = [];
    decisions = [];
    transitions = [];
    patches = [];
    const timeline: TimelineEntry[] = [
      {
        id: 't1',
        recordId: CHANGE_ID,
        seq: 1,
        type: 'created',
        actor: 'user:default/bob',
        at: '2025-11-20T09:00:00.000Z',
      },
    ];
    server.use(
      impactHandler,
      http.get(`${BASE_URL}/changes/CHG-000003`, () =>
        HttpResponse.json(change),
      ),
      http.get(`${BASE_URL}/changes/CHG-000003/timeline`, () =>
        HttpResponse.json({ items: timeline }),
      ),
      // The demo policies cover incidents and requests only.
      http.get(`${BASE_URL}/changes/CHG-000003/sla`, () =>
        HttpResponse.json(NO_SLA),
      ),
      http.get(`${BASE_URL}/changes/CHG-000003/approvals`, () =>
        HttpResponse.json({ items: steps }),
      ),
      http.get(`${BASE_URL}/changes/CHG-000003/conflicts`, () =>
        HttpResponse.json({
          conflicts: [
            {
              change: {
                id: 'c2',
                number: 'CHG-000007',
                title: 'Upgrade Postgres',
                state: 'scheduled',
                plannedStart: '2025-11-24T22:30:00.000Z',
                plannedEnd: '2025-11-25T01:00:00.000Z',
                entityRef: 'resource:default/payments-db',
              },
              entityRefs: ['resource:default/payments-db'],
              reason: 'Overlapping window on a shared dependency',
            },
          ],
          freezes: [
            {
              name: 'Black Friday',
              start: '2025-11-24T00:00:00.000Z',
              end: '2025-11-30T00:00:00.000Z',
            },
          ],
        }),
      ),
      http.get(`${BASE_URL}/changes/CHG-000003/incidents`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'i9',
              number: 'INC-000009',
              title: 'Checkout errors after rotation',
              state: 'in_progress',
              priority: 'P2',
            },
          ],
        }),
      ),
      http.get(`${BASE_URL}/approvals/pending`, () =>
        HttpResponse.json({
          items: decidable.map(step => makeQueueItem(change, step)),
        }),
      ),
      http.post(
        `${BASE_URL}/changes/${CHANGE_ID}/transitions`,
        async ({ request }) => {
          const body = (await request.json()) as any;
          transitions.push(body);
          change = { ...change, state: body.to, version: change.version + 1 };
          return HttpResponse.json(change);
        },
      ),
      http.patch(`${BASE_URL}/changes/${CHANGE_ID}`, async ({ request }) => {
        const body = (await request.json()) as any;
        patches.push(body);
        change = { ...change, ...body, version: change.version + 1 };
        return HttpResponse.json(change);
      }),
      http.post(
        `${BASE_URL}/changes/${CHANGE_ID}/approvals`,
        async ({ request }) => {
          const body = (await request.json()) as any;
          decisions.push(body);
          steps = steps.map(s =>
            s.id === body.stepId
              ? {
                  ...s,
                  state: body.decision,
                  decidedBy: 'user:default/alice',
                  comment: body.comment ?? null,
                }
              : s,
          );
          decidable = [];
          change = {
            ...change,
            state: body.decision === 'approved' ? 'scheduled' : 'draft',
          };
          return HttpResponse.json(change);
        },
      ),
    );
  });

  /** Renders the page and waits until it knows what the user may do. */
  const render = async () => {
    const rendered = await renderRoute(
      '/itsm/changes/:id',
      <ChangePage />,
      '/itsm/changes/CHG-000003',
      { permissions: alicePermissions },
    );
    await permissionsDecided();
    return rendered;
  };

  const transitionButtons = () =>
    screen
      .queryAllByRole('button')
      .map(b => b.textContent ?? '')
      .filter(text => TRANSITION_LABELS.includes(text));

  it('shows the change, its allowed moves, conflicts, freezes and caused incidents', async () => {
    await render();
    expect(
      await screen.findByRole('heading', {
        name: 'Rotate payments DB credentials',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('state-chip-draft')).toHaveTextContent('Draft');
    expect(screen.getByText('Normal')).toBeInTheDocument();
    expect(screen.getByText('Moderate risk')).toBeInTheDocument();
    expect(transitionButtons()).toEqual(['Assess', 'Cancel']);
    expect(
      await screen.findByRole('link', { name: 'CHG-000007' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Overlapping window on a shared dependency/),
    ).toBeInTheDocument();
    expect(screen.getByText('Black Friday')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-000009' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-000009',
    );
    expect(screen.getByText('raised the change')).toBeInTheDocument();
    expect(screen.getByText(/No approvals yet/)).toBeInTheDocument();
    const sla = screen.getByRole('region', { name: 'SLA' });
    expect(
      await within(sla).findByText('No SLA policy applies to this change.'),
    ).toBeInTheDocument();
  });

  it('moves with the version, and shows what a move still needs', async () => {
    change = makeChange({ state: 'assess', backoutPlan: '', testPlan: ' ' });
    await render();
    await screen.findByTestId('state-chip-assess');
    expect(transitionButtons()).toEqual([
      'Authorize',
      'Back to draft',
      'Cancel',
    ]);
    expect(
      screen.getByText(
        /Before Authorize: Backout plan is required before authorisation; Test plan is required/,
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Authorize' }));
    let dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Authorize' }),
    );
    expect(
      await within(dialog).findByText(
        'Backout plan is required before authorisation',
      ),
    ).toBeInTheDocument();
    expect(transitions).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Back' }));

    await userEvent.click(
      screen.getByRole('button', { name: 'Back to draft' }),
    );
    dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Comment/),
      'Needs a backout plan',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Back to draft' }),
    );
    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({
      version: 4,
      to: 'draft',
      comment: 'Needs a backout plan',
    });
    expect(await screen.findByTestId('state-chip-draft')).toBeInTheDocument();
  });

  it('asks for a close code to close', async () => {
    change = makeChange({ state: 'review' });
    await render();
    await screen.findByTestId('state-chip-review');
    expect(transitionButtons()).toEqual(['Close', 'Cancel']);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    expect(
      await within(dialog).findByText('Choose how the change went'),
    ).toBeInTheDocument();
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Close code/),
      'Successful with issues',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Close notes/),
      'One retry',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({
      version: 4,
      to: 'closed',
      closeCode: 'successful_with_issues',
      closeNotes: 'One retry',
    });
  });

  it('edits the plan in draft with the version, sending what changed', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: /Edit plan/ }),
    );
    const form = screen.getByRole('form', { name: 'Edit the plan' });
    await userEvent.selectOptions(within(form).getByLabelText(/^Risk/), 'High');
    await userEvent.clear(within(form).getByLabelText(/^Test plan/));
    await userEvent.type(within(form).getByLabelText(/^Test plan/), 'Canary');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save plan' }),
    );
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({
      version: 4,
      risk: 'high',
      testPlan: 'Canary',
    });
    expect(await screen.findByText('High risk')).toBeInTheDocument();
  });

  describe('approvals', () => {
    beforeEach(() => {
      change = makeChange({ state: 'authorize' });
      steps = [
        makeApprovalStep({
          id: 'old',
          round: 1,
          state: 'rejected',
          decidedBy: 'user:default/carol',
          comment: 'No backout plan',
        }),
        makeApprovalStep({ id: 'owner', round: 2, stage: 1 }),
        makeApprovalStep({
          id: 'platform',
          round: 2,
          stage: 2,
          stageName: 'Platform',
          state: 'waiting',
          eligibleGroups: ['group:default/platform'],
          reason: 'high risk',
        }),
      ];
    });

    it('shows every round and offers no decision to who may not decide', async () => {
      await render();
      const current = await screen.findByRole('table', {
        name: 'Approvals, round 2',
      });
      expect(within(current).getByText('1. CI owners')).toBeInTheDocument();
      expect(within(current).getByText('2. Platform')).toBeInTheDocument();
      expect(
        within(current).getByTestId('approval-state-waiting'),
      ).toBeInTheDocument();
      const old = screen.getByRole('table', { name: 'Approvals, round 1' });
      expect(within(old).getByText('No backout plan')).toBeInTheDocument();
      expect(screen.getByText('Round 2 (current)')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    });

    it('approves a step the user may decide', async () => {
      decidable = [steps[1]];
      await render();
      await userEvent.click(
        await screen.findByRole('button', { name: 'Approve' }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.type(within(dialog).getByLabelText(/Comment/), 'Fine');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Approve' }),
      );
      await waitFor(() => expect(decisions).toHaveLength(1));
      expect(decisions[0]).toEqual({
        stepId: 'owner',
        decision: 'approved',
        comment: 'Fine',
      });
      // Scheduled now (the conflicting change is scheduled too).
      await waitFor(() =>
        expect(screen.getAllByTestId('state-chip-scheduled')).toHaveLength(2),
      );
      expect(
        screen.getAllByTestId('state-chip-scheduled')[0],
      ).toHaveTextContent('Scheduled');
      expect(transitionButtons()).toEqual([
        'Implement',
        'Back to draft',
        'Cancel',
      ]);
      await waitFor(() =>
        expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull(),
      );
    });

    it('needs a comment to reject', async () => {
      decidable = [steps[1]];
      await render();
      await userEvent.click(
        await screen.findByRole('button', { name: 'Reject' }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Reject' }),
      );
      expect(
        await within(dialog).findByText(
          'Say why: the requester reads it on the timeline',
        ),
      ).toBeInTheDocument();
      expect(decisions).toEqual([]);
      await userEvent.type(
        within(dialog).getByLabelText(/Comment/),
        'Window too close to the freeze',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Reject' }),
      );
      await waitFor(() => expect(decisions).toHaveLength(1));
      expect(decisions[0]).toEqual({
        stepId: 'owner',
        decision: 'rejected',
        comment: 'Window too close to the freeze',
      });
      expect(await screen.findByTestId('state-chip-draft')).toBeInTheDocument();
    });

    it("shows the server's 403", async () => {
      decidable = [steps[1]];
      server.use(
        http.post(`${BASE_URL}/changes/${CHANGE_ID}/approvals`, () =>
          HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message: 'the requester of a change cannot approve it',
              },
              response: { statusCode: 403 },
            },
            { status: 403 },
          ),
        ),
      );
      await render();
      await userEvent.click(
        await screen.findByRole('button', { name: 'Approve' }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Approve' }),
      );
      expect(
        await within(dialog).findByText(
          'the requester of a change cannot approve it (403)',
        ),
      ).toBeInTheDocument();
    });
  });

  describe('permissions', () => {
    const step = () => makeApprovalStep({ id: 'owner', round: 1, stage: 1 });

    it('lets its requester plan and move it, and comment, but not write work notes', async () => {
      change = makeChange({ id: REQUESTED_ID });
      await render();
      expect(transitionButtons()).toEqual(['Assess', 'Cancel']);
      expect(
        screen.getByRole('button', { name: /Edit plan/ }),
      ).toBeInTheDocument();
      expect(screen.queryByRole('radiogroup')).toBeNull();
      expect(screen.getByLabelText('Comment')).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Add comment' }),
      ).toBeInTheDocument();
      expect(screen.queryByLabelText('Work note')).toBeNull();
    });

    it('lets an approver decide the open step, and nothing else', async () => {
      change = makeChange({ id: APPROVED_ID, state: 'authorize' });
      steps = [step()];
      decidable = [steps[0]];
      await render();
      expect(
        await screen.findByRole('button', { name: 'Approve' }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Reject' }),
      ).toBeInTheDocument();
      expect(transitionButtons()).toEqual([]);
      expect(
        screen.getByText(
          'You may read this change but not add to its timeline.',
        ),
      ).toBeInTheDocument();
    });

    it('offers no decision without the approve permission, even on a step the server lists', async () => {
      change = makeChange({ id: OTHERS_ID, state: 'authorize' });
      steps = [step()];
      decidable = [steps[0]];
      await render();
      expect(
        await screen.findByRole('table', { name: 'Approvals, round 1' }),
      ).toBeInTheDocument();
      // The step's buttons ask for the permission; once answered, they stay away.
      await waitFor(() =>
        expect(
          asked.some(
            r =>
              r.resourceRef === OTHERS_ID &&
              r.permission.name === 'itsm.change.approve',
          ),
        ).toBe(true),
      );
      await act(() => new Promise(resolve => setTimeout(resolve, 0)));
      expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    });

    it('offers someone who may only read it no move, plan edit or form', async () => {
      change = makeChange({ id: OTHERS_ID });
      await render();
      expect(
        screen.getByText(
          'You may read this change but not add to its timeline.',
        ),
      ).toBeInTheDocument();
      expect(transitionButtons()).toEqual([]);
      expect(screen.queryByRole('button', { name: /Edit plan/ })).toBeNull();
      // Nor what the moves it may not make still miss.
      expect(screen.queryByText(/^Before /)).toBeNull();
    });

    it('says so when the change does not exist or may not be read', async () => {
      const notFound = () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'not found' } },
          { status: 404 },
        );
      for (const path of [
        '',
        '/timeline',
        '/sla',
        '/approvals',
        '/conflicts',
        '/incidents',
      ]) {
        server.use(http.get(`${BASE_URL}/changes/CHG-000123${path}`, notFound));
      }
      await renderRoute(
        '/itsm/changes/:id',
        <ChangePage />,
        '/itsm/changes/CHG-000123',
        { permissions: alicePermissions },
      );
      expect(
        await screen.findByText('No change CHG-000123, or you may not see it'),
      ).toBeInTheDocument();
    });
  });
});
