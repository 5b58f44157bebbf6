import {
  CommentVisibility,
  Page,
  Priority,
  RecordCore,
  RecordKind,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { NotFoundError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { ItsmRecordQuery } from '@backstage-itsm/plugin-itsm-node';
import { applyPermissionCriteria } from '../permissions/toKnex';
import { RecordRow, RecordStore } from './RecordStore';
import { toIso } from './time';
import { nonBlank } from './text';
import {
  NewTimelineEntry,
  Paging,
  RecordCorePatch,
  RecordListFilter,
} from './types';

/** What one act does to a record: core columns, the kind's columns, the timeline. */
export interface RecordChange<F> {
  core: RecordCorePatch;
  fields: Partial<F>;
  timeline: NewTimelineEntry[];
}

/** What one change does to a record, said under its lock (see KindStore.change). */
export type ChangeAct<T, F> = (
  trx: Knex.Transaction,
  current: T,
  at: string,
) => Promise<RecordChange<F>>;

/** Locks an act takes before the record's (a problem before its incidents). */
export type LockFirst = (trx: Knex.Transaction) => Promise<void>;

/** What an act does with a record under its lock (see KindStore.withLock). */
export type LockedAct<T, R = void> = (
  trx: Knex.Transaction,
  current: T,
  row: RecordRow,
  at: string,
) => Promise<R>;

/** A record row joined with its kind's row. */
export type JoinedRow = RecordRow & Record<string, any>;

/** The fields of `T` that hold a linked record's number (string or null). */
type LinkFields<T> = 'causedByChange' | 'problem' | 'parent' extends infer K
  ? K & keyof T
  : never;

export interface KindTableSpec<T extends RecordCore, F extends object> {
  kind: T['kind'] & RecordKind;
  /** The kind's table, keyed by `record_id`, aliased `k` in queries. */
  table: string;
  /** Column of each kind field. */
  columns: Record<keyof F, string>;
  /** How a field is written when it is not stored as it is (e.g. JSON text). */
  toColumn?: Partial<Record<keyof F, (value: any) => unknown>>;
  /** The kind's fields of a joined row (the core and the linked numbers are mapped by the store). */
  fromRow: (row: JoinedRow) => Omit<T, keyof RecordCore | LinkFields<T>>;
  /** Adds joins or columns to every select. */
  extendSelect?: (query: Knex.QueryBuilder) => void;
  /**
   * Links to other records the API shows by number: field → the kind's column holding
   * the linked record's id (e.g. `problem` → `problem_id`).
   */
  linkedNumbers?: Record<string, string>;
}

/**
 * The store of one kind: its own row beside the shared record core, read joined to it.
 * Every kind gets get/list/insert/update from here; what differs is the spec.
 */
export class KindStore<T extends RecordCore, F extends object> {
  constructor(
    protected readonly records: RecordStore,
    private readonly spec: KindTableSpec<T, F>,
  ) {}

  get kind(): T['kind'] & RecordKind {
    return this.spec.kind;
  }

  protected get db(): Knex {
    return this.records.db;
  }

  protected select(db: Knex | Knex.Transaction): Knex.QueryBuilder {
    const query = db('itsm_records as r')
      .join(`${this.spec.table} as k`, 'k.record_id', 'r.id')
      .where('r.kind', this.spec.kind)
      .select('r.*', 'k.*');
    for (const [field, column] of Object.entries(
      this.spec.linkedNumbers ?? {},
    )) {
      query
        .leftJoin(
          `itsm_records as link_${field}`,
          `link_${field}.id`,
          `k.${column}`,
        )
        .select({ [`link_${field}_number`]: `link_${field}.number` });
    }
    this.spec.extendSelect?.(query);
    return query;
  }

  async insert(trx: Knex.Transaction, recordId: string, fields: F) {
    await trx(this.spec.table).insert({
      record_id: recordId,
      ...this.toColumns(fields),
    });
  }

  async update(trx: Knex.Transaction, recordId: string, patch: Partial<F>) {
    const columns = this.toColumns(patch);
    if (Object.keys(columns).length === 0) return;
    await trx(this.spec.table).where({ record_id: recordId }).update(columns);
  }

  async get(id: string, trx?: Knex.Transaction): Promise<T | undefined> {
    const row = await this.select(trx ?? this.db)
      .andWhere('r.id', id)
      .first();
    if (!row) return undefined;
    const affected = await this.records.getAffectedEntityRefs([id], trx);
    return this.toRecord(row, affected.get(id) ?? []);
  }

  /** The id of a record given by uuid or number (INC-000123); 404 when there is none. */
  resolveId(idOrNumber: string): Promise<string> {
    return this.records.resolveId(this.spec.kind, idOrNumber);
  }

  /** A record's timeline, oldest first; 404 when there is no such record. */
  async timeline(idOrNumber: string): Promise<TimelineEntry[]> {
    return this.records.getTimeline(await this.resolveId(idOrNumber));
  }

  /** A record by uuid or number (INC-000123); 404 when there is none. */
  async find(idOrNumber: string): Promise<T> {
    const id = await this.resolveId(idOrNumber);
    const record = await this.get(id);
    if (!record) throw new NotFoundError(`No ${this.spec.kind} ${idOrNumber}`);
    return record;
  }

  /**
   * Appends a comment (visible to the requester) or a work note under the record's
   * lock; comments do not change the record, so they need no version. `along` acts
   * with the comment, in its transaction (e.g. the caller's reply resumes an incident).
   */
  comment(
    id: string,
    input: { body: string; visibility: CommentVisibility },
    actorRef: string,
    now: () => Date,
    along?: LockedAct<T>,
  ): Promise<TimelineEntry> {
    nonBlank('body', input.body);
    return this.append(
      id,
      { type: input.visibility, body: input.body },
      actorRef,
      now,
      { along },
    );
  }

  /**
   * Appends one entry to a record's timeline under its lock, for acts that only add to
   * it (no version needed): `check` may refuse the locked record first, `along` acts
   * with the entry, in its transaction.
   */
  append(
    id: string,
    entry: NewTimelineEntry,
    actorRef: string,
    now: () => Date,
    hooks: { check?: (current: T) => void; along?: LockedAct<T> } = {},
  ): Promise<TimelineEntry> {
    return this.withLock(id, now, async (trx, current, row, at) => {
      hooks.check?.(current);
      const [written] = await this.records.appendTimeline(
        trx,
        id,
        actorRef,
        at,
        [entry],
      );
      await hooks.along?.(trx, current, row, at);
      return written;
    });
  }

  /**
   * Runs `fn` with the record locked (row lock where the engine has it), in one
   * transaction; `at` is taken after the lock so that timeline times follow the order
   * in which concurrent acts were applied.
   */
  async withLock<R>(
    id: string,
    now: () => Date,
    fn: LockedAct<T, R>,
    version?: number,
    lockFirst?: LockFirst,
  ): Promise<R> {
    return this.records.transaction(async trx => {
      await lockFirst?.(trx);
      const row = await this.records.lockForUpdate(
        trx,
        this.spec.kind,
        id,
        version,
      );
      const current = (await this.get(id, trx))!;
      return fn(trx, current, row, now().toISOString());
    });
  }

  /**
   * One change of a record: lock, check the version read by the caller (409 when
   * stale), apply, bump the version and append the timeline, in one transaction.
   */
  change(
    id: string,
    version: number | undefined,
    actor: string,
    now: () => Date,
    apply: ChangeAct<T, F>,
    lockFirst?: LockFirst,
  ): Promise<T> {
    return this.withLock(
      id,
      now,
      async (trx, current, row, at) => {
        const { core, fields, timeline } = await apply(trx, current, at);
        await this.records.updateCore(trx, row, core, at);
        await this.update(trx, id, fields);
        await this.records.appendTimeline(trx, id, actor, at, timeline);
        return (await this.get(id, trx))!;
      },
      version,
      lockFirst,
    );
  }

  /**
   * One change of a record inside a transaction already open, for records changed
   * along with another one (after it, in the lock order of the act).
   */
  async changeWithin(
    trx: Knex.Transaction,
    id: string,
    actor: string,
    at: string,
    apply: (current: T) => RecordChange<F> | Promise<RecordChange<F>>,
  ): Promise<T> {
    const row = await this.records.lockForUpdate(trx, this.spec.kind, id);
    const { core, fields, timeline } = await apply((await this.get(id, trx))!);
    await this.records.updateCore(trx, row, core, at);
    await this.update(trx, id, fields);
    await this.records.appendTimeline(trx, id, actor, at, timeline);
    return (await this.get(id, trx))!;
  }

  /**
   * A keyset page of the kind's records. `narrow` adds the kind's own filters (on `k`).
   */
  async list(
    filter: RecordListFilter,
    paging: Paging,
    criteria?: PermissionCriteria<ItsmRecordQuery>,
    narrow?: (query: Knex.QueryBuilder) => void,
  ): Promise<Page<T>> {
    const query = this.select(this.db);
    if (criteria) applyPermissionCriteria(query, criteria);
    narrow?.(query);
    const rows: JoinedRow[] = await this.records.applyListQuery(
      query,
      filter,
      paging,
    );
    const page = RecordStore.toPage(rows, paging.limit);
    return {
      items: await this.toRecords(page.rows),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  /** Maps rows, reading their affected CIs in one query. */
  protected async toRecords(rows: JoinedRow[], db?: Knex): Promise<T[]> {
    const affected = await this.records.getAffectedEntityRefs(
      rows.map(row => row.id),
      db,
    );
    return rows.map(row => this.toRecord(row, affected.get(row.id) ?? []));
  }

  private toRecord(row: JoinedRow, affected: string[]): T {
    const core: RecordCore = {
      id: row.id,
      number: row.number,
      kind: this.spec.kind,
      title: row.title,
      description: row.description ?? '',
      state: row.state,
      entityRef: row.entity_ref,
      affectedEntityRefs: affected,
      requester: row.requester,
      assignee: row.assignee ?? null,
      assignmentGroup: row.assignment_group ?? null,
      priority: row.priority as Priority,
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
      version: Number(row.version),
    };
    const links = Object.fromEntries(
      Object.keys(this.spec.linkedNumbers ?? {}).map(field => [
        field,
        row[`link_${field}_number`] ?? null,
      ]),
    );
    return { ...core, ...links, ...this.spec.fromRow(row) } as T;
  }

  private toColumns(fields: Partial<F>): Record<string, unknown> {
    const columns: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(this.spec.columns)) {
      const value = fields[key as keyof F];
      const convert = this.spec.toColumn?.[key as keyof F];
      if (value !== undefined)
        columns[column as string] = convert ? convert(value) : value;
    }
    return columns;
  }
}
