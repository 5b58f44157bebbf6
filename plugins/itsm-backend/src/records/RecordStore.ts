import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  formatRecordNumber,
  RecordKind,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { ItsmRecordResource } from '@backstage-itsm/plugin-itsm-node';
import { applyReadFilter, ReadFilter } from '../permissions/toKnex';
import { decodeCursor, encodeCursor } from './cursor';
import { toIso } from './time';
import {
  NewRecordCore,
  NewTimelineEntry,
  Paging,
  RecordCorePatch,
  RecordListFilter,
} from './types';

const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

/**
 * Called in the transaction of every timeline append, after the rows are written;
 * `at` is the time of the entries.
 */
export type TimelineObserver = (
  trx: Knex.Transaction,
  recordId: string,
  at: string,
  entries: NewTimelineEntry[],
) => Promise<void>;

/** Row of `itsm_records` as knex returns it. */
export interface RecordRow {
  id: string;
  kind: RecordKind;
  number: string;
  title: string;
  description: string;
  state: string;
  entity_ref: string;
  requester: string;
  assignee: string | null;
  assignment_group: string | null;
  priority: string;
  is_open: boolean | number;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

/**
 * The shared record core: numbering, the record row and its CIs, the append-only
 * timeline, optimistic concurrency and keyset-paginated lists. Every kind's store builds
 * on it; no kind writes these tables by itself.
 */
export class RecordStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** How long to wait for another instance's migrations (ms). */
    migrationWait?: number;
  }): Promise<RecordStore> {
    const db = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await RecordStore.migrate(db, options.migrationWait);
    }
    return new RecordStore(db);
  }

  /**
   * Migrates to the latest schema. Instances started together on one database all
   * migrate: the first takes knex's migration lock, the others wait for it and find
   * nothing left to do, instead of failing start-up with MigrationLocked.
   */
  static async migrate(db: Knex, waitMs = 120_000): Promise<void> {
    const deadline = Date.now() + waitMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await db.migrate.latest({ directory: migrationsDir });
        return;
      } catch (error) {
        if (!migratingElsewhere(error) || Date.now() > deadline) throw error;
        await new Promise(resolve =>
          setTimeout(resolve, 100 * Math.min(attempt, 10)),
        );
      }
    }
  }

  static readonly migrationsDir = migrationsDir;

  constructor(readonly db: Knex) {}

  private get isSqlite(): boolean {
    return this.db.client.config.client.includes('sqlite');
  }

  private readonly timelineObservers = new Map<
    TimelineObserver | string,
    TimelineObserver
  >();

  /**
   * Runs `observer` inside the transaction of every timeline append: derived data (the
   * SLA timers, change outcomes) is kept in step with the timeline in the same
   * transaction, whichever path wrote it. Under a `key`, one observer per store however
   * often it is asked for (each kind store of a record store asks).
   */
  onAppend(observer: TimelineObserver, key?: string): void {
    if (key === undefined || !this.timelineObservers.has(key))
      this.timelineObservers.set(key ?? observer, observer);
  }

  /** Work asked to run at the end of each open transaction, by key. */
  private readonly atEndOf = new WeakMap<
    Knex.Transaction,
    Map<string, () => Promise<void>>
  >();

  transaction<T>(fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(async trx => {
      const tasks = new Map<string, () => Promise<void>>();
      this.atEndOf.set(trx, tasks);
      const result = await fn(trx);
      // A Map visits entries added while it is iterated: a task may ask for more.
      for (const task of tasks.values()) await task();
      return result;
    });
  }

  /**
   * Runs `task` once at the end of `trx`, just before it commits, however often it is
   * asked for under the same key (derived sums: computed once from the final rows, and
   * their hot rows locked only for the commit). Runs it now when `trx` was not begun
   * by `transaction`.
   */
  async atEnd(
    trx: Knex.Transaction,
    key: string,
    task: () => Promise<void>,
  ): Promise<void> {
    const tasks = this.atEndOf.get(trx);
    if (!tasks) {
      await task();
      return;
    }
    if (!tasks.has(key)) tasks.set(key, task);
  }

  /**
   * Takes the next number of a kind: one UPDATE … RETURNING on the counter row, whose
   * row lock keeps concurrent takers from reading the same value until `db` commits.
   */
  async nextNumber(db: Knex, kind: RecordKind): Promise<string> {
    const [row] = await db('itsm_sequences')
      .where({ kind })
      .update({ last_value: db.raw('last_value + 1') })
      .returning('last_value');
    return formatRecordNumber(kind, Number(row.last_value));
  }

  /**
   * Runs a create's transaction with the record's number. On PostgreSQL the number is
   * taken in a statement of its own before the transaction, so the counter row is
   * locked for that statement only and creates run side by side (a create that fails
   * afterwards leaves a gap in the numbers). On SQLite, which writes one transaction at
   * a time anyway, and where this store is bound to a transaction (the demo load, all
   * or nothing), it is taken inside the transaction: no gaps there.
   */
  async creating<T>(
    kind: RecordKind,
    fn: (trx: Knex.Transaction, number: string) => Promise<T>,
  ): Promise<T> {
    const inside =
      this.db.isTransaction || this.db.client.config.client.includes('sqlite');
    const taken = inside ? undefined : await this.nextNumber(this.db, kind);
    return this.transaction(async trx =>
      fn(trx, taken ?? (await this.nextNumber(trx, kind))),
    );
  }

  async insertCore(trx: Knex.Transaction, core: NewRecordCore): Promise<void> {
    await trx('itsm_records').insert({
      id: core.id,
      kind: core.kind,
      number: core.number,
      title: core.title,
      description: core.description,
      state: core.state,
      is_open: core.isOpen,
      entity_ref: core.entityRef,
      requester: core.requester,
      assignee: core.assignee,
      assignment_group: core.assignmentGroup,
      priority: core.priority,
      ci_tier: core.ciTier ?? null,
      created_at: core.createdAt,
      updated_at: core.createdAt,
      version: 1,
      timeline_seq: 0,
    });
    await this.insertCis(trx, core.id, core.entityRef, core.affectedEntityRefs);
  }

  /**
   * Reads a record row for a change and locks it (FOR UPDATE where the engine has it),
   * after checking the version the caller read: a stale version is a 409, not a lost
   * update.
   */
  async lockForUpdate(
    trx: Knex.Transaction,
    kind: RecordKind,
    id: string,
    expectedVersion?: number,
  ): Promise<RecordRow> {
    const locked = await this.lock(trx, id);
    const row = locked?.kind === kind ? locked : undefined;
    if (!row) throw new NotFoundError(`No ${kind} with id ${id}`);
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new ConflictError(
        `${row.number} was changed by someone else: version ${expectedVersion} is stale, the current version is ${row.version}. Reload and try again.`,
      );
    }
    return row;
  }

  /**
   * Locks a record row whatever its kind, for work that does not change the record
   * itself (the SLA sweep); undefined when it is gone.
   */
  async lock(
    trx: Knex.Transaction,
    id: string,
  ): Promise<RecordRow | undefined> {
    const query = trx<RecordRow>('itsm_records').where({ id }).first();
    return trx.client.config.client.includes('sqlite')
      ? query
      : query.forUpdate();
  }

  /** Writes a change to the core and bumps the version, guarded by the version read. */
  async updateCore(
    trx: Knex.Transaction,
    row: RecordRow,
    patch: RecordCorePatch,
    at: string,
  ): Promise<number> {
    const columns: Record<string, unknown> = {};
    if (patch.title !== undefined) columns.title = patch.title;
    if (patch.description !== undefined)
      columns.description = patch.description;
    if (patch.state !== undefined) columns.state = patch.state;
    if (patch.isOpen !== undefined) columns.is_open = patch.isOpen;
    if (patch.assignee !== undefined) columns.assignee = patch.assignee;
    if (patch.assignmentGroup !== undefined)
      columns.assignment_group = patch.assignmentGroup;
    if (patch.priority !== undefined) columns.priority = patch.priority;
    const updated = await trx('itsm_records')
      .where({ id: row.id, version: row.version })
      .update({ ...columns, updated_at: at, version: row.version + 1 });
    if (updated !== 1) {
      throw new ConflictError(
        `${row.number} was changed by someone else meanwhile. Reload and try again.`,
      );
    }
    return row.version + 1;
  }

  async replaceCis(
    trx: Knex.Transaction,
    recordId: string,
    primary: string,
    affected: string[],
  ): Promise<void> {
    await trx('itsm_record_cis').where({ record_id: recordId }).delete();
    await this.insertCis(trx, recordId, primary, affected);
  }

  private async insertCis(
    trx: Knex.Transaction,
    recordId: string,
    primary: string,
    affected: string[],
  ): Promise<void> {
    const rows = [
      { record_id: recordId, entity_ref: primary, role: 'primary' },
      ...[...new Set(affected)]
        .filter(ref => ref !== primary)
        .map(ref => ({
          record_id: recordId,
          entity_ref: ref,
          role: 'affected',
        })),
    ];
    await trx('itsm_record_cis').insert(rows);
  }

  async getAffectedEntityRefs(
    recordIds: string[],
    db: Knex = this.db,
  ): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(recordIds.map(id => [id, []]));
    if (recordIds.length === 0) return result;
    const rows = await db('itsm_record_cis')
      .whereIn('record_id', recordIds)
      .andWhere({ role: 'affected' })
      .orderBy('entity_ref')
      .select('record_id', 'entity_ref');
    for (const row of rows) result.get(row.record_id)?.push(row.entity_ref);
    return result;
  }

  /**
   * Appends entries to a record's timeline. The position counter lives on the record
   * row and is bumped by an UPDATE, whose row lock serialises concurrent appenders, so
   * positions stay gap free and unique.
   */
  async appendTimeline(
    trx: Knex.Transaction,
    recordId: string,
    actor: string,
    at: string,
    entries: NewTimelineEntry[],
  ): Promise<TimelineEntry[]> {
    if (entries.length === 0) return [];
    const [{ timeline_seq: last }] = await trx('itsm_records')
      .where({ id: recordId })
      .update({ timeline_seq: trx.raw('timeline_seq + ?', [entries.length]) })
      .returning('timeline_seq');
    const first = Number(last) - entries.length + 1;
    const written: TimelineEntry[] = entries.map((entry, i) => ({
      id: uuid(),
      recordId,
      seq: first + i,
      type: entry.type,
      actor,
      at,
      ...(entry.body !== undefined ? { body: entry.body } : {}),
      ...(entry.changes ? { changes: entry.changes } : {}),
      ...(entry.fromState ? { fromState: entry.fromState } : {}),
      ...(entry.toState ? { toState: entry.toState } : {}),
      ...(entry.link ? { link: entry.link } : {}),
    }));
    await trx('itsm_timeline').insert(
      written.map(entry => ({
        id: entry.id,
        record_id: recordId,
        seq: entry.seq,
        type: entry.type,
        actor,
        at,
        body: entry.body ?? null,
        data: serializeData(entry),
      })),
    );
    for (const observer of this.timelineObservers.values()) {
      await observer(trx, recordId, at, entries);
    }
    return written;
  }

  async getTimeline(
    recordId: string,
    db: Knex = this.db,
  ): Promise<TimelineEntry[]> {
    const rows = await db('itsm_timeline')
      .where({ record_id: recordId })
      .orderBy('seq', 'asc');
    return rows.map(row => ({
      id: row.id,
      recordId: row.record_id,
      seq: Number(row.seq),
      type: row.type,
      actor: row.actor,
      at: toIso(row.at),
      ...(row.body !== null ? { body: row.body } : {}),
      ...(row.data ? JSON.parse(row.data) : {}),
    }));
  }

  /** What permission rules see of records, whatever their kind (undefined when unknown). */
  async getPermissionResources(
    ids: string[],
  ): Promise<Array<ItsmRecordResource | undefined>> {
    const rows: RecordRow[] = await this.db('itsm_records')
      .whereIn('id', ids)
      .select('id', 'requester', 'assignee', 'assignment_group');
    const approvers = await this.db('itsm_approval_steps as s')
      .join('itsm_approval_step_groups as g', 'g.step_id', 's.id')
      .whereIn('s.record_id', ids)
      .andWhere('g.state', 'pending')
      .select('s.record_id', 'g.group_ref');
    const known = new Set<string>(
      await this.db('itsm_problems')
        .whereIn('record_id', ids)
        .andWhere('known_error', true)
        .pluck('record_id'),
    );
    const byId = new Map(rows.map(row => [row.id, row]));
    return ids.map(id => {
      const row = byId.get(id);
      return (
        row && {
          id: row.id,
          requester: row.requester,
          assignee: row.assignee ?? null,
          assignmentGroup: row.assignment_group ?? null,
          pendingApprovers: approvers
            .filter(a => a.record_id === id)
            .map(a => a.group_ref),
          knownError: known.has(id),
        }
      );
    });
  }

  /**
   * Which of the given records (by id or by number) of a kind the filter lets
   * through: the related records an endpoint may show.
   */
  async readable(
    kind: RecordKind,
    key: 'id' | 'number',
    values: string[],
    filter: ReadFilter,
  ): Promise<Set<string>> {
    const unique = [...new Set(values)];
    if (unique.length === 0 || filter === null) return new Set();
    const query = this.db('itsm_records as r')
      .where('r.kind', kind)
      .whereIn(`r.${key}`, unique);
    applyReadFilter(query, filter);
    return new Set(await query.pluck(`r.${key}`));
  }

  async count(kind: RecordKind): Promise<number> {
    const [{ n }] = await this.db('itsm_records')
      .where({ kind })
      .count({ n: '*' });
    return Number(n);
  }

  /** Resolves a uuid or a human number (INC-000123) to the record id. */
  async resolveId(kind: RecordKind, idOrNumber: string): Promise<string> {
    const column = /^[A-Za-z]{3}-\d+$/.test(idOrNumber) ? 'number' : 'id';
    const value = column === 'number' ? idOrNumber.toUpperCase() : idOrNumber;
    const row = await this.db('itsm_records')
      .where({ kind, [column]: value })
      .first('id');
    if (!row)
      throw new NotFoundError(RecordStore.notFoundMessage(kind, idOrNumber));
    return row.id;
  }

  /**
   * The answer for a record that is not there, also given for a record the caller may
   * not read: the two must not be told apart.
   */
  static notFoundMessage(kind: RecordKind, idOrNumber: string): string {
    return `No ${kind} ${idOrNumber}`;
  }

  /** Narrows a query over `itsm_records as r` to records with this CI, primary or affected. */
  withCi(query: Knex.QueryBuilder, entityRef: string): Knex.QueryBuilder {
    return query.whereIn(
      'r.id',
      this.db('itsm_record_cis')
        .where({ entity_ref: entityRef })
        .select('record_id'),
    );
  }

  /**
   * Applies the list filters and newest-first keyset pagination to a query over
   * `itsm_records as r`. Fetches one row more than the limit to know if a next page
   * exists.
   */
  applyListQuery(
    query: Knex.QueryBuilder,
    filter: RecordListFilter,
    paging: Paging,
  ): Knex.QueryBuilder {
    if (filter.entityRef) this.withCi(query, filter.entityRef);
    if (filter.states?.length) query.whereIn('r.state', filter.states);
    else if (filter.open) query.where('r.is_open', true);
    if (filter.priorities?.length)
      query.whereIn('r.priority', filter.priorities);
    if (filter.assignee) query.where('r.assignee', filter.assignee);
    if (filter.requester) query.where('r.requester', filter.requester);
    if (filter.assignmentGroups?.length)
      query.whereIn('r.assignment_group', filter.assignmentGroups);
    if (filter.q) {
      // ASCII letters fold to lower case, others match as written, on both engines:
      // SQLite's lower() knows no other letters, and PostgreSQL's would follow the
      // database's locale unless told to use "C".
      const needle = `%${filter.q
        .replace(/[A-Z]/g, c => c.toLowerCase())
        .replace(/[\\%_]/g, c => `\\${c}`)}%`;
      const lower = (column: string) =>
        this.isSqlite ? `lower(${column})` : `lower(${column} collate "C")`;
      query.where(inner =>
        inner
          .whereRaw(`${lower('r.title')} like ? escape '\\'`, [needle])
          .orWhereRaw(`${lower('r.number')} like ? escape '\\'`, [needle]),
      );
    }
    if (paging.cursor) {
      const after = decodeCursor(paging.cursor);
      query.where(inner =>
        inner
          .where('r.created_at', '<', after.createdAt)
          .orWhere(same =>
            same
              .where('r.created_at', '=', after.createdAt)
              .andWhere('r.id', '<', after.id),
          ),
      );
    }
    return query
      .orderBy([
        { column: 'r.created_at', order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ])
      .limit(paging.limit + 1);
  }

  /** Cuts the extra row fetched by `applyListQuery` and computes the next cursor. */
  static toPage<Row extends { id: string; created_at: unknown }>(
    rows: Row[],
    limit: number,
  ): { rows: Row[]; nextCursor?: string } {
    if (rows.length <= limit) return { rows };
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    return {
      rows: pageRows,
      nextCursor: encodeCursor({
        createdAt: toIso(last.created_at),
        id: last.id,
      }),
    };
  }
}

/**
 * Another instance holds knex's migration lock, or is creating knex's own tables at
 * this moment (PostgreSQL then reports the table, or its type, as already there).
 */
function migratingElsewhere(error: unknown): boolean {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    detail?: string;
  };
  if (e?.name === 'MigrationLocked') return true;
  // Both creating knex's own tables at once: PostgreSQL reports the loser as a duplicate
  // table (42P07), a duplicate row type (42710) or a duplicate pg_type key (23505).
  return (
    ['42P07', '42710', '23505'].includes(e?.code ?? '') &&
    /knex_migrations/.test(`${e.message} ${e.detail}`)
  );
}

function serializeData(entry: TimelineEntry): string | null {
  const data: Record<string, unknown> = {};
  if (entry.changes) data.changes = entry.changes;
  if (entry.fromState) data.fromState = entry.fromState;
  if (entry.toState) data.toState = entry.toState;
  if (entry.link) data.link = entry.link;
  return Object.keys(data).length ? JSON.stringify(data) : null;
}
