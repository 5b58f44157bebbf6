import { Knex } from 'knex';
import { READ_EVERY_KIND } from '../permissions/toKnex';
import { RecordStore } from '../records/RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { testServicesOver } from '../__testUtils__/services';
import { person } from '../__testUtils__/users';
import { WorkQueues } from './WorkQueues';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

const alice = person('alice', ['team-payments']);
const bob = person('bob', ['platform']);
const API = 'component:default/payments-api';

describe.each(ids)('my work on %s', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
  });

  it('counts the caller’s queues over what they may read', async () => {
    // A Saturday: the office-hours clocks (the other records) do not run before Monday,
    // so only the around-the-clock one is due within the horizon, whenever the test runs.
    const saturday = new Date('2026-11-28T09:00:00.000Z');
    const records = new RecordStore(knex);
    const all = testServicesOver()(records);
    const services = {
      ...all,
      ...all.at(() => saturday),
      work: new WorkQueues(records, all.approvals, () => saturday),
    };
    // A tier-1 P2 incident: its 15-minute response clock runs out within the horizon.
    await services.incidents.create(
      {
        title: 'Payments down',
        entityRef: API,
        impact: 1,
        urgency: 2,
        assignee: 'user:default/alice',
      },
      bob,
    );
    await services.incidents.create(
      { title: 'Slow', entityRef: API, impact: 3, urgency: 3 },
      bob,
    );
    await services.problems.create(
      { title: 'Pool', entityRef: API, impact: 2, urgency: 2 },
      bob,
    );
    let change = await services.changes.create(
      {
        title: 'Upgrade',
        entityRef: API,
        type: 'normal',
        risk: 'moderate',
        plannedStart: '2030-01-10T10:00:00Z',
        plannedEnd: '2030-01-10T11:00:00Z',
        implementationPlan: 'Deploy',
        backoutPlan: 'Roll back',
        testPlan: 'Smoke test',
      },
      bob,
    );
    for (const to of ['assess', 'authorize'] as const)
      change = await services.changes.transition(
        change.id,
        { version: change.version, to },
        bob,
      );

    const work = await services.work.of(alice, READ_EVERY_KIND);
    expect(work).toEqual({
      assignedToMe: { incident: 1, change: 0, request: 0, problem: 0 },
      myGroups: { incident: 2, change: 1, request: 0, problem: 1 },
      awaitingMyApproval: 1,
      toFulfil: 0,
      breachingSoon: 1,
      horizonHours: 4,
      groups: ['group:default/team-payments'],
    });
    // Bob raised the change: its approval is not his to give, nor are the queues his.
    expect(await services.work.of(bob, READ_EVERY_KIND)).toMatchObject({
      assignedToMe: { incident: 0 },
      myGroups: { incident: 0, problem: 0 },
      awaitingMyApproval: 0,
      breachingSoon: 0,
    });
    const noIncidents = await services.work.of(alice, {
      ...READ_EVERY_KIND,
      incident: null,
    });
    expect(noIncidents).toMatchObject({
      assignedToMe: { incident: 0 },
      myGroups: { incident: 0, problem: 1 },
      breachingSoon: 0,
    });
  });
});
