import { ConflictError, NotAllowedError } from '@backstage/errors';
import { Knex } from 'knex';
import { READ_EVERY_KIND } from '../permissions/toKnex';
import { RecordStore } from '../records/RecordStore';
import { testServicesOver } from '../__testUtils__/services';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { person } from '../__testUtils__/users';
import { ItsmServices } from '../services';
import { IncidentEvent } from './IncidentService';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

// The test services name group:default/platform the major-incident group.
const alice = person('alice', ['team-payments']);
const bob = person('bob', ['platform']);
const erin = person('erin', ['platform']);
const API = 'component:default/payments-api';
const DB = 'resource:default/payments-db';

describe.each(ids)('major incidents on %s', databaseId => {
  let knex: Knex;
  let records: RecordStore;
  let services: ItsmServices;
  let events: IncidentEvent[];

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    records = new RecordStore(knex);
    events = [];
    services = testServicesOver()(records, {
      incident: event => {
        events.push(event);
      },
    });
  });

  const incident = (title = 'Checkout fails', entityRef = API) =>
    services.incidents.create(
      { title, entityRef, impact: 3, urgency: 2 },
      alice,
    );
  const types = async (id: string) =>
    (await records.getTimeline(id)).map(e => e.type);

  it('is proposed by whoever works it and accepted by another member of the group: P1, who and why kept', async () => {
    const inc = await incident();
    const proposed = await services.major.decide(
      inc.number,
      { action: 'propose', reason: 'All card payments fail' },
      alice,
    );
    expect(proposed.major).toMatchObject({
      state: 'proposed',
      reason: 'All card payments fail',
      proposedBy: alice.ref,
      decidedBy: null,
    });
    expect(events.map(e => e.type)).toContain('major_proposed');

    // Not a member of the major-incident group.
    await expect(
      services.major.decide(
        inc.number,
        { action: 'accept', reason: 'mine' },
        alice,
      ),
    ).rejects.toThrow(NotAllowedError);
    const accepted = await services.major.decide(
      inc.number,
      { action: 'accept', reason: 'Revenue impact across regions' },
      bob,
    );
    expect(accepted).toMatchObject({
      priority: 'P1',
      impact: 1,
      urgency: 1,
      major: {
        state: 'accepted',
        decidedBy: bob.ref,
        decisionNote: 'Revenue impact across regions',
      },
    });
    const last = (await records.getTimeline(inc.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'field_changed',
      actor: bob.ref,
      body: 'Revenue impact across regions',
      changes: [
        { field: 'major', from: 'proposed', to: 'accepted' },
        { field: 'priority', from: 'P4', to: 'P1' },
        { field: 'impact', from: 3, to: 1 },
        { field: 'urgency', from: 2, to: 1 },
      ],
    });
    await expect(
      services.major.decide(
        inc.number,
        { action: 'propose', reason: 'again' },
        alice,
      ),
    ).rejects.toThrow(ConflictError);
  });

  it('does not let the proposer decide their own proposal, even in the group; a rejection may be proposed again', async () => {
    const inc = await incident();
    await services.major.decide(
      inc.id,
      { action: 'propose', reason: 'Looks big' },
      bob,
    );
    await expect(
      services.major.decide(inc.id, { action: 'accept', reason: 'ok' }, bob),
    ).rejects.toThrow(/another member/);
    const rejected = await services.major.decide(
      inc.id,
      { action: 'reject', reason: 'One customer only' },
      erin,
    );
    expect(rejected.major?.state).toBe('rejected');
    expect(rejected.priority).toBe(inc.priority);
    const again = await services.major.decide(
      inc.id,
      { action: 'propose', reason: 'Now three regions' },
      alice,
    );
    expect(again.major).toMatchObject({
      state: 'proposed',
      proposedBy: alice.ref,
      decidedBy: null,
    });
  });

  it('links children (their timeline says so) and resolves the open ones with the parent in one transaction', async () => {
    const parent = await incident('Payments down');
    const [a, b, c] = [
      await incident('Cannot pay'),
      await incident('Checkout 500'),
      await incident('Refunds stuck'),
    ];
    await expect(
      services.major.setParent(parent.id, a.id, true, alice),
    ).rejects.toThrow(/not a major incident/);
    await services.major.decide(
      parent.id,
      { action: 'propose', reason: 'Everyone' },
      alice,
    );
    await services.major.decide(
      parent.id,
      { action: 'accept', reason: 'Yes' },
      bob,
    );
    for (const child of [a, b, c])
      await services.major.setParent(parent.number, child.number, true, alice);
    expect((await services.incidents.get(a.id)).parent).toBe(parent.number);
    expect((await records.getTimeline(a.id)).at(-1)).toMatchObject({
      type: 'field_changed',
      changes: [{ field: 'parent', from: null, to: parent.number }],
    });
    expect(
      (await types(parent.id)).filter(t => t === 'link_added'),
    ).toHaveLength(3);
    // One parent at a time; unlink first.
    const other = await incident('Other');
    await services.major.decide(
      other.id,
      { action: 'propose', reason: 'x' },
      alice,
    );
    await expect(
      services.major.setParent(other.id, a.id, true, alice),
    ).rejects.toThrow(/unlink it first/);
    await services.major.setParent(parent.id, c.id, false, alice);
    expect((await services.incidents.get(c.id)).parent).toBeNull();
    const children = await services.major.childrenOf(
      parent.id,
      READ_EVERY_KIND.incident,
    );
    expect(children.map(i => i.number).sort()).toEqual(
      [a.number, b.number].sort(),
    );

    // b is already resolved on its own: left as it is.
    const bNow = await services.incidents.get(b.id);
    await services.incidents.transition(
      b.id,
      {
        to: 'resolved',
        resolutionCode: 'workaround',
        resolutionNotes: 'Retry works',
        version: bNow.version,
      },
      alice,
    );
    const parentNow = await services.incidents.get(parent.id);
    await services.incidents.transition(
      parent.id,
      {
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Rolled back the gateway',
        resolveChildren: true,
        version: parentNow.version,
      },
      alice,
    );
    expect(await services.incidents.get(a.id)).toMatchObject({
      state: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Rolled back the gateway',
    });
    expect((await records.getTimeline(a.id)).at(-1)).toMatchObject({
      type: 'state_changed',
      toState: 'resolved',
      body: `Resolved with its major incident ${parent.number}`,
    });
    expect(await services.incidents.get(b.id)).toMatchObject({
      resolutionCode: 'workaround',
    });
    expect((await services.incidents.get(c.id)).state).toBe('new');
  });

  it('moves neither the parent nor its children when the resolution is refused', async () => {
    const parent = await incident('Payments down');
    const child = await incident('Cannot pay');
    await services.major.decide(
      parent.id,
      { action: 'propose', reason: 'x' },
      alice,
    );
    await services.major.decide(
      parent.id,
      { action: 'accept', reason: 'y' },
      bob,
    );
    await services.major.setParent(parent.id, child.id, true, alice);
    const now = await services.incidents.get(parent.id);
    // No resolution notes: the parent's own guard refuses before anything is written.
    await expect(
      services.incidents.transition(
        parent.id,
        {
          to: 'resolved',
          resolutionCode: 'fixed',
          resolveChildren: true,
          version: now.version,
        },
        alice,
      ),
    ).rejects.toThrow();
    expect((await services.incidents.get(parent.id)).state).toBe('new');
    expect((await services.incidents.get(child.id)).state).toBe('new');
  });

  it('sends stakeholder updates of a major incident to the owners of what it impacts, and shows it on their banners', async () => {
    const inc = await incident('Payments database down', DB);
    await expect(
      services.major.stakeholderUpdate(inc.id, 'Investigating', alice),
    ).rejects.toThrow(/not an open major incident/);
    await services.major.decide(
      inc.id,
      { action: 'propose', reason: 'x' },
      alice,
    );
    await services.major.decide(inc.id, { action: 'accept', reason: 'y' }, bob);
    // An earlier update: the banner shows the latest.
    await services.major.stakeholderUpdate(inc.id, 'Investigating', alice);
    const entry = await services.major.stakeholderUpdate(
      inc.id,
      'Failover in progress; next update 10:30',
      alice,
    );
    expect(entry).toMatchObject({
      type: 'stakeholder_update',
      body: 'Failover in progress; next update 10:30',
    });
    const told = events.find(e => e.type === 'stakeholder_update');
    expect(told).toMatchObject({
      owners: expect.arrayContaining(['group:default/team-payments']),
    });

    // The payments API depends on the database: its page shows the banner.
    const onApi = await services.major.banners(
      API,
      READ_EVERY_KIND.incident,
      alice,
    );
    expect(onApi).toEqual([
      expect.objectContaining({
        number: inc.number,
        priority: 'P1',
        entityRef: DB,
        childCount: 0,
        latestUpdate: expect.objectContaining({
          body: 'Failover in progress; next update 10:30',
          actor: alice.ref,
        }),
      }),
    ]);
    expect(
      await services.major.banners(
        'component:default/cart-service',
        READ_EVERY_KIND.incident,
        alice,
      ),
    ).toEqual([]);
    // Not readable: no banner.
    expect(await services.major.banners(API, null, alice)).toEqual([]);
  });
});
