import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  BASE_URL,
  makeBlastRadius,
  makeClient,
  makeIncident,
  makeMajorBanner,
} from '../__testUtils__/fixtures';

describe('ItsmClient, major incidents and blast radius', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const calls: Array<[string, string, unknown]> = [];
  const record =
    (response: Parameters<typeof HttpResponse.json>[0], status = 200) =>
    async ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      calls.push([
        request.method,
        `${url.pathname.replace('/api/itsm', '')}${url.search}`,
        ['GET', 'DELETE'].includes(request.method)
          ? undefined
          : await request.json(),
      ]);
      return HttpResponse.json(response, { status });
    };
  beforeEach(() => {
    calls.length = 0;
  });

  it('reads the blast radius of incidents, changes and problems', async () => {
    server.use(
      http.get(
        `${BASE_URL}/incidents/INC-000001/impact`,
        record(makeBlastRadius()),
      ),
      http.get(
        `${BASE_URL}/changes/CHG-000003/impact`,
        record(makeBlastRadius()),
      ),
      http.get(
        `${BASE_URL}/problems/PRB-000012/impact`,
        record(makeBlastRadius({ truncated: true })),
      ),
    );
    const client = makeClient();
    expect(
      (await client.getImpact('incident', 'INC-000001')).impacted,
    ).toHaveLength(2);
    await client.getImpact('change', 'CHG-000003');
    expect((await client.getImpact('problem', 'PRB-000012')).truncated).toBe(
      true,
    );
    expect(calls.map(([method, path]) => `${method} ${path}`)).toEqual([
      'GET /incidents/INC-000001/impact',
      'GET /changes/CHG-000003/impact',
      'GET /problems/PRB-000012/impact',
    ]);
  });

  it('decides, links and unlinks children, posts updates and lists banners', async () => {
    const entry = {
      id: 't9',
      recordId: 'r',
      seq: 9,
      type: 'stakeholder_update',
      actor: 'user:default/alice',
      at: new Date().toISOString(),
      body: 'Failover done',
    };
    server.use(
      http.post(
        `${BASE_URL}/incidents/INC-000001/major`,
        record(makeIncident()),
      ),
      http.get(
        `${BASE_URL}/incidents/INC-000001/children`,
        record({ items: [] }),
      ),
      http.post(
        `${BASE_URL}/incidents/INC-000001/children`,
        record(makeIncident({ number: 'INC-000002', parent: 'INC-000001' })),
      ),
      http.delete(
        `${BASE_URL}/incidents/INC-000001/children/INC-000002`,
        record(makeIncident({ number: 'INC-000002' })),
      ),
      http.post(
        `${BASE_URL}/incidents/INC-000001/stakeholder-updates`,
        record(entry, 201),
      ),
      http.get(
        `${BASE_URL}/major-incidents`,
        record({ items: [makeMajorBanner()] }),
      ),
    );
    const client = makeClient();
    await client.decideMajorIncident('INC-000001', {
      action: 'propose',
      reason: 'All checkouts fail',
    });
    expect(await client.listChildIncidents('INC-000001')).toEqual([]);
    expect(
      (await client.linkChildIncident('INC-000001', 'INC-000002')).parent,
    ).toBe('INC-000001');
    await client.unlinkChildIncident('INC-000001', 'INC-000002');
    expect(
      (await client.postStakeholderUpdate('INC-000001', 'Failover done')).type,
    ).toBe('stakeholder_update');
    expect(
      (await client.listMajorIncidents('component:default/payments'))[0].number,
    ).toBe('INC-000001');
    expect(await client.listMajorIncidents()).toHaveLength(1);
    expect(calls).toEqual([
      [
        'POST',
        '/incidents/INC-000001/major',
        { action: 'propose', reason: 'All checkouts fail' },
      ],
      ['GET', '/incidents/INC-000001/children', undefined],
      ['POST', '/incidents/INC-000001/children', { incident: 'INC-000002' }],
      ['DELETE', '/incidents/INC-000001/children/INC-000002', undefined],
      [
        'POST',
        '/incidents/INC-000001/stakeholder-updates',
        { body: 'Failover done' },
      ],
      [
        'GET',
        '/major-incidents?entityRef=component%3Adefault%2Fpayments',
        undefined,
      ],
      ['GET', '/major-incidents', undefined],
    ]);
  });
});
