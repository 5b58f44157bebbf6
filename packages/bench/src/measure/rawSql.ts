import { Client } from 'pg';
import { percentile } from '../report/stats';

/**
 * The SQL the backend runs for an operation, written out by hand from the plugin's
 * stores (RecordStore.applyListQuery, KindStore.list/get, SlaReports), so that the
 * HTTP latency can be set against what the database alone needs. Statements run one
 * after the other on one connection, as one request of the backend would.
 */
export type RawQuery = (db: Client) => Promise<unknown>;

const DAY = 86_400_000;

/** KindStore.select for incidents: the record core joined with the kind's row. */
const INCIDENT_SELECT = `
  SELECT r.*, k.*, cause.number AS caused_by_change_number
  FROM itsm_records r
  JOIN itsm_incidents k ON k.record_id = r.id
  LEFT JOIN itsm_records cause ON cause.id = k.caused_by_change_id
  WHERE r.kind = 'incident'`;

/** The affected CIs of a page (KindStore.toRecords → RecordStore.getAffectedEntityRefs). */
async function affectedOf(db: Client, ids: string[]) {
  if (ids.length === 0) return;
  await db.query(
    `SELECT record_id, entity_ref FROM itsm_record_cis
     WHERE record_id = ANY($1) AND role = 'affected' ORDER BY entity_ref`,
    [ids],
  );
}

/** First page of an incident list: keyset order, one row more than the page. */
export function incidentListSql(filter: {
  entityRef?: string;
  open?: boolean;
  priorities?: string[];
}): RawQuery {
  return async db => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.entityRef) {
      params.push(filter.entityRef);
      where.push(
        `r.id IN (SELECT record_id FROM itsm_record_cis WHERE entity_ref = $${params.length})`,
      );
    }
    if (filter.open) where.push('r.is_open = true');
    if (filter.priorities) {
      params.push(filter.priorities);
      where.push(`r.priority = ANY($${params.length})`);
    }
    const { rows } = await db.query(
      `${INCIDENT_SELECT} ${where.map(w => `AND ${w}`).join(' ')}
       ORDER BY r.created_at DESC, r.id DESC LIMIT 21`,
      params,
    );
    await affectedOf(
      db,
      rows.slice(0, 20).map(r => r.record_id),
    );
  };
}

const resolveIncident = (db: Client, id: string) =>
  db.query(
    `SELECT id FROM itsm_records WHERE kind = 'incident' AND id = $1 LIMIT 1`,
    [id],
  );

export const recordGetSql =
  (id: () => string): RawQuery =>
  async db => {
    const recordId = id();
    await resolveIncident(db, recordId);
    await db.query(`${INCIDENT_SELECT} AND r.id = $1 LIMIT 1`, [recordId]);
    await affectedOf(db, [recordId]);
  };

export const timelineSql =
  (id: () => string): RawQuery =>
  async db => {
    const recordId = id();
    await resolveIncident(db, recordId);
    await db.query(
      `SELECT * FROM itsm_timeline WHERE record_id = $1 ORDER BY seq ASC`,
      [recordId],
    );
  };

/** SlaTimerStore.describe: the policy's facts of the record, then its timeline. */
export const recordSlaSql =
  (id: () => string): RawQuery =>
  async db => {
    const recordId = id();
    await resolveIncident(db, recordId);
    await db.query(
      `SELECT r.kind, r.priority, r.ci_tier, r.created_at, q.fulfillment_target, i.acknowledged_at
       FROM itsm_records r
       LEFT JOIN itsm_requests q ON q.record_id = r.id
       LEFT JOIN itsm_incidents i ON i.record_id = r.id
       WHERE r.id = $1 LIMIT 1`,
      [recordId],
    );
    await db.query(
      `SELECT * FROM itsm_timeline WHERE record_id = $1 ORDER BY seq ASC`,
      [recordId],
    );
  };

const scopeSql = (entityRef: string | undefined, params: unknown[]) => {
  if (!entityRef) return '';
  params.push(entityRef);
  return `AND r.id IN (SELECT record_id FROM itsm_record_cis WHERE entity_ref = $${params.length})`;
};

/** SlaReports.reportRows: every cycle counted since `since`, or still open. */
async function reportRows(
  db: Client,
  entityRef: string | undefined,
  since: number,
) {
  const params: unknown[] = [new Date(since).toISOString()];
  await db.query(
    `SELECT t.record_id, r.kind, t.metric, t.status, t.started_at, t.stopped_at,
            t.breached_at, r.assignment_group, r.entity_ref, r.is_open
     FROM itsm_sla_timers t JOIN itsm_records r ON r.id = t.record_id
     WHERE (t.stopped_at >= $1 OR t.stopped_at IS NULL OR t.breached_at >= $1)
     ${scopeSql(entityRef, params)}`,
    params,
  );
}

/** SlaReports.summary: report rows of 13 weeks / 90 days, two lists, two counts. */
export const slaSummarySql =
  (entityRef?: string): RawQuery =>
  async db => {
    await reportRows(db, entityRef, Date.now() - 91 * DAY);
    for (const status of ['breached', 'at_risk']) {
      const params: unknown[] = [status];
      const from = `FROM itsm_sla_timers t JOIN itsm_records r ON r.id = t.record_id
        WHERE t.status = $1 AND t.stopped_at IS NULL ${scopeSql(
          entityRef,
          params,
        )}`;
      await db.query(
        `SELECT t.*, r.number, r.kind, r.title, r.state, r.priority, r.entity_ref,
                r.assignee, r.assignment_group ${from}
         ORDER BY t.due_at ASC, t.record_id ASC LIMIT 20`,
        params,
      );
      await db.query(`SELECT count(*) AS n ${from}`, params);
    }
  };

/** SlaReports.compliance by group: report rows since `days` ago and the closed changes. */
export const complianceSql =
  (days: number): RawQuery =>
  async db => {
    const since = Date.now() - days * DAY;
    await reportRows(db, undefined, since);
    await db.query(
      `SELECT r.assignment_group, r.entity_ref, k.close_code
       FROM itsm_records r JOIN itsm_changes k ON k.record_id = r.id
       WHERE r.kind = 'change' AND r.state = 'closed' AND k.close_code IS NOT NULL
         AND r.updated_at >= $1`,
      [new Date(since).toISOString()],
    );
  };

/** Runs a raw query repeatedly for up to `seconds` (at least 5 times); p50 in ms. */
export async function timeRaw(
  db: Client,
  query: RawQuery,
  seconds: number,
): Promise<{ p50: number; runs: number }> {
  const times: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (times.length < 5 || (Date.now() < until && times.length < 500)) {
    const start = process.hrtime.bigint();
    await query(db);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), runs: times.length };
}
