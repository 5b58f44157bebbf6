import { Knex } from 'knex';
import { ReadFilter } from '../permissions/toKnex';
import { RecordStore } from '../records/RecordStore';
import { rebuildSlaRollups } from '../sla/rollups';
import { createTestChangeService } from '../__testUtils__/services';
import { aliceInBothTeams as alice } from '../__testUtils__/users';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ChangeOutcomes, ClosedChanges } from './ChangeOutcomes';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

const DAY = 86_400_000;
// Mid-morning, so a 30-day period starts mid-day.
const NOW = Date.parse('2026-11-30T10:17:00.000Z');
const FROM = NOW - 30 * DAY;
const MIDNIGHT_AFTER_FROM = Math.ceil(FROM / DAY) * DAY;

/** Every change, through the filtered path (the rows, not the lines). */
const allChangesFiltered = {
  column: 'kind',
  values: ['change'],
} as unknown as ReadFilter;

const sorted = (rows: ClosedChanges[]) =>
  [...rows].sort((a, b) =>
    `${a.key}/${a.close_code}`.localeCompare(`${b.key}/${b.close_code}`),
  );

describe.each(ids)('change outcomes on %s', databaseId => {
  it('count the changes closed in a period as the changes themselves do, at its edges too', async () => {
    const knex: Knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    let now = NOW;
    const changes = createTestChangeService(knex, { now: () => new Date(now) });
    const closeAt = async (
      at: number,
      entityRef: string,
      closeCode: string,
    ) => {
      now = at - 60_000;
      let change = await changes.create(
        {
          title: 'Rotate keys',
          entityRef,
          type: 'standard',
          risk: 'low',
          implementationPlan: 'pipeline',
          backoutPlan: 'roll back',
          testPlan: 'smoke tests',
          plannedStart: new Date(at - 50_000).toISOString(),
          plannedEnd: new Date(at - 10_000).toISOString(),
        },
        alice,
      );
      for (const to of ['scheduled', 'implement', 'review'] as const)
        change = await changes.transition(
          change.id,
          { version: change.version, to },
          alice,
        );
      now = at;
      await changes.transition(
        change.id,
        { version: change.version, to: 'closed', closeCode: closeCode as any },
        alice,
      );
    };
    const payments = 'component:default/payments-api';
    const cart = 'component:default/cart-service';
    await closeAt(FROM - 1, payments, 'successful'); // just before: not counted
    await closeAt(FROM, payments, 'successful'); // on the start: counted
    await closeAt(FROM + 1, cart, 'backed_out'); // the start's day part
    await closeAt(MIDNIGHT_AFTER_FROM, payments, 'unsuccessful'); // first whole day
    await closeAt(MIDNIGHT_AFTER_FROM - 1, cart, 'successful'); // day part's last ms
    await closeAt(NOW - 5 * DAY, cart, 'successful_with_issues');
    await closeAt(NOW - 1000, payments, 'successful'); // today
    // A change that is not closed counts nowhere.
    await changes.create(
      { title: 'Open', entityRef: payments, type: 'normal', risk: 'low' },
      alice,
    );

    const outcomes = new ChangeOutcomes(new RecordStore(knex));
    for (const keyBy of ['group', 'entity'] as const) {
      const fromLines = await outcomes.closedSince(undefined, keyBy, FROM);
      const fromRows = await outcomes.closedSince(
        allChangesFiltered,
        keyBy,
        FROM,
      );
      expect(sorted(fromLines)).toEqual(sorted(fromRows));
      expect(fromLines.reduce((n, row) => n + row.n, 0)).toBe(6);
    }
    expect(
      sorted(await outcomes.closedSince(undefined, 'entity', FROM)),
    ).toEqual([
      { key: cart, close_code: 'backed_out', n: 1 },
      { key: cart, close_code: 'successful', n: 1 },
      { key: cart, close_code: 'successful_with_issues', n: 1 },
      { key: payments, close_code: 'successful', n: 2 },
      { key: payments, close_code: 'unsuccessful', n: 1 },
    ]);
    // A caller who may read no change sees none.
    expect(await outcomes.closedSince(null, 'group', FROM)).toEqual([]);

    // The lines kept by the closing transactions are what a rebuild makes.
    const kept = await knex('itsm_change_outcomes').orderBy([
      'role',
      'day',
      'ref',
      'close_code',
    ]);
    await rebuildSlaRollups(knex);
    expect(
      await knex('itsm_change_outcomes').orderBy([
        'role',
        'day',
        'ref',
        'close_code',
      ]),
    ).toEqual(kept);
    expect(kept.length).toBeGreaterThan(0);
  });
});
