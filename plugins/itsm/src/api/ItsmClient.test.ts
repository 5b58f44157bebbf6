import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { BASE_URL, makeClient, makeIncident } from '../__testUtils__/fixtures';
import { incidentListQuery } from './ItsmClient';
import { errorMessage } from './errors';

describe('ItsmClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('builds list queries with repeated array params', () => {
    expect(
      incidentListQuery({
        entityRef: 'component:default/payments',
        state: ['new', 'on_hold'],
        priority: ['P1'],
        assignmentGroup: ['group:default/a', 'group:default/b'],
        limit: 20,
        cursor: 'abc',
      }),
    ).toBe(
      '?entityRef=component%3Adefault%2Fpayments&state=new&state=on_hold&priority=P1' +
        '&assignmentGroup=group%3Adefault%2Fa&assignmentGroup=group%3Adefault%2Fb&limit=20&cursor=abc',
    );
    // `open` is dropped when states are given, as the server would ignore it.
    expect(incidentListQuery({ open: true, state: ['resolved'] })).toBe(
      '?state=resolved',
    );
    expect(incidentListQuery({ open: true })).toBe('?open=true');
    expect(incidentListQuery({})).toBe('');
  });

  it('lists incidents with the filter as query', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [makeIncident()], nextCursor: 'n1' });
      }),
    );
    const page = await makeClient().listIncidents({
      assignee: 'user:default/alice',
      open: true,
    });
    expect(page.items.map(i => i.number)).toEqual(['INC-000001']);
    expect(page.nextCursor).toBe('n1');
    expect(url?.searchParams.get('assignee')).toBe('user:default/alice');
    expect(url?.searchParams.get('open')).toBe('true');
  });

  it('posts transitions with the version to the id', async () => {
    let body: unknown;
    server.use(
      http.post(
        `${BASE_URL}/incidents/INC-000001/transitions`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(
            makeIncident({ state: 'in_progress', version: 8 }),
          );
        },
      ),
    );
    const incident = await makeClient().transitionIncident('INC-000001', {
      version: 7,
      to: 'in_progress',
    });
    expect(body).toEqual({ version: 7, to: 'in_progress' });
    expect(incident.version).toBe(8);
  });

  it('returns the timeline items', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/INC-000001/timeline`, () =>
        HttpResponse.json({
          items: [
            {
              id: 't1',
              recordId: 'r',
              seq: 1,
              type: 'created',
              actor: 'user:default/bob',
              at: '2025-01-01T00:00:00Z',
            },
          ],
        }),
      ),
    );
    const timeline = await makeClient().getTimeline('INC-000001');
    expect(timeline.map(e => e.type)).toEqual(['created']);
  });

  it('maps Backstage error bodies to ResponseErrors with the server message', async () => {
    server.use(
      http.patch(`${BASE_URL}/incidents/INC-000001`, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'version is stale' },
            request: { method: 'PATCH', url: '/api/itsm/incidents/INC-000001' },
            response: { statusCode: 409 },
          },
          { status: 409, statusText: 'Conflict' },
        ),
      ),
    );
    const error = await makeClient()
      .updateIncident('INC-000001', { version: 1, title: 'x' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.cause.name).toBe('ConflictError');
    expect(errorMessage(error)).toBe('version is stale (409)');
  });

  it('keeps an error without a Backstage body readable', async () => {
    server.use(
      http.get(
        `${BASE_URL}/incidents/INC-404`,
        () =>
          new HttpResponse('gateway down', {
            status: 502,
            statusText: 'Bad Gateway',
          }),
      ),
    );
    const error = await makeClient()
      .getIncident('INC-404')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(502);
    expect(errorMessage(error)).toContain('502');
  });
});
