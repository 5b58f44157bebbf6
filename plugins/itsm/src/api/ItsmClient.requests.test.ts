import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  makeApprovalStep,
  makeClient,
  makeQueueItem,
  makeRequest,
  REQUEST_ID,
} from '../__testUtils__/fixtures';
import { requestListQuery } from './ItsmClient';
import { errorMessage } from './errors';

describe('ItsmClient, service requests', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('builds the request list query with the offering and repeated arrays', () => {
    expect(
      requestListQuery({
        entityRef: 'resource:default/postgres-cluster',
        offeringRef: 'serviceoffering:default/new-postgres-database',
        state: ['approved', 'in_fulfillment'],
        assignmentGroup: ['group:default/dba', 'group:default/sre'],
        requester: 'user:default/bob',
        limit: 20,
      }),
    ).toBe(
      '?entityRef=resource%3Adefault%2Fpostgres-cluster&state=approved&state=in_fulfillment' +
        '&offeringRef=serviceoffering%3Adefault%2Fnew-postgres-database&requester=user%3Adefault%2Fbob' +
        '&assignmentGroup=group%3Adefault%2Fdba&assignmentGroup=group%3Adefault%2Fsre&limit=20',
    );
    expect(requestListQuery({ open: true })).toBe('?open=true');
    expect(requestListQuery()).toBe('');
  });

  it('lists, reads, creates and moves requests', async () => {
    const seen: Record<string, unknown> = {};
    server.use(
      http.get(`${BASE_URL}/requests`, ({ request }) => {
        seen.list = new URL(request.url).search;
        return HttpResponse.json({ items: [makeRequest()], nextCursor: 'n' });
      }),
      http.get(`${BASE_URL}/requests/REQ-000005`, () =>
        HttpResponse.json(makeRequest()),
      ),
      http.post(`${BASE_URL}/requests`, async ({ request }) => {
        seen.create = await request.json();
        return HttpResponse.json(makeRequest({ state: 'awaiting_approval' }), {
          status: 201,
        });
      }),
      http.post(
        `${BASE_URL}/requests/${REQUEST_ID}/transitions`,
        async ({ request }) => {
          seen.transition = await request.json();
          return HttpResponse.json(makeRequest({ state: 'fulfilled' }));
        },
      ),
    );
    const client = makeClient();
    const page = await client.listRequests({
      requester: 'user:default/bob',
      open: true,
    });
    expect(page.items[0].number).toBe('REQ-000005');
    expect(page.nextCursor).toBe('n');
    expect(seen.list).toBe('?open=true&requester=user%3Adefault%2Fbob');
    expect((await client.getRequest('REQ-000005')).offeringTitle).toBe(
      'New PostgreSQL database',
    );
    const created = await client.createRequest({
      offeringRef: 'serviceoffering:default/new-postgres-database',
      parameters: { name: 'orders_db', size: 'small' },
      title: 'Orders database',
    });
    expect(created.state).toBe('awaiting_approval');
    const moved = await client.transitionRequest(REQUEST_ID, {
      version: 3,
      to: 'fulfilled',
      note: 'Created on cluster 2',
    });
    expect(moved.state).toBe('fulfilled');
    expect(seen.create).toEqual({
      offeringRef: 'serviceoffering:default/new-postgres-database',
      parameters: { name: 'orders_db', size: 'small' },
      title: 'Orders database',
    });
    expect(seen.transition).toEqual({
      version: 3,
      to: 'fulfilled',
      note: 'Created on cluster 2',
    });
  });

  it('reads and decides approvals, comments and reads the timeline', async () => {
    const posted: Record<string, unknown> = {};
    server.use(
      http.get(`${BASE_URL}/requests/${REQUEST_ID}/approvals`, () =>
        HttpResponse.json({
          items: [makeApprovalStep({ recordId: REQUEST_ID })],
        }),
      ),
      http.post(
        `${BASE_URL}/requests/${REQUEST_ID}/approvals`,
        async ({ request }) => {
          posted.decision = await request.json();
          return HttpResponse.json(makeRequest({ state: 'approved' }));
        },
      ),
      http.post(
        `${BASE_URL}/requests/${REQUEST_ID}/comments`,
        async ({ request }) => {
          posted.comment = await request.json();
          return HttpResponse.json({ id: 'c1' }, { status: 201 });
        },
      ),
      http.get(`${BASE_URL}/requests/${REQUEST_ID}/timeline`, () =>
        HttpResponse.json({ items: [{ id: 't1' }] }),
      ),
      http.get(`${BASE_URL}/approvals/pending`, () =>
        HttpResponse.json({ items: [makeQueueItem(makeRequest())] }),
      ),
    );
    const client = makeClient();
    expect((await client.getRequestApprovals(REQUEST_ID))[0].recordId).toBe(
      REQUEST_ID,
    );
    const decided = await client.decideRequestApproval(REQUEST_ID, {
      stepId: 'step-1',
      decision: 'approved',
    });
    expect(decided.state).toBe('approved');
    await client.addRequestComment(REQUEST_ID, {
      body: 'Which cluster?',
      visibility: 'comment',
    });
    expect(await client.getRequestTimeline(REQUEST_ID)).toEqual([{ id: 't1' }]);
    expect(posted).toEqual({
      decision: { stepId: 'step-1', decision: 'approved' },
      comment: { body: 'Which cluster?', visibility: 'comment' },
    });
    const [item] = await client.getPendingApprovals();
    expect(item.record.kind).toBe('request');
  });

  it("surfaces the server's 400 that names the parameter", async () => {
    server.use(
      http.post(`${BASE_URL}/requests`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'parameters.size must be one of: small, medium, large',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await makeClient()
      .createRequest({
        offeringRef: 'serviceoffering:default/new-postgres-database',
        parameters: { size: 'huge' },
      })
      .catch(e => e);
    expect(errorMessage(error)).toBe(
      'parameters.size must be one of: small, medium, large (400)',
    );
  });
});
