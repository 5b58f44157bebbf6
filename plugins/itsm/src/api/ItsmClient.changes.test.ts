import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  CHANGE_ID,
  makeApprovalStep,
  makeChange,
  makeClient,
  makeQueueItem,
} from '../__testUtils__/fixtures';
import { changeCalendarQuery, changeListQuery } from './ItsmClient';
import { errorMessage } from './errors';

describe('ItsmClient, changes and approvals', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('builds change list and calendar queries with encoded refs and repeated arrays', () => {
    expect(
      changeListQuery({
        entityRef: 'component:default/payments',
        state: ['scheduled', 'implement'],
        type: ['normal'],
        assignmentGroup: ['group:default/a'],
        requester: 'user:default/bob',
        limit: 10,
      }),
    ).toBe(
      '?entityRef=component%3Adefault%2Fpayments&state=scheduled&state=implement&type=normal' +
        '&requester=user%3Adefault%2Fbob&assignmentGroup=group%3Adefault%2Fa&limit=10',
    );
    expect(changeListQuery({ open: true })).toBe('?open=true');
    expect(changeListQuery({ open: true, state: ['draft'] })).toBe(
      '?state=draft',
    );
    expect(
      changeCalendarQuery({
        from: '2025-11-24T00:00:00.000Z',
        to: '2025-12-08T00:00:00.000Z',
        entityRef: 'component:default/payments',
        assignmentGroup: 'group:default/sre',
        state: ['scheduled'],
      }),
    ).toBe(
      '?from=2025-11-24T00%3A00%3A00.000Z&to=2025-12-08T00%3A00%3A00.000Z' +
        '&entityRef=component%3Adefault%2Fpayments&assignmentGroup=group%3Adefault%2Fsre&state=scheduled',
    );
  });

  it('creates, updates and moves changes', async () => {
    const bodies: Record<string, unknown> = {};
    server.use(
      http.post(`${BASE_URL}/changes`, async ({ request }) => {
        bodies.create = await request.json();
        return HttpResponse.json(makeChange(), { status: 201 });
      }),
      http.patch(`${BASE_URL}/changes/CHG-000003`, async ({ request }) => {
        bodies.update = await request.json();
        return HttpResponse.json(makeChange({ version: 5 }));
      }),
      http.post(
        `${BASE_URL}/changes/CHG-000003/transitions`,
        async ({ request }) => {
          bodies.transition = await request.json();
          return HttpResponse.json(makeChange({ state: 'assess' }));
        },
      ),
    );
    const client = makeClient();
    const created = await client.createChange({
      title: 'Rotate',
      entityRef: 'component:default/payments',
      type: 'normal',
      risk: 'low',
    });
    expect(created.number).toBe('CHG-000003');
    await client.updateChange('CHG-000003', { version: 4, risk: 'high' });
    const moved = await client.transitionChange('CHG-000003', {
      version: 5,
      to: 'assess',
    });
    expect(moved.state).toBe('assess');
    expect(bodies).toEqual({
      create: {
        title: 'Rotate',
        entityRef: 'component:default/payments',
        type: 'normal',
        risk: 'low',
      },
      update: { version: 4, risk: 'high' },
      transition: { version: 5, to: 'assess' },
    });
  });

  it('reads approvals, conflicts, caused incidents, the calendar and the queue', async () => {
    server.use(
      http.get(`${BASE_URL}/changes/${CHANGE_ID}/approvals`, () =>
        HttpResponse.json({ items: [makeApprovalStep()] }),
      ),
      http.get(`${BASE_URL}/changes/${CHANGE_ID}/conflicts`, () =>
        HttpResponse.json({
          conflicts: [],
          freezes: [{ name: 'Year end', start: 'a', end: 'b' }],
        }),
      ),
      http.get(`${BASE_URL}/changes/${CHANGE_ID}/incidents`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'i',
              number: 'INC-000009',
              title: 'x',
              state: 'new',
              priority: 'P2',
            },
          ],
        }),
      ),
      http.get(`${BASE_URL}/change-calendar`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        return HttpResponse.json({
          changes: [makeChange()],
          freezes: [],
          from: params.get('from'),
        });
      }),
      http.get(`${BASE_URL}/approvals/pending`, () =>
        HttpResponse.json({ items: [makeQueueItem()] }),
      ),
    );
    const client = makeClient();
    expect((await client.getChangeApprovals(CHANGE_ID))[0].id).toBe('step-1');
    expect((await client.getChangeConflicts(CHANGE_ID)).freezes[0].name).toBe(
      'Year end',
    );
    expect((await client.getChangeIncidents(CHANGE_ID))[0].number).toBe(
      'INC-000009',
    );
    const calendar = await client.getChangeCalendar({
      from: '2025-11-24T00:00:00.000Z',
      to: '2025-12-08T00:00:00.000Z',
    });
    expect(calendar.changes).toHaveLength(1);
    expect((await client.getPendingApprovals())[0].record.number).toBe(
      'CHG-000003',
    );
  });

  it('posts a decision and surfaces the 403 message', async () => {
    let body: unknown;
    server.use(
      http.post(
        `${BASE_URL}/changes/${CHANGE_ID}/approvals`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message: 'you are not a member of group:default/payments-team',
              },
              response: { statusCode: 403 },
            },
            { status: 403 },
          );
        },
      ),
    );
    const error = await makeClient()
      .decideChangeApproval(CHANGE_ID, {
        stepId: 'step-1',
        decision: 'approved',
      })
      .catch(e => e);
    expect(body).toEqual({ stepId: 'step-1', decision: 'approved' });
    expect(errorMessage(error)).toBe(
      'you are not a member of group:default/payments-team (403)',
    );
  });

  it('links and unlinks the change that caused an incident', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.patch(`${BASE_URL}/incidents/INC-000001`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({});
      }),
    );
    const client = makeClient();
    await client.updateIncident('INC-000001', {
      version: 3,
      causedByChange: 'CHG-000003',
    });
    await client.updateIncident('INC-000001', {
      version: 4,
      causedByChange: null,
    });
    expect(bodies).toEqual([
      { version: 3, causedByChange: 'CHG-000003' },
      { version: 4, causedByChange: null },
    ]);
  });
});
