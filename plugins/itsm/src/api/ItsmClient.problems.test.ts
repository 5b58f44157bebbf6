import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  makeCandidate,
  makeCandidates,
  makeClient,
  makeKnownError,
  makeProblem,
  makeProblemKpis,
  PROBLEM_ID,
} from '../__testUtils__/fixtures';
import { knownErrorsQuery, problemListQuery } from './ItsmClient';
import { errorMessage } from './errors';

describe('ItsmClient, problems', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('builds problem list and known error queries', () => {
    expect(
      problemListQuery({
        entityRef: 'component:default/payments',
        state: ['new', 'assess'],
        knownError: true,
        priority: ['P1', 'P2'],
        assignmentGroup: ['group:default/sre'],
        limit: 20,
      }),
    ).toBe(
      '?entityRef=component%3Adefault%2Fpayments&state=new&state=assess&knownError=true' +
        '&priority=P1&priority=P2&assignmentGroup=group%3Adefault%2Fsre&limit=20',
    );
    // Not known errors is a filter too; no value is none.
    expect(problemListQuery({ open: true, knownError: false })).toBe(
      '?open=true&knownError=false',
    );
    expect(problemListQuery({})).toBe('');
    expect(knownErrorsQuery('component:default/payments')).toBe(
      '?entityRef=component%3Adefault%2Fpayments',
    );
    expect(
      knownErrorsQuery('component:default/payments', { dependencies: false }),
    ).toBe('?entityRef=component%3Adefault%2Fpayments&dependencies=false');
  });

  it('lists, opens, edits, moves and comments on problems', async () => {
    const calls: Array<[string, string, unknown]> = [];
    const record =
      (status = 200) =>
      async ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        calls.push([
          request.method,
          `${url.pathname.replace('/api/itsm', '')}${url.search}`,
          request.method === 'GET' ? undefined : await request.json(),
        ]);
        return HttpResponse.json(makeProblem(), { status });
      };
    server.use(
      http.get(`${BASE_URL}/problems`, async args => {
        await record()(args);
        return HttpResponse.json({ items: [makeProblem()] });
      }),
      http.post(`${BASE_URL}/problems`, record(201)),
      http.get(`${BASE_URL}/problems/PRB-000012`, record()),
      http.patch(`${BASE_URL}/problems/${PROBLEM_ID}`, record()),
      http.post(`${BASE_URL}/problems/${PROBLEM_ID}/transitions`, record()),
      http.post(`${BASE_URL}/problems/${PROBLEM_ID}/comments`, record(201)),
      http.get(`${BASE_URL}/problems/PRB-000012/timeline`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    const client = makeClient();
    const page = await client.listProblems({ knownError: true, open: true });
    expect(page.items[0].number).toBe('PRB-000012');
    await client.createProblem({
      title: 'Pool exhaustion',
      entityRef: 'component:default/payments',
      impact: 1,
      urgency: 2,
      incidents: ['INC-000009', 'INC-000008'],
    });
    expect((await client.getProblem('PRB-000012')).kind).toBe('problem');
    await client.updateProblem(PROBLEM_ID, {
      version: 3,
      workaround: 'Restart',
      knownError: true,
    });
    await client.transitionProblem(PROBLEM_ID, {
      version: 4,
      to: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Pool resized by CHG-000003',
    });
    await client.addProblemComment(PROBLEM_ID, {
      body: 'Seen again',
      visibility: 'work_note',
    });
    expect(await client.getProblemTimeline('PRB-000012')).toEqual([]);
    expect(calls).toEqual([
      ['GET', '/problems?open=true&knownError=true', undefined],
      [
        'POST',
        '/problems',
        {
          title: 'Pool exhaustion',
          entityRef: 'component:default/payments',
          impact: 1,
          urgency: 2,
          incidents: ['INC-000009', 'INC-000008'],
        },
      ],
      ['GET', '/problems/PRB-000012', undefined],
      [
        'PATCH',
        `/problems/${PROBLEM_ID}`,
        { version: 3, workaround: 'Restart', knownError: true },
      ],
      [
        'POST',
        `/problems/${PROBLEM_ID}/transitions`,
        {
          version: 4,
          to: 'resolved',
          resolutionCode: 'fixed',
          resolutionNotes: 'Pool resized by CHG-000003',
        },
      ],
      [
        'POST',
        `/problems/${PROBLEM_ID}/comments`,
        { body: 'Seen again', visibility: 'work_note' },
      ],
    ]);
  });

  it('reads, links and unlinks incidents, and reads the fix changes', async () => {
    const linked: unknown[] = [];
    let unlinked: { path: string; body: string } | undefined;
    server.use(
      http.get(`${BASE_URL}/problems/PRB-000012/incidents`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'i',
              number: 'INC-000009',
              title: 'Checkout 500',
              state: 'on_hold',
              priority: 'P2',
            },
          ],
        }),
      ),
      http.post(
        `${BASE_URL}/problems/${PROBLEM_ID}/incidents`,
        async ({ request }) => {
          linked.push(await request.json());
          return HttpResponse.json(makeProblem({ incidentCount: 3 }));
        },
      ),
      http.delete(
        `${BASE_URL}/problems/${PROBLEM_ID}/incidents/:incident`,
        async ({ request, params }) => {
          unlinked = {
            path: String(params.incident),
            body: await request.text(),
          };
          return HttpResponse.json(makeProblem({ incidentCount: 1 }));
        },
      ),
      http.get(`${BASE_URL}/problems/PRB-000012/changes`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'c',
              number: 'CHG-000003',
              title: 'Fix: pool',
              state: 'closed',
              closeCode: 'successful',
            },
          ],
        }),
      ),
    );
    const client = makeClient();
    expect(
      (await client.getProblemIncidents('PRB-000012')).map(i => i.number),
    ).toEqual(['INC-000009']);
    expect(
      (await client.linkProblemIncident(PROBLEM_ID, 'INC-000010'))
        .incidentCount,
    ).toBe(3);
    expect(linked).toEqual([{ incident: 'INC-000010' }]);
    expect(
      (await client.unlinkProblemIncident(PROBLEM_ID, 'INC-000009'))
        .incidentCount,
    ).toBe(1);
    // A DELETE without a body.
    expect(unlinked).toEqual({ path: 'INC-000009', body: '' });
    expect(await client.getProblemChanges('PRB-000012')).toEqual([
      {
        id: 'c',
        number: 'CHG-000003',
        title: 'Fix: pool',
        state: 'closed',
        closeCode: 'successful',
      },
    ]);
  });

  it('surfaces the 409 of an incident linked to another problem', async () => {
    server.use(
      http.post(`${BASE_URL}/problems/${PROBLEM_ID}/incidents`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message:
                'INC-000010 is already linked to PRB-000003; unlink it there first',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    const error = await makeClient()
      .linkProblemIncident(PROBLEM_ID, 'INC-000010')
      .catch(e => e);
    expect(errorMessage(error)).toBe(
      'INC-000010 is already linked to PRB-000003; unlink it there first (409)',
    );
  });

  it('reads known errors, problem candidates and KPIs, for a CI or everything', async () => {
    const queries: Record<string, string[]> = {};
    const remember = (name: string, request: Request) => {
      queries[name] = [...(queries[name] ?? []), new URL(request.url).search];
    };
    server.use(
      http.get(`${BASE_URL}/known-errors`, ({ request }) => {
        remember('knownErrors', request);
        return HttpResponse.json({ items: [makeKnownError()] });
      }),
      http.get(`${BASE_URL}/problem-candidates`, ({ request }) => {
        remember('candidates', request);
        return HttpResponse.json(makeCandidates([makeCandidate()]));
      }),
      http.get(`${BASE_URL}/problem-kpis`, ({ request }) => {
        remember('kpis', request);
        return HttpResponse.json(makeProblemKpis());
      }),
    );
    const client = makeClient();
    const ref = 'component:default/payments';
    expect((await client.listKnownErrors(ref))[0].workaround).toBe(
      'Restart the payments pods after a failover',
    );
    await client.listKnownErrors(ref, { dependencies: false });
    const candidates = await client.listProblemCandidates(ref);
    expect(candidates.minIncidents).toBe(3);
    expect(candidates.items[0].incidents).toHaveLength(3);
    await client.listProblemCandidates();
    expect((await client.getProblemKpis(ref)).openProblems).toBe(4);
    expect((await client.getProblemKpis()).linkedIncidentShare).toBe(0.25);
    const encoded = '?entityRef=component%3Adefault%2Fpayments';
    expect(queries).toEqual({
      knownErrors: [encoded, `${encoded}&dependencies=false`],
      candidates: [encoded, ''],
      kpis: [encoded, ''],
    });
  });
});
