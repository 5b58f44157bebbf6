import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { CatalogCis } from '../catalog/CatalogCis';
import { IncidentService } from '../incidents/IncidentService';
import { IncidentStore } from '../incidents/IncidentStore';
import { RecordStore } from '../records/RecordStore';
import { testEntities } from '../__testUtils__/catalog';
import { createTestRequestService } from '../__testUtils__/services';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  testCalendars as calendars,
  testSlaPolicies,
} from '../__testUtils__/sla';
import { addBusinessMillis } from './calendar';
import { SlaClock } from './SlaClock';
import { SlaTimerStore } from './SlaTimerStore';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

const M = 60_000;
const H = 60 * M;

const alice = {
  ref: 'user:default/alice',
  credentials: mockCredentials.user('user:default/alice'),
};

/** Monday 23 November 2026, 10:00 in Berlin. */
const T0 = new Date('2026-11-23T09:00:00.000Z');

describe.each(ids)('SLA timers kept with the records on %s', databaseId => {
  let knex: Knex;
  let records: RecordStore;
  let timers: SlaTimerStore;
  let incidents: IncidentService;
  let now: Date;
  const at = (offset: number) => {
    now = new Date(T0.getTime() + offset);
  };

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    records = new RecordStore(knex);
    timers = new SlaTimerStore(records, new SlaClock(testSlaPolicies)).attach();
    now = T0;
    incidents = new IncidentService({
      records,
      incidents: new IncidentStore(records),
      cis: new CatalogCis(catalogServiceMock({ entities: testEntities })),
      now: () => now,
    });
  });

  /** Impact 1 × urgency 1 = P1 on payments-api, which is tier-1. */
  const raiseP1 = () =>
    incidents.create(
      {
        title: 'Down',
        entityRef: 'component:default/payments-api',
        impact: 1,
        urgency: 1,
      },
      alice,
    );
  const rows = (recordId: string) =>
    knex('itsm_sla_timers')
      .where({ record_id: recordId })
      .orderBy(['metric', 'cycle']);
  const iso = (value: unknown) =>
    value === null ? null : new Date(value as string).toISOString();

  it('stores the timers of a new incident, chosen by priority and the CI tier, with due times', async () => {
    const incident = await raiseP1();
    expect(
      await knex('itsm_records').where({ id: incident.id }).first('ci_tier'),
    ).toEqual({
      ci_tier: 'tier-1',
    });
    const [resolution, response] = await rows(incident.id);
    expect(response).toMatchObject({
      metric: 'response',
      cycle: 1,
      policy_name: 'Tier-1 incidents',
      status: 'running',
    });
    expect(Number(response.target_ms)).toBe(15 * M);
    expect(iso(response.due_at)).toBe('2026-11-23T09:15:00.000Z');
    // The first warning (50 %) of the response clock.
    expect(iso(response.next_warning_at)).toBe('2026-11-23T09:07:30.000Z');
    expect(iso(resolution.due_at)).toBe('2026-11-23T13:00:00.000Z');

    // checkout-web has no tier: office-hours policy, 4 business hours to respond.
    const other = await incidents.create(
      {
        title: 'Slow',
        entityRef: 'component:default/checkout-web',
        impact: 1,
        urgency: 1,
      },
      alice,
    );
    const [, otherResponse] = await rows(other.id);
    expect(otherResponse.policy_name).toBe('Other incidents');
    expect(iso(otherResponse.due_at)).toBe('2026-11-23T13:00:00.000Z');
  });

  it('recomputes in every transition: response met, pause shifts the due time, late resolution is a breach', async () => {
    const created = await raiseP1();
    at(5 * M);
    let incident = await incidents.transition(
      created.id,
      { version: created.version, to: 'in_progress' },
      alice,
    );
    const [, response] = await rows(created.id);
    let [resolution] = await rows(created.id);
    expect(response).toMatchObject({ status: 'met', due_at: null });
    expect(iso(response.stopped_at)).toBe('2026-11-23T09:05:00.000Z');
    expect(Number(response.elapsed_ms)).toBe(5 * M);

    at(1 * H);
    incident = await incidents.transition(
      created.id,
      {
        version: incident.version,
        to: 'on_hold',
        holdReason: 'awaiting_vendor',
      },
      alice,
    );
    [resolution] = await rows(created.id);
    expect(resolution).toMatchObject({
      status: 'paused',
      due_at: null,
      next_warning_at: null,
    });

    at(3 * H);
    incident = await incidents.transition(
      created.id,
      { version: incident.version, to: 'in_progress' },
      alice,
    );
    [resolution] = await rows(created.id);
    // 1 h ran before the pause, 3 h are left from 12:00 UTC: due 15:00 instead of 13:00.
    expect(iso(resolution.due_at)).toBe('2026-11-23T15:00:00.000Z');
    expect(resolution.status).toBe('running');
    // 50 % = 2 h of running time: one more hour from 12:00.
    expect(iso(resolution.next_warning_at)).toBe('2026-11-23T13:00:00.000Z');

    at(7 * H);
    incident = await incidents.transition(
      created.id,
      {
        version: incident.version,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'restarted',
      },
      alice,
    );
    [resolution] = await rows(created.id);
    expect(resolution).toMatchObject({ status: 'breached', due_at: null });
    expect(iso(resolution.breached_at)).toBe('2026-11-23T15:00:00.000Z');
    expect(Number(resolution.elapsed_ms)).toBe(5 * H);

    // Reopening starts a second resolution cycle; the first stays as it was.
    at(8 * H);
    await incidents.transition(
      created.id,
      { version: incident.version, to: 'in_progress' },
      alice,
    );
    const all = await rows(created.id);
    expect(all.map(r => [r.metric, r.cycle, r.status])).toEqual([
      ['resolution', 1, 'breached'],
      ['resolution', 2, 'running'],
      ['response', 1, 'met'],
    ]);
    expect(iso(all[1].due_at)).toBe('2026-11-23T21:00:00.000Z');
  });

  it('re-derives from history when the priority changes the policy, without losing paused time', async () => {
    const created = await raiseP1();
    at(30 * M);
    const held = await incidents.transition(
      created.id,
      {
        version: created.version,
        to: 'on_hold',
        holdReason: 'awaiting_vendor',
      },
      alice,
    );
    at(2 * H);
    const resumed = await incidents.transition(
      created.id,
      { version: held.version, to: 'in_progress' },
      alice,
    );
    at(2 * H + 30 * M);
    // Impact 3 × urgency 3: no longer P1/P2, so the office-hours policy applies.
    const lowered = await incidents.update(
      created.id,
      { version: resumed.version, impact: 3, urgency: 3 },
      alice,
    );
    expect(lowered.priority).not.toMatch(/P[12]/);
    const [resolution] = await rows(created.id);
    expect(resolution.policy_name).toBe('Other incidents');
    // Office hours from 10:00 Berlin: 30 min, pause 10:30–12:00, then 30 min = 1 h.
    expect(Number(resolution.elapsed_ms)).toBe(1 * H);
    expect(Number(resolution.target_ms)).toBe(16 * H);
  });

  it('takes the assignee taking the incident as the acknowledgement that stops the response clock', async () => {
    const created = await raiseP1();
    at(20 * M);
    await incidents.update(
      created.id,
      { version: created.version, assignee: 'user:default/alice' },
      alice,
    );
    const [, response] = await rows(created.id);
    expect(response.status).toBe('breached');
    expect(iso(response.stopped_at)).toBe('2026-11-23T09:20:00.000Z');
    expect(iso(response.breached_at)).toBe('2026-11-23T09:15:00.000Z');

    const assigned = await incidents.create(
      {
        title: 'Down again',
        entityRef: 'component:default/payments-api',
        impact: 1,
        urgency: 1,
        assignee: 'user:default/alice',
      },
      alice,
    );
    const [, acknowledged] = await rows(assigned.id);
    expect(acknowledged).toMatchObject({ status: 'met' });
    expect(Number(acknowledged.elapsed_ms)).toBe(0);
  });

  it("counts a request's due time from its offering's target in the policy's calendar, paused while it awaits approval", async () => {
    const requests = createTestRequestService(knex, {
      records,
      sla: timers.clock,
      now: () => now,
    });
    const member = {
      ...alice,
      ownershipEntityRefs: ['group:default/team-payments'],
    };
    // Sandbox: P1D = 24 business hours = three office days, no approval.
    const sandbox = await requests.create(
      { offeringRef: 'serviceoffering:default/sandbox', parameters: {} },
      member,
    );
    expect(sandbox.dueAt).toBe('2026-11-26T09:00:00.000Z');
    const [timer] = await rows(sandbox.id);
    expect(timer).toMatchObject({
      metric: 'resolution',
      policy_name: 'Requests',
    });
    expect(Number(timer.target_ms)).toBe(24 * H);
    expect(iso(timer.due_at)).toBe(sandbox.dueAt);
    expect(addBusinessMillis(calendars.office, T0, 24 * H).toISOString()).toBe(
      sandbox.dueAt,
    );

    // New database waits for its owner's approval: the clock does not run meanwhile.
    const database = await requests.create(
      {
        offeringRef: 'serviceoffering:default/new-database',
        parameters: { name: 'ledger', size: 'small' },
      },
      member,
    );
    expect(database.state).toBe('awaiting_approval');
    const [waiting] = await rows(database.id);
    expect(waiting).toMatchObject({ status: 'paused', due_at: null });
  });
});
