import { Knex } from 'knex';
import { RecordStore } from '../records/RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { testServicesOver } from '../__testUtils__/services';
import { person } from '../__testUtils__/users';
import { SearchFeed } from './SearchFeed';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();
const alice = person('alice', ['team-payments']);

describe.each(ids)('the search feed on %s', databaseId => {
  let knex: Knex;
  let feed: SearchFeed;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    const services = testServicesOver()(new RecordStore(knex));
    for (const n of [1, 2, 3, 4, 5]) {
      await services.incidents.create(
        {
          title: `Incident ${n}`,
          description: n === 1 ? 'Refunds fail' : '',
          entityRef: 'component:default/payments-api',
          ...(n === 1
            ? { affectedEntityRefs: ['component:default/checkout-web'] }
            : {}),
          impact: 2,
          urgency: 2,
        },
        alice,
      );
    }
    feed = new SearchFeed(new RecordStore(knex));
  });

  /** Every page, following the cursors. */
  const all = async (limit: number) => {
    const numbers: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await feed.page('incident', { limit, cursor });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      numbers.push(...page.items.map(item => item.number));
      cursor = page.nextCursor;
    } while (cursor);
    return numbers;
  };

  it('gives every record of the kind once, with its CIs primary first', async () => {
    const first = await feed.page('incident', { limit: 1 });
    expect(first.items).toEqual([
      expect.objectContaining({
        kind: 'incident',
        number: 'INC-000001',
        title: 'Incident 1',
        description: 'Refunds fail',
        state: 'new',
        priority: 'P3',
        entityRefs: [
          'component:default/payments-api',
          'component:default/checkout-web',
        ],
        assignmentGroup: 'group:default/team-payments',
      }),
    ]);
    expect(await all(2)).toEqual([
      'INC-000001',
      'INC-000002',
      'INC-000003',
      'INC-000004',
      'INC-000005',
    ]);
    expect(await feed.page('change')).toEqual({ items: [] });
  });

  it('pages by (created_at, id): records created in the same millisecond are neither lost nor repeated', async () => {
    await knex('itsm_records').update({
      created_at: (await knex('itsm_records').first('created_at')).created_at,
    });
    const numbers = await all(2);
    expect([...numbers].sort()).toEqual([
      'INC-000001',
      'INC-000002',
      'INC-000003',
      'INC-000004',
      'INC-000005',
    ]);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(
      feed.page('incident', { cursor: 'bm90IGEgY3Vyc29y' }),
    ).rejects.toThrow('cursor is not a cursor returned by this API');
  });
});
