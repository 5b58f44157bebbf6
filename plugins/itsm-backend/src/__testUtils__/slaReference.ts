import {
  ChangeSuccessRow,
  complianceOf,
  RecordKind,
  SlaComplianceRow,
  SlaMetric,
  SlaTimerStatus,
  SlaTrendPoint,
} from '@backstage-itsm/plugin-itsm-common';
import { applyReadFilters, ReadFilters } from '../permissions/toKnex';
import { RecordStore } from '../records/RecordStore';
import { toIso } from '../records/time';
import { SlaScope } from '../sla/SlaReports';

/*
 * The SLA report figures as the plugin computed them before the database did: every
 * timer row of the period read and tallied here. Kept as the reference the SQL reports
 * must agree with (SlaReports.property.test.ts).
 */

const DAY = 86_400_000;
const WEEKS = 13;

export interface ReportRow {
  record_id: string;
  kind: RecordKind;
  metric: SlaMetric;
  status: SlaTimerStatus;
  started_at: Date | string;
  stopped_at: Date | string | null;
  breached_at: Date | string | null;
  assignment_group: string | null;
  entity_ref: string;
}

/** The timer rows of the visible records in scope that matter since `since`. */
export function referenceRows(
  records: RecordStore,
  visible: ReadFilters,
  scope: SlaScope,
  since: number,
): Promise<ReportRow[]> {
  const sinceIso = new Date(since).toISOString();
  const query = records
    .db('itsm_sla_timers as t')
    .join('itsm_records as r', 'r.id', 't.record_id');
  applyReadFilters(query, visible);
  if (scope.entityRef) records.withCi(query, scope.entityRef);
  if (scope.group) query.where('r.assignment_group', scope.group);
  if (scope.primaryCis) query.whereIn('r.entity_ref', scope.primaryCis);
  return query
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
    );
}

function countedAt(row: ReportRow): number | null {
  if (row.status === 'met' && row.stopped_at)
    return Date.parse(toIso(row.stopped_at));
  if (row.status === 'breached') {
    const at = row.stopped_at ?? row.breached_at;
    return at ? Date.parse(toIso(at)) : null;
  }
  return null;
}

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

function meanDuration(rows: ReportRow[]): number | null {
  const durations = rows
    .filter(r => r.stopped_at && r.status !== 'canceled')
    .map(
      r => Date.parse(toIso(r.stopped_at)) - Date.parse(toIso(r.started_at)),
    );
  if (durations.length === 0) return null;
  return Math.round(durations.reduce((a, b) => a + b, 0) / durations.length);
}

function weekStart(t: number): number {
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}

/** The period the summary reads. */
export function referenceSince(now: number): number {
  return Math.min(now - 90 * DAY, weekStart(now) - (WEEKS - 1) * 7 * DAY);
}

/** The summary's figures (lists aside). */
export function referenceSummary(rows: ReportRow[], now: number) {
  const firstWeek = weekStart(now) - (WEEKS - 1) * 7 * DAY;
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
  return {
    compliance30: tally(rows, now - 30 * DAY),
    compliance90: tally(rows, now - 90 * DAY),
    mttaMs: meanDuration(incidents90.filter(r => r.metric === 'response')),
    mttrMs: meanDuration(incidents90.filter(r => r.metric === 'resolution')),
    trend,
  };
}

/** Compliance rows by key over [from, now), worst first. */
export function referenceCompliance(
  rows: ReportRow[],
  from: number,
  keyOf: (row: ReportRow) => string | null,
): SlaComplianceRow[] {
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
        mttrMs: meanDuration(incidents.filter(r => r.metric === 'resolution')),
      };
    },
  );
  return report.sort(
    (a, b) =>
      (a.compliance ?? 2) - (b.compliance ?? 2) ||
      b.breached - a.breached ||
      b.openBreaches - a.openBreaches ||
      String(a.key).localeCompare(String(b.key)),
  );
}

/** Change success by key from the closed changes' rows. */
export function referenceChangeSuccess(
  changes: { key: string | null; close_code: string }[],
): ChangeSuccessRow[] {
  const success = new Map<string | null, ChangeSuccessRow>();
  for (const change of changes) {
    const row = success.get(change.key) ?? {
      key: change.key,
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
    row.successRate = (row.successful + row.successfulWithIssues) / row.closed;
    success.set(change.key, row);
  }
  return [...success.values()].sort(
    (a, b) =>
      (a.successRate ?? 2) - (b.successRate ?? 2) ||
      b.closed - a.closed ||
      String(a.key).localeCompare(String(b.key)),
  );
}
