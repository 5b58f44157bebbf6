import {
  ChangeSuccessRow,
  complianceOf,
  Page,
  Priority,
  RecordKind,
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
import { toIso } from '../records/time';
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

/** A timer cycle as the reports read it, with its record. */
interface ReportRow {
  record_id: string;
  kind: RecordKind;
  metric: SlaMetric;
  status: SlaTimerStatus;
  started_at: Date | string;
  stopped_at: Date | string | null;
  breached_at: Date | string | null;
  assignment_group: string | null;
  entity_ref: string;
  is_open: boolean | number;
}

/** When a measured cycle counts: when it stopped, or when a running one breached. */
function countedAt(row: ReportRow): number | null {
  if (row.status === 'met' && row.stopped_at)
    return Date.parse(toIso(row.stopped_at));
  if (row.status === 'breached') {
    const at = row.stopped_at ?? row.breached_at;
    return at ? Date.parse(toIso(at)) : null;
  }
  return null;
}

/** Compliance of the cycles counted in [from, to). */
function tally(rows: ReportRow[], from: number, to = Infinity) {
  let met = 0;
  let breached = 0;
  for (const row of rows) {
    const at = countedAt(row);
    if (at === null || at < from || at >= to) continue;
    if (row.status === 'met') met++;
    else breached++;
  }
  return complianceOf(met, breached);
}

/** Mean wall-clock duration of the stopped, not canceled cycles, in ms. */
function meanDuration(rows: ReportRow[]): number | null {
  const durations = rows
    .filter(r => r.stopped_at && r.status !== 'canceled')
    .map(
      r => Date.parse(toIso(r.stopped_at)) - Date.parse(toIso(r.started_at)),
    );
  if (durations.length === 0) return null;
  return Math.round(durations.reduce((a, b) => a + b, 0) / durations.length);
}

/** Monday 00:00 UTC of the week of `t`. */
function weekStart(t: number): number {
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}

/**
 * The SLA view's figures (DESIGN.md §4): compliance, open breaches, at-risk timers,
 * MTTA, MTTR, the weekly trend, compliance by group or system and the change success
 * rate. Reads the stored timers, only of records the caller may read.
 */
export class SlaReports {
  constructor(
    private readonly records: RecordStore,
    private readonly options: { now?: () => Date } = {},
  ) {}

  private get db(): Knex {
    return this.records.db;
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** Timers joined to their records, narrowed to the visible records and the scope. */
  private timers(visible: VisibleRecords, scope: SlaScope): Knex.QueryBuilder {
    const query = this.db('itsm_sla_timers as t').join(
      'itsm_records as r',
      'r.id',
      't.record_id',
    );
    applyReadFilters(query, visible);
    this.inScope(query, scope);
    return query;
  }

  private inScope(query: Knex.QueryBuilder, scope: SlaScope) {
    if (scope.entityRef) this.records.withCi(query, scope.entityRef);
    if (scope.group) query.where('r.assignment_group', scope.group);
    if (scope.primaryCis) query.whereIn('r.entity_ref', scope.primaryCis);
  }

  private reportRows(
    visible: VisibleRecords,
    scope: SlaScope,
    since: number,
  ): Promise<ReportRow[]> {
    const sinceIso = new Date(since).toISOString();
    return this.timers(visible, scope)
      .where(q =>
        q
          .where('t.stopped_at', '>=', sinceIso)
          .orWhereNull('t.stopped_at')
          .orWhere('t.breached_at', '>=', sinceIso),
      )
      .select(
        't.record_id',
        'r.kind',
        't.metric',
        't.status',
        't.started_at',
        't.stopped_at',
        't.breached_at',
        'r.assignment_group',
        'r.entity_ref',
        'r.is_open',
      );
  }

  async summary(visible: VisibleRecords, scope: SlaScope): Promise<SlaSummary> {
    const now = this.now().getTime();
    const firstWeek = weekStart(now) - (WEEKS - 1) * 7 * DAY;
    const since = Math.min(now - 90 * DAY, firstWeek);
    const rows = await this.reportRows(visible, scope, since);

    const compliance = (days: number) => tally(rows, now - days * DAY);
    const trend: SlaTrendPoint[] = [];
    for (let w = 0; w < WEEKS; w++) {
      const start = firstWeek + w * 7 * DAY;
      trend.push({
        weekStart: new Date(start).toISOString(),
        ...tally(rows, start, start + 7 * DAY),
      });
    }

    const incidents90 = rows.filter(
      r =>
        r.kind === 'incident' &&
        r.stopped_at !== null &&
        Date.parse(toIso(r.stopped_at)) >= now - 90 * DAY,
    );
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
    const [openBreaches, openBreachCount, atRisk, atRiskCount] =
      await Promise.all([
        this.list(visible, breached, listed),
        this.count(visible, breached),
        this.list(visible, atRiskFilter, listed),
        this.count(visible, atRiskFilter),
      ]);
    return {
      compliance30: compliance(30),
      compliance90: compliance(90),
      openBreaches: openBreaches.items,
      openBreachCount,
      atRisk: atRisk.items,
      atRiskCount,
      mttaMs: meanDuration(incidents90.filter(r => r.metric === 'response')),
      mttrMs: meanDuration(incidents90.filter(r => r.metric === 'resolution')),
      trend,
    };
  }

  /**
   * Compliance by assignment group or by system over `days`, worst first (lowest
   * compliance, then most breaches), with the change success rate by the same key.
   */
  async compliance(
    visible: VisibleRecords,
    groupBy: SlaGroupBy,
    days: number,
    systemsOf: (refs: string[]) => Promise<Map<string, string | null>>,
  ): Promise<SlaComplianceReport> {
    const now = this.now().getTime();
    const from = now - days * DAY;
    const rows = await this.reportRows(visible, {}, from);
    const changes = await this.closedChanges(visible, from);
    const systems =
      groupBy === 'system'
        ? await systemsOf([
            ...rows.map(r => r.entity_ref),
            ...changes.map(c => c.entity_ref),
          ])
        : new Map<string, string | null>();
    const keyOf = (row: {
      assignment_group: string | null;
      entity_ref: string;
    }) =>
      groupBy === 'group'
        ? row.assignment_group ?? null
        : systems.get(row.entity_ref) ?? null;

    const byKey = new Map<string | null, ReportRow[]>();
    for (const row of rows) {
      const key = keyOf(row);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const report: SlaComplianceRow[] = [...byKey.entries()].map(
      ([key, group]) => {
        const open = group.filter(r => r.stopped_at === null);
        const incidents = group.filter(r => r.kind === 'incident');
        return {
          key,
          ...tally(group, from),
          openBreaches: open.filter(r => r.status === 'breached').length,
          atRisk: open.filter(r => r.status === 'at_risk').length,
          mttaMs: meanDuration(incidents.filter(r => r.metric === 'response')),
          mttrMs: meanDuration(
            incidents.filter(r => r.metric === 'resolution'),
          ),
        };
      },
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
      const key = keyOf(change);
      const row = success.get(key) ?? {
        key,
        closed: 0,
        successful: 0,
        successfulWithIssues: 0,
        unsuccessful: 0,
        backedOut: 0,
        successRate: null,
      };
      row.closed++;
      if (change.close_code === 'successful') row.successful++;
      else if (change.close_code === 'successful_with_issues')
        row.successfulWithIssues++;
      else if (change.close_code === 'unsuccessful') row.unsuccessful++;
      else if (change.close_code === 'backed_out') row.backedOut++;
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

  /** Changes closed since `from` with their close code (the end of the work, else the close). */
  private closedChanges(visible: VisibleRecords, from: number) {
    const query = this.db('itsm_records as r')
      .join('itsm_changes as k', 'k.record_id', 'r.id')
      .where('r.kind', 'change')
      .where('r.state', 'closed')
      .whereNotNull('k.close_code')
      .where('r.updated_at', '>=', new Date(from).toISOString());
    applyReadFilters(query, visible);
    return query.select(
      'r.assignment_group',
      'r.entity_ref',
      'k.close_code',
    ) as Promise<
      {
        assignment_group: string | null;
        entity_ref: string;
        close_code: string;
      }[]
    >;
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

  /** How many stored timer cycles match. */
  async count(visible: VisibleRecords, filter: SlaTimerFilter) {
    const [{ n }] = await this.filtered(visible, filter).count({ n: '*' });
    return Number(n);
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
