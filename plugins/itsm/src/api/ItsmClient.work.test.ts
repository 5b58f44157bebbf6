import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { BASE_URL, makeClient, makeMyWork } from '../__testUtils__/fixtures';
import { errorMessage } from './errors';

describe('ItsmClient, my work', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("reads the caller's queues with their counts", async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${BASE_URL}/my-work`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(`${request.method} ${url.pathname}${url.search}`);
        return HttpResponse.json(makeMyWork());
      }),
    );
    const work = await makeClient().getMyWork();
    expect(seen).toEqual(['GET /api/itsm/my-work']);
    expect(work.assignedToMe).toEqual({
      incident: 2,
      change: 0,
      request: 0,
      problem: 1,
    });
    expect(work.myGroups.change).toBe(3);
    expect(work.awaitingMyApproval).toBe(1);
    expect(work.toFulfil).toBe(4);
    expect(work.breachingSoon).toBe(3);
    expect(work.horizonHours).toBe(4);
    expect(work.groups).toEqual(['group:default/sre']);
  });

  it("rejects with the server's reason", async () => {
    server.use(
      http.get(`${BASE_URL}/my-work`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Not signed in' },
            request: { method: 'GET', url: '/api/itsm/my-work' },
            response: { statusCode: 401 },
          },
          { status: 401 },
        ),
      ),
    );
    const error = await makeClient()
      .getMyWork()
      .catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('Not signed in (401)');
  });
});
