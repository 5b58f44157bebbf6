import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  BASE_URL,
  makeClient,
  makeComplianceReport,
  makeRecordSla,
  makeSlaSummary,
  makeTimerSummary,
} from '../__testUtils__/fixtures';
import {
  slaComplianceQuery,
  slaSummaryQuery,
  slaTimersQuery,
} from './ItsmClient';
import { errorMessage } from './errors';

describe('ItsmClient, SLA', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('builds the SLA queries: refs encoded, statuses repeated, nothing for the organisation', () => {
    expect(slaSummaryQuery()).toBe('');
    expect(slaSummaryQuery({ entityRef: 'component:default/payments' })).toBe(
      '?entityRef=component%3Adefault%2Fpayments',
    );
    expect(
      slaSummaryQuery({
        group: 'group:default/payments-team',
        system: 'system:default/payments',
      }),
    ).toBe(
      '?group=group%3Adefault%2Fpayments-team&system=system%3Adefault%2Fpayments',
    );
    expect(slaComplianceQuery()).toBe('');
    expect(slaComplianceQuery({ groupBy: 'system', days: 90 })).toBe(
      '?groupBy=system&days=90',
    );
    expect(
      slaTimersQuery({
        status: ['breached', 'at_risk'],
        group: 'group:default/payments-team',
        days: 30,
        open: true,
        limit: 20,
        cursor: 'c1',
      }),
    ).toBe(
      '?status=breached&status=at_risk&group=group%3Adefault%2Fpayments-team' +
        '&days=30&open=true&limit=20&cursor=c1',
    );
    expect(slaTimersQuery({ open: false })).toBe('');
  });

  it("reads a record's SLA from its kind's collection", async () => {
    const paths: string[] = [];
    server.use(
      http.get(`${BASE_URL}/:kind/:id/sla`, ({ request }) => {
        paths.push(new URL(request.url).pathname);
        return HttpResponse.json(makeRecordSla());
      }),
    );
    const client = makeClient();
    const sla = await client.getRecordSla('incident', 'INC-000001');
    expect(sla.policy?.name).toBe('P1 incidents, around the clock');
    expect(sla.timers.map(t => t.metric)).toEqual(['response', 'resolution']);
    await client.getRecordSla('change', 'CHG-000003');
    await client.getRecordSla('request', 'REQ 5/x');
    expect(paths).toEqual([
      '/api/itsm/incidents/INC-000001/sla',
      '/api/itsm/changes/CHG-000003/sla',
      '/api/itsm/requests/REQ%205%2Fx/sla',
    ]);
  });

  it('reads the summary, the compliance report and a page of timers', async () => {
    const searches: Record<string, string> = {};
    server.use(
      http.get(`${BASE_URL}/sla/summary`, ({ request }) => {
        searches.summary = new URL(request.url).search;
        return HttpResponse.json(makeSlaSummary());
      }),
      http.get(`${BASE_URL}/sla/compliance`, ({ request }) => {
        searches.compliance = new URL(request.url).search;
        return HttpResponse.json(makeComplianceReport());
      }),
      http.get(`${BASE_URL}/sla/timers`, ({ request }) => {
        searches.timers = new URL(request.url).search;
        return HttpResponse.json({
          items: [makeTimerSummary()],
          nextCursor: 'n2',
        });
      }),
    );
    const client = makeClient();
    const summary = await client.getSlaSummary({
      entityRef: 'component:default/payments',
    });
    expect(summary.compliance30.compliance).toBeCloseTo(0.92);
    expect(summary.trend).toHaveLength(13);
    const report = await client.getSlaCompliance({
      groupBy: 'group',
      days: 30,
    });
    expect(report.rows[0].key).toBe('group:default/payments-team');
    const page = await client.listSlaTimers({
      status: ['breached'],
      system: 'system:default/payments',
    });
    expect(page.items[0].number).toBe('INC-000001');
    expect(page.nextCursor).toBe('n2');
    expect(searches).toEqual({
      summary: '?entityRef=component%3Adefault%2Fpayments',
      compliance: '?groupBy=group&days=30',
      timers: '?status=breached&system=system%3Adefault%2Fpayments',
    });
  });

  it("surfaces the server's message of a failed SLA call", async () => {
    server.use(
      http.get(`${BASE_URL}/sla/compliance`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'days must be <= 366',
            },
            request: { method: 'GET', url: '/api/itsm/sla/compliance' },
            response: { statusCode: 400 },
          },
          { status: 400, statusText: 'Bad Request' },
        ),
      ),
    );
    const error = await makeClient()
      .getSlaCompliance({ days: 999 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(errorMessage(error)).toBe('days must be <= 366 (400)');
  });
});
