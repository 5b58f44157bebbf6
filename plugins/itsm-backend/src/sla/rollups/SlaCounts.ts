import { Knex } from 'knex';
import { applyReadFilters, ReadFilters } from '../../permissions/toKnex';
import { RecordStore } from '../../records/RecordStore';
import { splitByDays } from './counted';
import { OPEN_DAY } from './SlaRollupStore';

/** Which records are counted; all given parts must hold (see SlaScope). */
export interface CountScope {
  entityRef?: string;
  group?: string;
  primaryCis?: string[];
}

/** What the counts are broken down by, besides kind and metric. */
export type CountKey = 'none' | 'group' | 'entity';

/** Counted cycles of one key, kind and metric over a window. */
export interface CountRow {
  key: string | null;
  kind: string;
  metric: string;
  met: number;
  breached: number;
  canceled: number;
  wall_sum_ms: number;
  wall_n: number;
}

const SUMS = ['met', 'breached', 'canceled', 'wall_sum_ms', 'wall_n'] as const;

/** Cycles open now under one key. */
export interface OpenRow {
  key: string | null;
  n: number;
  breached: number;
  atRisk: number;
}

/** A window [from, to) in ms; `to` may be Infinity. */
export type Window = { from: number; to: number };

/**
 * Counts of SLA cycles over time windows, computed by the database. When the caller may
 * read every record (nothing to filter out), whole days come from the daily rollups and
 * the parts of days at a window's ends from the records' ledger lines, which keep the
 * instant they count at; otherwise both come from the timer rows grouped by the database
 * under the caller's read filters. The answer is the same either way
 * (SlaReports.property.test.ts); its cost follows the number of days and keys asked
 * for, not the history.
 */
export class SlaCounts {
  constructor(private readonly records: RecordStore) {}

  private get db(): Knex {
    return this.records.db;
  }

  /** The counts of each window, by key, kind and metric. */
  async windows(
    visible: ReadFilters,
    scope: CountScope,
    keyBy: CountKey,
    windows: Window[],
  ): Promise<CountRow[][]> {
    const splits = windows.map(w => splitByDays(w.from, w.to));
    const dayRanges = splits.flatMap(s => (s.days ? [s.days] : []));
    const firstDay = dayRanges.map(d => d.from).sort()[0];
    const lastDay = dayRanges.some(d => d.to === null)
      ? null
      : dayRanges
          .map(d => d.to!)
          .sort()
          .pop() ?? null;
    const useRollups = this.rollupsServe(visible, scope);
    // One range of whole days for all windows: the database sums the days too.
    const byDay = new Set(dayRanges.map(d => `${d.from}/${d.to}`)).size > 1;
    const [days, ...edges] = await Promise.all([
      firstDay === undefined
        ? Promise.resolve([] as (CountRow & { day: string })[])
        : (useRollups ? this.rollupDays : this.timerDays).call(
            this,
            visible,
            scope,
            keyBy,
            firstDay,
            lastDay,
            byDay,
          ),
      ...splits.flatMap(s =>
        s.edges.map(e =>
          useRollups
            ? this.ledgerRange(scope, keyBy, e)
            : this.timerRange(visible, scope, keyBy, e),
        ),
      ),
    ]);
    let edge = 0;
    return splits.map(split => {
      const rows: CountRow[] = [];
      if (split.days) {
        const { from, to } = split.days;
        rows.push(
          ...(byDay
            ? days.filter(d => d.day >= from && (!to || d.day < to))
            : days),
        );
      }
      for (let i = 0; i < split.edges.length; i++) rows.push(...edges[edge++]);
      return sum(rows);
    });
  }

  /**
   * The rollups hold every record, so they answer only callers who may read every
   * record, and scopes they are kept by: a CI (any role), a group, the primary CI.
   */
  private rollupsServe(visible: ReadFilters, scope: CountScope): boolean {
    const readsAll = Object.values(visible).every(f => f === undefined);
    return readsAll && !(scope.entityRef && scope.primaryCis);
  }

  private rollupDays(
    _visible: ReadFilters,
    scope: CountScope,
    keyBy: CountKey,
    fromDay: string,
    toDay: string | null,
    byDay: boolean,
  ) {
    const query = this.lines('itsm_sla_rollups', scope, keyBy).where(
      'u.day',
      '>=',
      fromDay,
    );
    if (toDay) query.where('u.day', '<', toDay);
    return this.lineSums(query, keyBy, byDay);
  }

  /** A part of a day, from the ledger's lines: each keeps the instant it counts at. */
  private ledgerRange(scope: CountScope, keyBy: CountKey, range: Window) {
    const query = this.lines('itsm_sla_counted', scope, keyBy)
      .where('u.counted_at', '>=', new Date(range.from).toISOString())
      .where('u.counted_at', '<', new Date(range.to).toISOString());
    return this.lineSums(query, keyBy, false);
  }

  private async lineSums(
    query: Knex.QueryBuilder,
    keyBy: CountKey,
    byDay: boolean,
  ) {
    const key = { none: null, group: 'u.grp', entity: 'u.entity_ref' }[keyBy];
    const rows = await this.grouped(
      query,
      key,
      byDay ? 'u.day' : null,
      'u.kind',
      'u.metric',
      {
        met: 'u.met',
        breached: 'u.breached',
        canceled: 'u.canceled',
        wall_sum_ms: 'u.wall_sum_ms',
        wall_n: 'u.wall_n',
      },
    );
    // The rollups keep "no group" as '' (a key column cannot be NULL).
    return keyBy === 'group'
      ? rows.map(r => ({ ...r, key: r.key === '' ? null : r.key }))
      : rows;
  }

  /**
   * Lines of the rollups or the ledger (same keys) of the scope's role: a CI (any
   * role), primary CIs, or groups.
   */
  private lines(
    table: 'itsm_sla_rollups' | 'itsm_sla_counted',
    scope: CountScope,
    keyBy: CountKey,
  ): Knex.QueryBuilder {
    const query = this.db(`${table} as u`);
    if (scope.entityRef) {
      query
        .whereIn('u.role', ['primary', 'affected'])
        .where('u.entity_ref', scope.entityRef);
    } else if (scope.primaryCis || keyBy === 'entity') {
      query.where('u.role', 'primary');
      if (scope.primaryCis) query.whereIn('u.entity_ref', scope.primaryCis);
    } else {
      query.where('u.role', 'group');
    }
    if (scope.group) query.where('u.grp', scope.group);
    return query;
  }

  /**
   * Cycles open now by key: how many, how many breached, how many at risk. From the
   * rollups' line of day '' (kept by every write and sweep), else from the open timer
   * rows the caller may read.
   */
  async open(
    visible: ReadFilters,
    scope: CountScope,
    keyBy: CountKey,
  ): Promise<OpenRow[]> {
    let query: Knex.QueryBuilder;
    let key: string | null;
    let sums: [string, string, string];
    if (this.rollupsServe(visible, scope)) {
      key = { none: null, group: 'u.grp', entity: 'u.entity_ref' }[keyBy];
      query = this.lines('itsm_sla_rollups', scope, keyBy).where(
        'u.day',
        OPEN_DAY,
      );
      sums = ['u.open_n', 'u.open_breached', 'u.open_at_risk'];
    } else {
      key = { none: null, group: 'r.assignment_group', entity: 'r.entity_ref' }[
        keyBy
      ];
      query = this.timers(visible, scope).whereNull('t.stopped_at');
      sums = [
        '1',
        "CASE WHEN t.status = 'breached' THEN 1 ELSE 0 END",
        "CASE WHEN t.status = 'at_risk' THEN 1 ELSE 0 END",
      ];
    }
    const rows = await query
      .select(
        this.db.raw(`${key ?? 'NULL'} AS key`),
        this.db.raw(`SUM(${sums[0]}) AS n`),
        this.db.raw(`SUM(${sums[1]}) AS breached`),
        this.db.raw(`SUM(${sums[2]}) AS at_risk`),
      )
      .modify(q => {
        if (key) q.groupBy(key);
      });
    return rows
      .map((row: any) => ({
        // The rollups keep "no group" as ''.
        key: row.key === '' || row.key === undefined ? null : row.key,
        n: Number(row.n ?? 0),
        breached: Number(row.breached ?? 0),
        atRisk: Number(row.at_risk ?? 0),
      }))
      .filter((row: OpenRow) => row.n > 0);
  }

  /** Timer rows of the caller's records in scope, grouped by the database. */
  private timers(visible: ReadFilters, scope: CountScope) {
    const query = this.db('itsm_sla_timers as t').join(
      'itsm_records as r',
      'r.id',
      't.record_id',
    );
    applyReadFilters(query, visible);
    if (scope.entityRef) this.records.withCi(query, scope.entityRef);
    if (scope.group) query.where('r.assignment_group', scope.group);
    if (scope.primaryCis) query.whereIn('r.entity_ref', scope.primaryCis);
    return query;
  }

  private timerSums(query: Knex.QueryBuilder, keyBy: CountKey, byDay: boolean) {
    const stopped = "t.stopped_at IS NOT NULL AND t.status <> 'canceled'";
    const key = {
      none: null,
      group: 'r.assignment_group',
      entity: 'r.entity_ref',
    }[keyBy];
    const day = byDay ? 't.counted_day' : null;
    return this.grouped(query, key, day, 'r.kind', 't.metric', {
      met: "CASE WHEN t.status = 'met' THEN 1 ELSE 0 END",
      breached: "CASE WHEN t.status = 'breached' THEN 1 ELSE 0 END",
      canceled: "CASE WHEN t.status = 'canceled' THEN 1 ELSE 0 END",
      wall_sum_ms: `CASE WHEN ${stopped} THEN t.wall_ms ELSE 0 END`,
      wall_n: `CASE WHEN ${stopped} THEN 1 ELSE 0 END`,
    });
  }

  private timerDays(
    visible: ReadFilters,
    scope: CountScope,
    keyBy: CountKey,
    fromDay: string,
    toDay: string | null,
    byDay: boolean,
  ) {
    const query = this.timers(visible, scope).where(
      't.counted_day',
      '>=',
      fromDay,
    );
    if (toDay) query.where('t.counted_day', '<', toDay);
    return this.timerSums(query, keyBy, byDay);
  }

  private timerRange(
    visible: ReadFilters,
    scope: CountScope,
    keyBy: CountKey,
    range: Window,
  ) {
    const query = this.timers(visible, scope)
      .where('t.counted_at', '>=', new Date(range.from).toISOString())
      .where('t.counted_at', '<', new Date(range.to).toISOString());
    return this.timerSums(query, keyBy, false);
  }

  /**
   * SELECT key, day, kind, metric, SUM(…) … GROUP BY key, day, kind, metric; without
   * a day column, every day in one sum (day '').
   */
  private async grouped(
    query: Knex.QueryBuilder,
    key: string | null,
    day: string | null,
    kind: string,
    metric: string,
    sums: Record<(typeof SUMS)[number], string>,
  ): Promise<(CountRow & { day: string })[]> {
    const groupBy = [
      ...(day ? [day] : []),
      kind,
      metric,
      ...(key ? [key] : []),
    ];
    const rows = await query
      .select(
        this.db.raw(`${key ?? 'NULL'} AS key`),
        this.db.raw(`${day ?? "''"} AS day`),
        this.db.raw(`${kind} AS kind`),
        this.db.raw(`${metric} AS metric`),
        ...SUMS.map(s => this.db.raw(`SUM(${sums[s]}) AS ${s}`)),
      )
      .groupBy(groupBy);
    return rows.map((row: any) => ({
      key: row.key ?? null,
      day: row.day,
      kind: row.kind,
      metric: row.metric,
      ...Object.fromEntries(SUMS.map(s => [s, Number(row[s] ?? 0)])),
    })) as (CountRow & { day: string })[];
  }
}

/** Adds up rows of the same key, kind and metric. */
function sum(rows: CountRow[]): CountRow[] {
  const out = new Map<string, CountRow>();
  for (const row of rows) {
    const k = `${row.key}\u0000${row.kind}\u0000${row.metric}`;
    const acc = out.get(k) ?? {
      key: row.key,
      kind: row.kind,
      metric: row.metric,
      met: 0,
      breached: 0,
      canceled: 0,
      wall_sum_ms: 0,
      wall_n: 0,
    };
    for (const s of SUMS) acc[s] += row[s];
    out.set(k, acc);
  }
  return [...out.values()];
}
