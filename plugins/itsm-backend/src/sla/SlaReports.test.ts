import { READ_EVERY_KIND } from '../permissions/toKnex';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { CatalogCis } from '../catalog/CatalogCis';
import { IncidentService } from '../incidents/IncidentService';
import { IncidentStore } from '../incidents/IncidentStore';
import { RecordStore } from '../records/RecordStore';
import { testEntities } from '../__testUtils__/catalog';
import { createTestChangeService } from '../__testUtils__/services';
import { testSlaPolicies } from '../__testUtils__/sla';
import { aliceInBothTeams as alice } from '../__testUtils__/users';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SlaClock } from './SlaClock';
import { SlaMonitor } from './SlaMonitor';
import { SlaReports, VisibleRecords } from './SlaReports';
import { SlaTimerStore } from './SlaTimerStore';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

const M = 60_000;
const H = 60 * M;
const T0 = new Date('2026-11-23T09:00:00.000Z');
const everything: VisibleRecords = READ_EVERY_KIND;
const cis = new CatalogCis(catalogServiceMock({ entities: testEntities }));
const systemsOf = (refs: string[]) => cis.systemsOf(refs, alice.credentials);

describe.each(ids)('SLA reports on %s', databaseId => {
  let knex: Knex;
  let now: Date;
  let reports: SlaReports;
  const numbers: Record<string, string> = {};

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    now = T0;
    const clock = () => now;
    const records = new RecordStore(knex);
    const timers = new SlaTimerStore(
      records,
      new SlaClock(testSlaPolicies),
    ).attach();
    const incidents = new IncidentService({
      records,
      incidents: new IncidentStore(records),
      cis,
      now: clock,
    });
    const raise = (entityRef: string) =>
      incidents.create(
        { title: `Down: ${entityRef}`, entityRef, impact: 1, urgency: 1 },
        alice,
      );
    // A: acknowledged after 5 min, resolved after 1 h — both met.
    const a = await raise('component:default/payments-api');
    now = new Date(T0.getTime() + 5 * M);
    const working = await incidents.transition(
      a.id,
      { version: a.version, to: 'in_progress' },
      alice,
    );
    now = new Date(T0.getTime() + 1 * H);
    await incidents.transition(
      a.id,
      {
        version: working.version,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'fixed',
      },
      alice,
    );
    // B: untouched on tier-1 — response breached, resolution at risk by the end.
    now = T0;
    const b = await raise('component:default/payments-api');
    // C: untouched, office hours (no tier) — response at risk by the end.
    const c = await raise('component:default/checkout-web');
    Object.assign(numbers, { a: a.number, b: b.number, c: c.number });

    // Two standard changes closed: one successful, one backed out.
    const changes = createTestChangeService(knex, { now: clock });
    const plans = {
      implementationPlan: 'pipeline',
      backoutPlan: 'roll back',
      testPlan: 'smoke tests',
      plannedStart: '2026-11-23T10:00:00Z',
      plannedEnd: '2026-11-23T10:30:00Z',
    };
    for (const [entityRef, closeCode] of [
      ['component:default/payments-api', 'successful'],
      ['component:default/cart-service', 'backed_out'],
    ]) {
      let change = await changes.create(
        { title: 'Deploy', entityRef, type: 'standard', risk: 'low', ...plans },
        alice,
      );
      for (const to of ['scheduled', 'implement', 'review']) {
        change = await changes.transition(
          change.id,
          { version: change.version, to: to as any },
          alice,
        );
      }
      await changes.transition(
        change.id,
        { version: change.version, to: 'closed', closeCode: closeCode as any },
        alice,
      );
    }

    now = new Date(T0.getTime() + 2 * H + 30 * M);
    await new SlaMonitor({ records, timers, now: clock }).sweep();
    reports = new SlaReports(records, { now: clock });
  });

  it('summarises compliance, open breaches, at-risk timers, MTTA, MTTR and the weekly trend', async () => {
    const summary = await reports.summary(everything, {});
    expect(summary.compliance30).toEqual({
      met: 2,
      breached: 1,
      compliance: 2 / 3,
    });
    expect(summary.compliance90).toEqual(summary.compliance30);
    expect(
      summary.openBreaches.map(t => [t.number, t.metric, t.status]),
    ).toEqual([[numbers.b, 'response', 'breached']]);
    expect(summary.openBreaches[0].breachedAt).toBe('2026-11-23T09:15:00.000Z');
    expect([summary.openBreachCount, summary.atRiskCount]).toEqual([1, 2]);
    expect(summary.atRisk.map(t => `${t.number}/${t.metric}`).sort()).toEqual(
      [`${numbers.b}/resolution`, `${numbers.c}/response`].sort(),
    );
    expect(summary.mttaMs).toBe(5 * M);
    expect(summary.mttrMs).toBe(1 * H);
    expect(summary.trend).toHaveLength(13);
    expect(summary.trend[12]).toEqual({
      weekStart: '2026-11-23T00:00:00.000Z',
      met: 2,
      breached: 1,
      compliance: 2 / 3,
    });
    expect(summary.trend[0].weekStart).toBe('2026-08-31T00:00:00.000Z');
  });

  it('narrows to an entity, a group or a system', async () => {
    const web = await reports.summary(everything, {
      entityRef: 'component:default/checkout-web',
    });
    expect(web.compliance30.compliance).toBeNull();
    expect(web.atRisk.map(t => t.number)).toEqual([numbers.c]);

    const platform = await reports.summary(everything, {
      group: 'group:default/platform',
    });
    expect(platform.openBreaches).toEqual([]);

    const payments = await reports.summary(everything, {
      primaryCis: await cis.partsOf(
        'system:default/payments',
        alice.credentials,
      ),
    });
    expect(payments.compliance30.breached).toBe(1);
    expect(payments.atRisk.map(t => t.number)).toEqual([numbers.b]);
  });

  it('counts only the records the caller may read', async () => {
    const summary = await reports.summary(
      { ...everything, incident: null },
      {},
    );
    expect(summary.compliance30).toEqual({
      met: 0,
      breached: 0,
      compliance: null,
    });
    expect(summary.openBreaches).toEqual([]);
    const own = await reports.list(
      {
        ...everything,
        // What IS_IN_ASSIGNMENT_GROUP becomes for a member of platform.
        incident: {
          column: 'assignment_group',
          values: ['group:default/platform'],
        },
      },
      {},
      { limit: 10 },
    );
    expect(new Set(own.items.map(t => t.number))).toEqual(new Set([numbers.c]));
  });

  it('reports compliance by group and by system, worst first, with the change success rate', async () => {
    const byGroup = await reports.compliance(
      everything,
      'group',
      30,
      systemsOf,
    );
    expect(
      byGroup.rows.map(r => [
        r.key,
        r.met,
        r.breached,
        r.openBreaches,
        r.atRisk,
      ]),
    ).toEqual([
      ['group:default/team-payments', 2, 1, 1, 1],
      ['group:default/platform', 0, 0, 0, 1],
    ]);
    expect(
      byGroup.changeSuccess.map(r => [r.key, r.closed, r.successRate]),
    ).toEqual([
      ['group:default/team-storefront', 1, 0],
      ['group:default/team-payments', 1, 1],
    ]);
    expect(byGroup.changeSuccess[0].backedOut).toBe(1);

    const bySystem = await reports.compliance(
      everything,
      'system',
      30,
      systemsOf,
    );
    expect(bySystem.rows.map(r => [r.key, r.compliance])).toEqual([
      ['system:default/payments', 2 / 3],
      [null, null],
    ]);
  });

  it('lists timers newest first, page by page, filtered by status', async () => {
    const first = await reports.list(everything, {}, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeDefined();
    const rest = await reports.list(
      everything,
      {},
      { limit: 10, cursor: first.nextCursor },
    );
    const all = [...first.items, ...rest.items];
    expect(all).toHaveLength(6);
    expect(new Set(all.map(t => `${t.number}/${t.metric}`)).size).toBe(6);
    expect(rest.nextCursor).toBeUndefined();

    const breached = await reports.list(
      everything,
      { statuses: ['breached'], open: true },
      { limit: 10 },
    );
    expect(breached.items.map(t => t.number)).toEqual([numbers.b]);
  });
});
