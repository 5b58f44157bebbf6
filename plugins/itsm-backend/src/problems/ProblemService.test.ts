import { ConflictError, InputError } from '@backstage/errors';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { RecordStore } from '../records/RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { testServicesOver } from '../__testUtils__/services';
import { READ_EVERY_KIND } from '../permissions/toKnex';
import { person } from '../__testUtils__/users';
import { ItsmServices } from '../services';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

const alice = person('alice', ['team-payments']);
const bob = person('bob', ['platform']);
const API = 'component:default/payments-api';
const DB = 'resource:default/payments-db';

describe.each(ids)('problem management on %s', databaseId => {
  let knex: Knex;
  let services: ItsmServices;
  let records: RecordStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    records = new RecordStore(knex);
    let clock = new Date('2026-11-23T09:00:00.000Z').getTime();
    // Every act happens one second after the previous one.
    const all = testServicesOver()(records);
    services = { ...all, ...all.at(() => new Date((clock += 1000))) };
  });

  const incident = (title = 'Payments time out', entityRef = API) =>
    services.incidents.create(
      { title, entityRef, impact: 2, urgency: 2 },
      alice,
    );
  const openProblem = (incidents: string[] = [], entityRef = API) =>
    services.problems.create(
      {
        title: 'Connection pool exhausted',
        entityRef,
        impact: 2,
        urgency: 1,
        symptoms: 'Requests time out under load',
        incidents,
      },
      bob,
    );
  const timelineTypes = async (id: string) =>
    (await records.getTimeline(id)).map(e => e.type);

  it('opens a problem linking its incidents, routed and prioritised like an incident', async () => {
    const [a, b] = [await incident(), await incident()];
    const problem = await openProblem([a.number, b.id]);
    expect(problem).toMatchObject({
      number: 'PRB-000001',
      state: 'new',
      priority: 'P2',
      assignmentGroup: 'group:default/team-payments',
      knownError: false,
      incidentCount: 2,
    });
    expect((await services.incidents.get(a.id)).problem).toBe('PRB-000001');
    expect((await services.incidents.get(a.id)).version).toBe(2);
    expect(await timelineTypes(problem.id)).toEqual([
      'created',
      'link_added',
      'link_added',
    ]);
    expect(await timelineTypes(a.id)).toEqual(['created', 'field_changed']);
    const linked = await services.problems.incidentsOf(
      problem.id,
      READ_EVERY_KIND.incident,
    );
    expect(linked.map(i => i.number).sort()).toEqual([a.number, b.number]);
  });

  it('publishes a known error only with its cause and workaround, and writes nothing otherwise', async () => {
    const problem = await openProblem();
    await expect(
      services.problems.update(
        problem.id,
        { version: 1, knownError: true, rootCause: 'Pool of 10' },
        bob,
      ),
    ).rejects.toThrow(
      new InputError('workaround is required for a known error'),
    );
    expect(await services.problems.get(problem.id)).toMatchObject({
      version: 1,
      rootCause: null,
    });
    const known = await services.problems.update(
      problem.id,
      {
        version: 1,
        rootCause: 'Pool of 10 connections',
        workaround: 'Restart the pod',
        knownError: true,
      },
      bob,
    );
    expect(known).toMatchObject({ knownError: true, version: 2 });
    expect(known.knownErrorAt).not.toBeNull();
    const [, edit] = await records.getTimeline(problem.id);
    expect(edit.changes?.map(c => c.field)).toEqual([
      'rootCause',
      'workaround',
      'knownError',
    ]);
    // A known error keeps its workaround.
    await expect(
      services.problems.update(
        problem.id,
        { version: 2, workaround: null },
        bob,
      ),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('adds a new workaround to 50 open linked incidents in one transaction', async () => {
    const linked: Incident[] = [];
    for (let i = 0; i < 50; i++) linked.push(await incident(`Timeout ${i}`));
    const closed = await incident('Timeout, already resolved');
    await services.incidents.transition(
      closed.id,
      {
        version: 1,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Went away',
      },
      alice,
    );
    const problem = await openProblem([
      ...linked.map(i => i.number),
      closed.number,
    ]);
    expect(problem.incidentCount).toBe(51);

    // A failure at the last incident undoes everything: one transaction.
    const append = records.appendTimeline.bind(records);
    const spy = jest
      .spyOn(records, 'appendTimeline')
      .mockImplementation(async (trx, id, ...rest) => {
        if (id === linked[49].id) throw new Error('disk full');
        return append(trx, id, ...rest);
      });
    await expect(
      services.problems.update(
        problem.id,
        { version: 1, workaround: 'Restart the pod' },
        bob,
      ),
    ).rejects.toThrow('disk full');
    spy.mockRestore();
    expect((await services.problems.get(problem.id)).workaround).toBeNull();
    expect(await timelineTypes(linked[0].id)).not.toContain('workaround');

    await services.problems.update(
      problem.id,
      { version: 1, workaround: 'Restart the pod' },
      bob,
    );
    const entries = await knex('itsm_timeline')
      .where({ type: 'workaround' })
      .select('record_id', 'body', 'at');
    expect(entries.map(e => e.record_id).sort()).toEqual(
      linked.map(i => i.id).sort(),
    );
    expect(new Set(entries.map(e => String(e.at))).size).toBe(1);
    expect(entries[0].body).toBe(
      'Workaround from PRB-000001 (Connection pool exhausted): Restart the pod',
    );
  });

  it('links an incident to one problem only: two problems at the same moment, one wins', async () => {
    const target = await incident();
    const [one, two] = [await openProblem(), await openProblem()];
    const results = await Promise.allSettled([
      services.problems.linkIncident(one.id, target.id, bob),
      services.problems.linkIncident(two.id, target.id, bob),
    ]);
    expect(results.map(r => r.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
    const refused = results.find(r => r.status === 'rejected') as
      | PromiseRejectedResult
      | undefined;
    expect(refused?.reason).toBeInstanceOf(ConflictError);
    const winner = results.findIndex(r => r.status === 'fulfilled');
    expect((await services.incidents.get(target.id)).problem).toBe(
      [one, two][winner].number,
    );
    expect(
      (await services.problems.get(one.id)).incidentCount +
        (await services.problems.get(two.id)).incidentCount,
    ).toBe(1);
  });

  it('links and unlinks from the incident page, refusing a second problem', async () => {
    const target = await incident();
    const [one, two] = [await openProblem(), await openProblem()];
    const linked = await services.incidents.update(
      target.id,
      { version: 1, problem: one.number },
      alice,
    );
    expect(linked.problem).toBe(one.number);
    await expect(
      services.incidents.update(
        target.id,
        { version: 2, problem: two.number },
        alice,
      ),
    ).rejects.toThrow(
      new ConflictError(
        `${target.number} is already linked to ${one.number}; unlink it there first`,
      ),
    );
    const unlinked = await services.incidents.update(
      target.id,
      { version: 2, problem: null },
      alice,
    );
    expect(unlinked.problem).toBeNull();
    expect(await timelineTypes(one.id)).toEqual([
      'created',
      'link_added',
      'link_removed',
    ]);
    await services.problems.linkIncident(two.id, target.number, bob);
    await services.problems.unlinkIncident(two.id, target.number, bob);
    expect((await services.incidents.get(target.id)).problem).toBeNull();
  });

  it('attaches a new incident to a known error, which gives it the workaround', async () => {
    const problem = await openProblem();
    await services.problems.update(
      problem.id,
      {
        version: 1,
        rootCause: 'Pool of 10',
        workaround: 'Restart the pod',
        knownError: true,
      },
      bob,
    );
    const attached = await services.incidents.create(
      {
        title: 'Checkout fails',
        entityRef: API,
        impact: 3,
        urgency: 3,
        problem: problem.number,
      },
      alice,
    );
    expect(attached.problem).toBe(problem.number);
    expect(await timelineTypes(attached.id)).toEqual([
      'created',
      'field_changed',
      'workaround',
    ]);
    expect((await services.problems.get(problem.id)).incidentCount).toBe(1);
  });

  it('finds known errors of a CI and of what it depends on', async () => {
    const onDb = await openProblem([], DB);
    await services.problems.update(
      onDb.id,
      {
        version: 1,
        rootCause: 'Disk full',
        workaround: 'Free space',
        knownError: true,
      },
      bob,
    );
    await openProblem(); // not a known error
    const found = await services.problems.knownErrors(
      API,
      true,
      alice,
      READ_EVERY_KIND.problem,
    );
    expect(found).toEqual([
      expect.objectContaining({
        number: onDb.number,
        workaround: 'Free space',
        matchedEntityRef: DB,
      }),
    ]);
    expect(
      await services.problems.knownErrors(API, false, alice, undefined),
    ).toEqual([]);
    expect(await services.problems.knownErrors(API, true, alice, null)).toEqual(
      [],
    );
  });

  it('resolving puts the incidents on hold for it back to work and tells the others', async () => {
    const [held, working] = [await incident(), await incident()];
    const problem = await openProblem([held.number, working.number]);
    await services.incidents.transition(
      held.id,
      { version: 2, to: 'on_hold', holdReason: 'awaiting_problem' },
      alice,
    );
    await services.problems.transition(
      problem.id,
      { version: 1, to: 'root_cause_analysis' },
      bob,
    );
    await expect(
      services.problems.transition(
        problem.id,
        { version: 2, to: 'resolved' },
        bob,
      ),
    ).rejects.toBeInstanceOf(InputError);
    const resolved = await services.problems.transition(
      problem.id,
      {
        version: 2,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Pool raised to 50',
      },
      bob,
    );
    expect(resolved).toMatchObject({
      state: 'resolved',
      resolutionCode: 'fixed',
    });
    const back = await services.incidents.get(held.id);
    expect(back).toMatchObject({ state: 'in_progress', holdReason: null });
    const note =
      'PRB-000001 (Connection pool exhausted) was resolved — Fixed: Pool raised to 50';
    expect((await records.getTimeline(held.id)).pop()).toMatchObject({
      type: 'state_changed',
      fromState: 'on_hold',
      toState: 'in_progress',
      body: note,
    });
    expect((await records.getTimeline(working.id)).pop()).toMatchObject({
      type: 'comment',
      body: note,
    });
  });

  it('hears from the change raised to fix it when that change closes', async () => {
    const problem = await openProblem();
    const change = await services.changes.create(
      {
        title: 'Raise the pool size',
        entityRef: API,
        type: 'standard',
        risk: 'low',
        plannedStart: '2026-11-24T10:00:00Z',
        plannedEnd: '2026-11-24T11:00:00Z',
        problem: problem.number,
      },
      alice,
    );
    expect(change.problem).toBe(problem.number);
    let version = change.version;
    for (const to of ['scheduled', 'implement', 'review'] as const)
      version = (
        await services.changes.transition(change.id, { version, to }, alice)
      ).version;
    await services.changes.transition(
      change.id,
      { version, to: 'closed', closeCode: 'successful', closeNotes: 'Done' },
      alice,
    );
    const last = (await records.getTimeline(problem.id)).pop();
    expect(last).toMatchObject({
      type: 'comment',
      body: 'CHG-000001 (Raise the pool size), raised to fix this problem, was closed successful: Done. The problem may now be resolved.',
    });
    expect(await services.problems.changesOf(problem.id, undefined)).toEqual([
      expect.objectContaining({
        number: 'CHG-000001',
        closeCode: 'successful',
      }),
    ]);
  });

  it('names CIs whose incidents recur without a problem, counted in SQL', async () => {
    for (let i = 0; i < 3; i++) await incident(`Timeout ${i}`);
    await incident('Once', 'component:default/cart-service');
    const [candidate, ...rest] = await services.problems.candidates(undefined);
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({
      entityRef: API,
      incidentCount: 3,
      incidents: ['INC-000003', 'INC-000002', 'INC-000001'],
    });
    expect(await services.problems.candidates(null)).toEqual([]);
    await openProblem(['INC-000001']);
    expect(await services.problems.candidates(undefined)).toEqual([]);
  });

  it('measures problem management: open, known errors, share linked, median age', async () => {
    const empty = await services.problems.kpis({
      readableProblems: undefined,
      readableIncidents: undefined,
    });
    expect(empty).toMatchObject({
      openProblems: 0,
      knownErrors: 0,
      incidents: 0,
      linkedIncidentShare: null,
      medianOpenAgeMs: null,
      days: 90,
    });
    const [a] = [await incident(), await incident()];
    const first = await openProblem([a.number]);
    await services.problems.update(
      first.id,
      {
        version: 1,
        rootCause: 'Pool',
        workaround: 'Restart',
        knownError: true,
      },
      bob,
    );
    await openProblem([], DB);
    const kpis = await services.problems.kpis({
      readableProblems: undefined,
      readableIncidents: undefined,
    });
    expect(kpis).toMatchObject({
      openProblems: 2,
      knownErrors: 1,
      incidents: 2,
      linkedIncidentShare: 0.5,
    });
    // Opened 3 s and 1 s before the KPIs are read (the clock ticks a second per act).
    expect(kpis.medianOpenAgeMs).toBe(2000);
    const ofDb = await services.problems.kpis({
      readableProblems: undefined,
      readableIncidents: undefined,
      entityRef: DB,
    });
    expect(ofDb).toMatchObject({
      openProblems: 1,
      knownErrors: 0,
      incidents: 0,
    });
    expect(
      await services.problems.kpis({
        readableProblems: null,
        readableIncidents: null,
      }),
    ).toMatchObject({ openProblems: 0, incidents: 0 });
  });
});
