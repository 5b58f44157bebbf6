import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { SlaTimerSummary } from '@backstage-itsm/plugin-itsm-common';
import { renderRoute } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeBreachedSummary,
  makeComplianceReport,
  makeSlaSummary,
  makeTimerSummary,
} from '../../__testUtils__/fixtures';
import { ItsmPage } from '../ItsmPage';

/** What the server would answer for a timers query: the timers of its statuses. */
function timersFor(query: URLSearchParams): SlaTimerSummary[] {
  const statuses = query.getAll('status');
  const all = [
    makeBreachedSummary(),
    makeTimerSummary(),
    makeTimerSummary({
      recordId: 'r-met',
      number: 'REQ-000007',
      kind: 'request',
      title: 'Kafka topic for refunds',
      state: 'fulfilled',
      status: 'met',
      elapsed: 2 * 3600_000,
      stoppedAt: new Date().toISOString(),
      dueAt: null,
    }),
  ];
  return all.filter(t => statuses.length === 0 || statuses.includes(t.status));
}

describe('ITSM page, SLA view', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let complianceQueries: URLSearchParams[];
  let timerQueries: URLSearchParams[];
  let summaryQueries: URLSearchParams[];

  beforeEach(() => {
    complianceQueries = [];
    timerQueries = [];
    summaryQueries = [];
    server.use(
      http.get(`${BASE_URL}/sla/summary`, ({ request }) => {
        summaryQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json(makeSlaSummary());
      }),
      http.get(`${BASE_URL}/sla/compliance`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        complianceQueries.push(query);
        return HttpResponse.json(
          query.get('groupBy') === 'system'
            ? makeComplianceReport({
                groupBy: 'system',
                days: Number(query.get('days')),
                rows: [
                  {
                    key: 'system:default/payments',
                    met: 3,
                    breached: 1,
                    compliance: 0.75,
                    openBreaches: 1,
                    atRisk: 0,
                    mttaMs: 60_000,
                    mttrMs: 90_000_000,
                  },
                ],
                changeSuccess: [
                  {
                    key: 'system:default/payments',
                    closed: 3,
                    successful: 3,
                    successfulWithIssues: 0,
                    unsuccessful: 0,
                    backedOut: 0,
                    successRate: 1,
                  },
                ],
              })
            : makeComplianceReport(),
        );
      }),
      http.get(`${BASE_URL}/sla/timers`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        timerQueries.push(query);
        return HttpResponse.json({ items: timersFor(query) });
      }),
    );
  });

  const render = (entry = '/itsm/sla') =>
    renderRoute('/itsm/*', <ItsmPage />, entry);

  /** The body rows of a section's table, as text. */
  const rowsOf = (section: HTMLElement) =>
    within(section)
      .getAllByRole('row')
      .slice(1)
      .map(row => row.textContent);

  it("shows the organisation's compliance and trend, compliance by group worst first, and what needs attention", async () => {
    await render();
    expect(screen.getByRole('tab', { name: 'SLA' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const organisation = await screen.findByRole('region', {
      name: 'Organisation',
    });
    const compliance30 = await within(organisation).findByRole('group', {
      name: 'Compliance, 30 days',
    });
    expect(within(compliance30).getByText('92%')).toBeInTheDocument();
    expect(
      within(organisation).getByRole('group', { name: 'MTTR' }),
    ).toHaveTextContent('5h 30m');
    expect(
      within(organisation).getByRole('img', {
        name: /^SLA compliance per week, .*; latest: Week of .*: 90% \(9 met, 1 breached\)$/,
      }),
    ).toBeInTheDocument();
    // The whole organisation: no scope.
    expect(summaryQueries[0].toString()).toBe('');

    const compliance = screen.getByRole('region', { name: 'Compliance' });
    expect(
      await within(compliance).findByText('Compliance by group, last 30 days'),
    ).toBeInTheDocument();
    await within(compliance).findByRole('button', { name: 'payments-team' });
    // The server's order: the worst first; the records without a group last.
    const rows = rowsOf(compliance);
    expect(rows).toHaveLength(3);
    // Name, compliance, met, breached, open breaches, at risk, MTTA, MTTR.
    expect(rows[0]).toBe('payments-team60%642120m6h');
    expect(rows[1]).toBe('team-storefront95%191005m2h');
    expect(rows[2]).toBe('No group—0000——');
    expect(complianceQueries[0].get('groupBy')).toBe('group');
    expect(complianceQueries[0].get('days')).toBe('30');

    // What needs attention: open timers breached or at risk.
    const timers = screen.getByRole('region', { name: 'SLA timers' });
    const breached = await within(timers).findByRole('row', {
      name: /INC-000002.*Checkout times out/,
    });
    expect(within(breached).getByTestId('sla-status-breached')).toBeVisible();
    expect(
      within(breached).getByRole('link', { name: 'INC-000002' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000002');
    const atRisk = within(timers).getByRole('row', { name: /INC-000001/ });
    expect(within(atRisk).getByTestId('sla-status-at_risk')).toBeVisible();
    expect(timerQueries[0].getAll('status')).toEqual(['breached', 'at_risk']);
    expect(timerQueries[0].get('open')).toBe('true');

    // Change success by the same grouping.
    const changes = screen.getByRole('region', { name: 'Change success rate' });
    expect(rowsOf(changes)).toEqual(['payments-team75%42101']);
  });

  it("drills down from a group's row to its breached records, and from its open breaches count to those", async () => {
    await render();
    const compliance = screen.getByRole('region', { name: 'Compliance' });
    await userEvent.click(
      await within(compliance).findByRole('button', { name: 'payments-team' }),
    );
    const timers = screen.getByRole('region', { name: 'SLA timers' });
    expect(
      await within(timers).findByText(
        'SLA timers of payments-team: breached in the period',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(timerQueries[timerQueries.length - 1].get('group')).toBe(
        'group:default/payments-team',
      ),
    );
    let query = timerQueries[timerQueries.length - 1];
    expect(query.getAll('status')).toEqual(['breached']);
    expect(query.get('days')).toBe('30');
    expect(query.get('open')).toBeNull();
    const row = await within(timers).findByRole('row', { name: /INC-000002/ });
    expect(
      within(row).getByRole('link', { name: 'INC-000002' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000002');
    expect(
      within(timers).queryByRole('row', { name: /INC-000001/ }),
    ).toBeNull();

    await userEvent.click(
      within(compliance).getByRole('button', {
        name: '2 open breaches of payments-team',
      }),
    );
    expect(
      await within(timers).findByText(
        'SLA timers of payments-team: breached, open',
      ),
    ).toBeInTheDocument();
    query = timerQueries[timerQueries.length - 1];
    expect(query.getAll('status')).toEqual(['breached']);
    expect(query.get('open')).toBe('true');
    expect(query.get('group')).toBe('group:default/payments-team');

    // The whole organisation again.
    await userEvent.click(
      within(timers).getByRole('button', { name: 'Show every group' }),
    );
    expect(
      await within(timers).findByText('SLA timers: breached, open'),
    ).toBeInTheDocument();
    expect(timerQueries[timerQueries.length - 1].get('group')).toBeNull();
  });

  it('drills down by a click anywhere on the row', async () => {
    await render();
    const compliance = screen.getByRole('region', { name: 'Compliance' });
    const row = await within(compliance).findByRole('row', {
      name: /^team-storefront/,
    });
    await userEvent.click(within(row).getByText('95%'));
    const timers = screen.getByRole('region', { name: 'SLA timers' });
    expect(
      await within(timers).findByText(
        'SLA timers of team-storefront: breached in the period',
      ),
    ).toBeInTheDocument();
    expect(timerQueries[timerQueries.length - 1].get('group')).toBe(
      'group:default/team-storefront',
    );
  });

  it('shows met timers of the period on request', async () => {
    await render();
    const timers = screen.getByRole('region', { name: 'SLA timers' });
    await within(timers).findByRole('row', { name: /INC-000002/ });
    await userEvent.selectOptions(
      within(timers).getByRole('combobox', { name: 'Show' }),
      'Met in the period',
    );
    const met = await within(timers).findByRole('row', { name: /REQ-000007/ });
    expect(within(met).getByTestId('sla-status-met')).toHaveTextContent('Met');
    expect(
      within(met).getByRole('link', { name: 'REQ-000007' }),
    ).toHaveAttribute('href', '/itsm/requests/REQ-000007');
    expect(
      within(timers).queryByRole('row', { name: /INC-000002/ }),
    ).toBeNull();
    const query = timerQueries[timerQueries.length - 1];
    expect(query.getAll('status')).toEqual(['met']);
    expect(query.get('days')).toBe('30');
  });

  it('groups by system over 90 days, and sorts by a column', async () => {
    await render();
    const compliance = screen.getByRole('region', { name: 'Compliance' });
    await within(compliance).findByRole('button', { name: 'payments-team' });

    // Sorted by name on request (the server's order is worst first).
    await userEvent.click(within(compliance).getByText('Group'));
    expect(rowsOf(compliance).map(row => row?.slice(0, 8))).toEqual([
      'No group',
      'payments',
      'team-sto',
    ]);

    await userEvent.click(
      within(compliance).getByRole('button', { name: 'By system' }),
    );
    await userEvent.selectOptions(
      within(compliance).getByRole('combobox', { name: 'Period' }),
      'Last 90 days',
    );
    expect(
      await within(compliance).findByText('Compliance by system, last 90 days'),
    ).toBeInTheDocument();
    expect(
      await within(compliance).findByRole('button', {
        name: 'payments',
      }),
    ).toBeInTheDocument();
    const last = complianceQueries[complianceQueries.length - 1];
    expect(last.get('groupBy')).toBe('system');
    expect(last.get('days')).toBe('90');
    const changes = screen.getByRole('region', { name: 'Change success rate' });
    expect(
      within(changes).getByText('Change success rate by system, last 90 days'),
    ).toBeInTheDocument();
    expect(rowsOf(changes)).toEqual(['payments100%33000']);

    // A system's drill-down filters by system.
    await userEvent.click(
      within(compliance).getByRole('button', { name: 'payments' }),
    );
    await waitFor(() =>
      expect(timerQueries[timerQueries.length - 1].get('system')).toBe(
        'system:default/payments',
      ),
    );
    expect(timerQueries[timerQueries.length - 1].get('days')).toBe('90');
  });

  it("shows the server's error instead of the report", async () => {
    server.use(
      http.get(`${BASE_URL}/sla/compliance`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'not allowed' },
            request: { method: 'GET', url: '/api/itsm/sla/compliance' },
            response: { statusCode: 403 },
          },
          { status: 403, statusText: 'Forbidden' },
        ),
      ),
    );
    await render();
    const compliance = screen.getByRole('region', { name: 'Compliance' });
    expect(
      (await within(compliance).findAllByText(/not allowed/)).length,
    ).toBeGreaterThan(0);
    expect(within(compliance).queryByRole('table')).toBeNull();
  });
});
