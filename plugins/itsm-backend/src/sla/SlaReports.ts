import {
  ChangeSuccessRow,
  complianceOf,
  Page,
  Priority,
  SlaComplianceReport,
  SlaComplianceRow,
  SlaGroupBy,
  SlaMetric,
  SlaSummary,
  SlaTimerStatus,
  SlaTimerSummary,
  SlaTrendPoint,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { applyReadFilters, ReadFilters } from '../permissions/toKnex';
import { z } from 'zod/v4';
import { cursorTimestamp, decodeKey, encodeKey } from '../records/cursor';
import { RecordStore } from '../records/RecordStore';
import { ChangeOutcomes } from '../changes/ChangeOutcomes';
import { CountRow, SlaCounts } from './rollups';
import { timerRowTimes } from './SlaTimerStore';

/** What the caller may read, per kind (see ReadFilters). */
export type VisibleRecords = ReadFilters;

/** Which records a report is about; all given parts must hold. */
export interface SlaScope {
  /** Records with this CI, primary or affected. */
  entityRef?: string;
  /** Records assigned to this group. */
  group?: string;
  /** Records whose primary CI is one of these (a system and its parts). */
  primaryCis?: string[];
}

export interface SlaTimerFilter extends SlaScope {
  statuses?: SlaTimerStatus[];
  /** Only cycles still running or paused. */
  open?: boolean;
  /** Only cycles still open or stopped within this many days. */
  days?: number;
}

/** The position of a timer list's last row: what `list` encodes, nothing else. */
const timerPosition = z.tuple([
  cursorTimestamp,
  z.uuid(),
  z.enum(['response', 'resolution']),
  z.int().min(1).max(2_147_483_647),
]);

const DAY = 86_400_000;
const WEEKS = 13;
/** How many open breaches / at-risk timers a summary lists. */
const SUMMARY_LIST = 20;

/** Monday 00:00 UTC of the week of `t`. */
function weekStart(t: number): number {
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}

/** Met vs breached of counted rows. */
function complianceOfRows(rows: CountRow[]) {
  let met = 0;
  let breached = 0;
  for (const row of rows) {
    met += row.met;
    breached += row.breached;
  }
  return complianceOf(met, breached);
}

/** Mean wall-clock length of the stopped, not canceled incident cycles of a metric. */
function meanWall(rows: CountRow[], metric: SlaMetric): number | null {
  let total = 0;
  let n = 0;
  for (const row of rows) {
    if (row.kind !== 'incident' || row.metric !== metric) continue;
    total += row.wall_sum_ms;
    n += row.wall_n;
  }
  return n === 0 ? null : Math.round(total / n);
}

const CLOSE_CODES: Record<
  string,
  'successful' | 'successfulWithIssues' | 'unsuccessful' | 'backedOut'
> = {
  successful: 'successful',
  successful_with_issues: 'successfulWithIssues',
  unsuccessful: 'unsuccessful',
  backed_out: 'backedOut',
};

/**
 * The SLA view's figures (docs/domain-rules.md §4): compliance, open breaches, at-risk timers,
 * MTTA, MTTR, the weekly trend, compliance by group or system and the change success
 * rate, only of records the caller may read. Counts are made by the database (SlaCounts:
 * daily rollups, timer rows grouped in SQL), so a report costs what its answer holds.
 */
export class SlaReports {
  private readonly counts: SlaCounts;
  private readonly outcomes: ChangeOutcomes;

  constructor(
    private readonly records: RecordStore,
    private readonly options: { now?: () => Date } = {},
  ) {
    this.counts = new SlaCounts(records);
    this.outcomes = new ChangeOutcomes(records);
  }

  private get db(): Knex {
    return this.records.db;
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** Timers joined to their records, narrowed to the visible records and the scope. */
  private timers(visible: VisibleRecords, scope: SlaScope): Knex.QueryBuilder {
    const query = this.db('itsm_sla_timers as t');
    query.join('itsm_records as r', 'r.id', 't.record_id');
    applyReadFilters(query, visible);
    this.inScope(query, scope);
    return query;
  }

  private inScope(query: Knex.QueryBuilder, scope: SlaScope) {
    if (scope.entityRef) this.records.withCi(query, scope.entityRef);
    if (scope.group) query.where('r.assignment_group', scope.group);
    if (scope.primaryCis) query.whereIn('r.entity_ref', scope.primaryCis);
  }

  async summary(visible: VisibleRecords, scope: SlaScope): Promise<SlaSummary> {
    const now = this.now().getTime();
    const firstWeek = weekStart(now) - (WEEKS - 1) * 7 * DAY;
    const weeks = Array.from({ length: WEEKS }, (_, w) => {
      const from = firstWeek + w * 7 * DAY;
      return { from, to: from + 7 * DAY };
    });
    const breached: SlaTimerFilter = {
      ...scope,
      statuses: ['breached'],
      open: true,
    };
    const atRiskFilter: SlaTimerFilter = {
      ...scope,
      statuses: ['at_risk'],
      open: true,
    };
    const listed = { limit: SUMMARY_LIST, order: 'due' as const };
    const [[last30, last90, ...trend], openBreaches, atRisk, [open]] =
      await Promise.all([
        this.counts.windows(visible, scope, 'none', [
          { from: now - 30 * DAY, to: Infinity },
          { from: now - 90 * DAY, to: Infinity },
          ...weeks,
        ]),
        this.list(visible, breached, listed),
        this.list(visible, atRiskFilter, listed),
        this.counts.open(visible, scope, 'none'),
      ]);
    const openBreachCount = open?.breached ?? 0;
    const atRiskCount = open?.atRisk ?? 0;
    return {
      compliance30: complianceOfRows(last30),
      compliance90: complianceOfRows(last90),
      openBreaches: openBreaches.items,
      openBreachCount,
      atRisk: atRisk.items,
      atRiskCount,
      mttaMs: meanWall(last90, 'response'),
      mttrMs: meanWall(last90, 'resolution'),
      trend: trend.map(
        (rows, w): SlaTrendPoint => ({
          weekStart: new Date(weeks[w].from).toISOString(),
          ...complianceOfRows(rows),
        }),
      ),
    };
  }

  /**
   * Compliance by assignment group or by system over `days`, worst first (lowest
   * compliance, then most breaches), with the change success rate by the same key.
   * A key is listed when it has cycles counted, stopped or open in the period.
   */
  async compliance(
    visible: VisibleRecords,
    groupBy: SlaGroupBy,
    days: number,
    systemsOf: (refs: string[]) => Promise<Map<string, string | null>>,
  ): Promise<SlaComplianceReport> {
    const now = this.now().getTime();
    const from = now - days * DAY;
    const keyBy = groupBy === 'group' ? 'group' : 'entity';
    const [[counted], open, changes] = await Promise.all([
      this.counts.windows(visible, {}, keyBy, [{ from, to: Infinity }]),
      this.counts.open(visible, {}, keyBy),
      this.outcomes.closedSince(visible.change, keyBy, from),
    ]);
    // By system: the database keys by primary CI; the catalog knows their systems.
    let keyOf = (key: string | null) => key;
    if (groupBy === 'system') {
      const refs = [
        ...new Set(
          [...counted, ...open, ...changes].flatMap(r =>
            r.key ? [r.key] : [],
          ),
        ),
      ];
      const systems = await systemsOf(refs);
      keyOf = key => (key ? systems.get(key) ?? null : null);
    }

    const byKey = new Map<
      string | null,
      SlaComplianceRow & { rows: CountRow[] }
    >();
    const rowOf = (key: string | null) => {
      const row = byKey.get(key) ?? {
        key,
        met: 0,
        breached: 0,
        compliance: null,
        openBreaches: 0,
        atRisk: 0,
        mttaMs: null,
        mttrMs: null,
        rows: [],
      };
      byKey.set(key, row);
      return row;
    };
    for (const row of counted) {
      if (row.met + row.breached + row.canceled > 0)
        rowOf(keyOf(row.key)).rows.push(row);
    }
    for (const row of open) {
      const target = rowOf(keyOf(row.key));
      target.openBreaches += row.breached;
      target.atRisk += row.atRisk;
    }
    const report: SlaComplianceRow[] = [...byKey.values()].map(
      ({ rows, ...row }) => ({
        ...row,
        ...complianceOfRows(rows),
        mttaMs: meanWall(rows, 'response'),
        mttrMs: meanWall(rows, 'resolution'),
      }),
    );
    report.sort(
      (a, b) =>
        (a.compliance ?? 2) - (b.compliance ?? 2) ||
        b.breached - a.breached ||
        b.openBreaches - a.openBreaches ||
        String(a.key).localeCompare(String(b.key)),
    );

    const success = new Map<string | null, ChangeSuccessRow>();
    for (const change of changes) {
      const key = keyOf(change.key);
      const row = success.get(key) ?? {
        key,
        closed: 0,
        successful: 0,
        successfulWithIssues: 0,
        unsuccessful: 0,
        backedOut: 0,
        successRate: null,
      };
      row.closed += change.n;
      const code = CLOSE_CODES[change.close_code];
      if (code) row[code] += change.n;
      row.successRate =
        (row.successful + row.successfulWithIssues) / row.closed;
      success.set(key, row);
    }
    const changeSuccess = [...success.values()].sort(
      (a, b) =>
        (a.successRate ?? 2) - (b.successRate ?? 2) ||
        b.closed - a.closed ||
        String(a.key).localeCompare(String(b.key)),
    );
    return { groupBy, days, rows: report, changeSuccess };
  }

  /** Timers joined to their records, narrowed by scope, visibility and the filter. */
  private filtered(
    visible: VisibleRecords,
    filter: SlaTimerFilter,
  ): Knex.QueryBuilder {
    const query = this.timers(visible, filter);
    if (filter.statuses?.length) query.whereIn('t.status', filter.statuses);
    if (filter.open) query.whereNull('t.stopped_at');
    if (filter.days) {
      const since = new Date(
        this.now().getTime() - filter.days * DAY,
      ).toISOString();
      query.where(q =>
        q.whereNull('t.stopped_at').orWhere('t.stopped_at', '>=', since),
      );
    }
    return query;
  }

  /**
   * Stored timer cycles with their records. `order: 'started'` (the API's lists) is
   * newest first with keyset pagination; `order: 'due'` (the summary) is the most
   * overdue / soonest due first.
   */
  async list(
    visible: VisibleRecords,
    filter: SlaTimerFilter,
    paging: { limit: number; cursor?: string; order?: 'started' | 'due' },
  ): Promise<Page<SlaTimerSummary>> {
    const query = this.filtered(visible, filter);
    query.select(
      't.*',
      'r.number',
      'r.kind',
      'r.title',
      'r.state',
      'r.priority',
      'r.entity_ref',
      'r.assignee',
      'r.assignment_group',
    );
    if (paging.order === 'due') {
      const rows = await query
        .orderBy([
          { column: 't.due_at', order: 'asc' },
          { column: 't.record_id', order: 'asc' },
        ])
        .limit(paging.limit);
      return { items: rows.map(toSummary) };
    }
    if (paging.cursor) {
      const [startedAt, recordId, metric, cycle] = decodeKey(
        paging.cursor,
        timerPosition,
      );
      query.where(q =>
        q
          .where('t.started_at', '<', startedAt)
          .orWhere(same =>
            same
              .where('t.started_at', '=', startedAt)
              .andWhere(tie =>
                tie
                  .where('t.record_id', '<', recordId)
                  .orWhere(r =>
                    r
                      .where('t.record_id', '=', recordId)
                      .andWhere(m =>
                        m
                          .where('t.metric', '<', metric)
                          .orWhere(c =>
                            c
                              .where('t.metric', '=', metric)
                              .andWhere('t.cycle', '<', cycle),
                          ),
                      ),
                  ),
              ),
          ),
      );
    }
    const rows = await query
      .orderBy([
        { column: 't.started_at', order: 'desc' },
        { column: 't.record_id', order: 'desc' },
        { column: 't.metric', order: 'desc' },
        { column: 't.cycle', order: 'desc' },
      ])
      .limit(paging.limit + 1);
    const items = rows.slice(0, paging.limit).map(toSummary);
    const last = items[items.length - 1];
    return {
      items,
      ...(rows.length > paging.limit && last
        ? {
            nextCursor: encodeKey([
              last.startedAt,
              last.recordId,
              last.metric,
              last.cycle,
            ]),
          }
        : {}),
    };
  }
}

function toSummary(row: any): SlaTimerSummary {
  return {
    recordId: row.record_id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    state: row.state,
    priority: row.priority as Priority,
    entityRef: row.entity_ref,
    assignee: row.assignee ?? null,
    assignmentGroup: row.assignment_group ?? null,
    metric: row.metric,
    cycle: Number(row.cycle),
    policyName: row.policy_name,
    status: row.status,
    target: Number(row.target_ms),
    elapsed: Number(row.elapsed_ms),
    ...timerRowTimes(row),
  };
}
