import { mockCredentials } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { CatalogCis } from '../catalog/CatalogCis';
import { RecordStore } from '../records/RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { testEntities } from '../__testUtils__/catalog';
import { Actor, IncidentService } from './IncidentService';
import { IncidentStore } from './IncidentStore';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

const alice: Actor = {
  ref: 'user:default/alice',
  credentials: mockCredentials.user('user:default/alice'),
};
const bob: Actor = {
  ref: 'user:default/bob',
  credentials: mockCredentials.user('user:default/bob'),
};

describe.each(ids)('incidents on %s', databaseId => {
  let knex: Knex;
  let service: IncidentService;
  let clock: Date;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    const records = new RecordStore(knex);
    clock = new Date('2026-11-23T09:00:00.000Z');
    service = new IncidentService({
      records,
      incidents: new IncidentStore(records),
      cis: new CatalogCis(catalogServiceMock({ entities: testEntities })),
      now: () => {
        // Every act happens one second after the previous one.
        clock = new Date(clock.getTime() + 1000);
        return clock;
      },
    });
  });

  const report = (overrides: Record<string, unknown> = {}, actor = alice) =>
    service.create(
      {
        title: 'Payments return 502',
        entityRef: 'component:default/payments-api',
        impact: 2,
        urgency: 1,
        ...overrides,
      },
      actor,
    );

  it('opens an incident routed to the CI owner with a computed priority', async () => {
    const incident = await report({ description: 'since 09:00' });
    expect(incident).toMatchObject({
      number: 'INC-000001',
      state: 'new',
      priority: 'P2',
      requester: 'user:default/alice',
      assignmentGroup: 'group:default/team-payments',
      assignee: null,
      version: 1,
      acknowledgedAt: null,
    });
    // Owner from spec.owner when the entity has no ownedBy relation.
    const other = await report({ entityRef: 'Component:checkout-web' });
    expect(other.entityRef).toBe('component:default/checkout-web');
    expect(other.assignmentGroup).toBe('group:default/platform');
    expect(other.number).toBe('INC-000002');
    const timeline = await service.timeline(incident.number);
    expect(timeline).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'created',
        actor: 'user:default/alice',
      }),
    ]);
  });

  it('refuses CIs that are malformed or not in the catalog and writes nothing', async () => {
    await expect(
      report({ entityRef: 'component:default/nope' }),
    ).rejects.toThrow(
      new InputError('entityRef: component:default/nope is not in the catalog'),
    );
    await expect(report({ entityRef: 'payments' })).rejects.toThrow(InputError);
    await expect(
      report({
        affectedEntityRefs: ['resource:default/payments-db', 'api:default/x'],
      }),
    ).rejects.toThrow(
      'affectedEntityRefs: api:default/x is not in the catalog',
    );
    const [{ n }] = await knex('itsm_records').count({ n: '*' });
    expect(Number(n)).toBe(0);
    const [{ t }] = await knex('itsm_timeline').count({ t: '*' });
    expect(Number(t)).toBe(0);
  });

  it('updates fields with optimistic concurrency and records old → new', async () => {
    const incident = await report();
    const updated = await service.update(
      incident.id,
      { version: 1, impact: 1, assignee: 'user:default/bob' },
      alice,
    );
    expect(updated).toMatchObject({
      version: 2,
      impact: 1,
      priority: 'P1',
      assignee: 'user:default/bob',
    });
    expect(updated.acknowledgedAt).not.toBeNull();
    await expect(
      service.update(incident.id, { version: 1, title: 'lost update' }, bob),
    ).rejects.toThrow(ConflictError);
    expect((await service.get(incident.id)).title).toBe('Payments return 502');
    const timeline = await service.timeline(incident.id);
    expect(timeline[1]).toMatchObject({
      type: 'field_changed',
      changes: [
        { field: 'assignee', from: null, to: 'user:default/bob' },
        { field: 'impact', from: 2, to: 1 },
        { field: 'priority', from: 'P2', to: 'P1' },
      ],
    });
    await expect(
      service.update(incident.id, { version: 2, impact: 1 }, alice),
    ).rejects.toThrow(InputError);
  });

  it('guards transitions and keeps every step in the timeline', async () => {
    const incident = await report();
    await expect(
      service.transition(incident.id, { version: 1, to: 'closed' }, bob),
    ).rejects.toThrow(
      new ConflictError(
        'INC-000001 cannot move from new to closed; allowed: in_progress, on_hold, resolved, canceled',
      ),
    );
    await expect(
      service.transition(
        incident.id,
        { version: 1, to: 'resolved', resolutionCode: 'fixed' },
        bob,
      ),
    ).rejects.toThrow('resolutionNotes are required to resolve');

    let current = await service.transition(
      incident.id,
      { version: 1, to: 'in_progress' },
      bob,
    );
    expect(current.acknowledgedAt).not.toBeNull();
    current = await service.transition(
      incident.id,
      {
        version: 2,
        to: 'on_hold',
        holdReason: 'awaiting_caller',
        comment: 'Which region?',
      },
      bob,
    );
    expect(current).toMatchObject({
      state: 'on_hold',
      holdReason: 'awaiting_caller',
    });

    // The requester's reply puts it back to work; a work note by others does not.
    await service.comment(
      incident.id,
      { body: 'internal', visibility: 'work_note' },
      bob,
    );
    expect((await service.get(incident.id)).state).toBe('on_hold');
    await service.comment(
      incident.id,
      { body: 'eu-west-1', visibility: 'comment' },
      alice,
    );
    current = await service.get(incident.id);
    expect(current).toMatchObject({
      state: 'in_progress',
      holdReason: null,
      version: 4,
    });

    current = await service.transition(
      incident.id,
      {
        version: 4,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Rolled back',
      },
      bob,
    );
    expect(current).toMatchObject({
      state: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Rolled back',
    });
    expect(current.resolvedAt).not.toBeNull();

    // Reopen clears the resolution.
    current = await service.transition(
      incident.id,
      { version: 5, to: 'in_progress' },
      alice,
    );
    expect(current).toMatchObject({ resolutionCode: null, resolvedAt: null });

    const timeline = await service.timeline(incident.number);
    expect(
      timeline.map(e => [e.seq, e.type, e.toState ?? e.body ?? '']),
    ).toEqual([
      [1, 'created', ''],
      [2, 'state_changed', 'in_progress'],
      [3, 'state_changed', 'on_hold'],
      [4, 'comment', 'Which region?'],
      [5, 'work_note', 'internal'],
      [6, 'comment', 'eu-west-1'],
      [7, 'state_changed', 'in_progress'],
      [8, 'state_changed', 'resolved'],
      [9, 'state_changed', 'in_progress'],
    ]);
    expect(timeline[7].changes).toEqual([
      { field: 'resolutionCode', from: null, to: 'fixed' },
      { field: 'resolutionNotes', from: null, to: 'Rolled back' },
    ]);
  });

  it('lists newest first with filters and keyset pagination', async () => {
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await report({
          title: `Incident ${i}`,
          urgency: (i % 3) + 1,
          ...(i === 4
            ? {
                entityRef: 'component:default/checkout-web',
                affectedEntityRefs: ['component:default/payments-api'],
              }
            : {}),
        }),
      );
    }
    await service.transition(
      created[0].id,
      { version: 1, to: 'canceled' },
      bob,
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await service.list({}, { limit: 2, cursor });
      seen.push(...page.items.map(i => i.title));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      'Incident 4',
      'Incident 3',
      'Incident 2',
      'Incident 1',
      'Incident 0',
    ]);

    const open = await service.list({ open: true }, { limit: 10 });
    expect(open.items.map(i => i.title)).not.toContain('Incident 0');
    const canceled = await service.list(
      { states: ['canceled'] },
      { limit: 10 },
    );
    expect(canceled.items.map(i => i.title)).toEqual(['Incident 0']);

    // An affected CI finds the incident as well as the primary one does.
    const onPayments = await service.list(
      { entityRef: 'component:default/payments-api' },
      { limit: 10 },
    );
    expect(onPayments.items).toHaveLength(5);
    expect(onPayments.items[0].affectedEntityRefs).toEqual([
      'component:default/payments-api',
    ]);
    const onCheckout = await service.list(
      { entityRef: 'component:default/checkout-web' },
      { limit: 10 },
    );
    expect(onCheckout.items.map(i => i.title)).toEqual(['Incident 4']);

    const p1 = await service.list({ priorities: ['P2'] }, { limit: 10 });
    expect(p1.items.every(i => i.priority === 'P2')).toBe(true);
    expect(
      (await service.list({ q: 'INCIDENT 3' }, { limit: 10 })).items,
    ).toHaveLength(1);
    expect(
      (await service.list({ q: '100%' }, { limit: 10 })).items,
    ).toHaveLength(0);
  });

  it('turns permission conditions into the list query', async () => {
    await report({ title: 'mine' });
    const other = await report({ title: 'assigned to bob' }, bob);
    await service.update(
      other.id,
      { version: 1, assignee: 'user:default/bob' },
      bob,
    );
    const mine = await service.list(
      {},
      { limit: 10 },
      {
        column: 'requester',
        values: ['user:default/alice'],
      },
    );
    expect(mine.items.map(i => i.title)).toEqual(['mine']);
    const either = await service.list(
      {},
      { limit: 10 },
      {
        anyOf: [
          { column: 'requester', values: ['user:default/alice'] },
          { column: 'assignee', values: ['user:default/bob'] },
        ],
      },
    );
    expect(either.items).toHaveLength(2);
    const none = await service.list(
      {},
      { limit: 10 },
      {
        not: {
          column: 'assignment_group',
          values: ['group:default/team-payments'],
        },
      },
    );
    expect(none.items).toHaveLength(0);
  });

  it('closes resolved incidents automatically after the configured days', async () => {
    const incident = await report();
    await service.transition(
      incident.id,
      {
        version: 1,
        to: 'resolved',
        resolutionCode: 'workaround',
        resolutionNotes: 'ok',
      },
      bob,
    );
    expect(await service.autoClose(7, 'user:default/itsm-automation')).toBe(0);
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    expect(await service.autoClose(7, 'user:default/itsm-automation')).toBe(1);
    const closed = await service.get(incident.id);
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
  });

  it('keeps numbers unique and rejects all but one of concurrent updates', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => report({ title: `parallel ${i}` })),
    );
    const numbers = new Set(created.map(i => i.number));
    expect(numbers.size).toBe(12);
    expect([...numbers].sort()[11]).toBe('INC-000012');

    const target = created[0];
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        service.update(target.id, { version: 1, title: `writer ${i}` }, bob),
      ),
    );
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter(r => r.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(
        ConflictError,
      );
    }
    const after = await service.get(target.id);
    expect(after.version).toBe(2);
    const timeline = await service.timeline(target.id);
    expect(timeline.map(e => e.seq)).toEqual([1, 2]);

    // Concurrent comments get distinct, gap-free timeline positions.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        service.comment(
          target.id,
          { body: `c${i}`, visibility: 'comment' },
          bob,
        ),
      ),
    );
    const seqs = (await service.timeline(target.id)).map(e => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('answers unknown ids with 404', async () => {
    await expect(service.get('INC-999999')).rejects.toThrow(NotFoundError);
    await expect(
      service.get('00000000-0000-0000-0000-000000000000'),
    ).rejects.toThrow(NotFoundError);
  });
});
