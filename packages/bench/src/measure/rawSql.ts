import { Knex } from 'knex';
import { Client } from 'pg';
import { RecordStore } from '@backstage-itsm/plugin-itsm-backend/src/records/RecordStore';
import { SlaReports } from '@backstage-itsm/plugin-itsm-backend/src/sla/SlaReports';
import { READ_EVERY_KIND } from '@backstage-itsm/plugin-itsm-backend/src/permissions/toKnex';
import { percentile } from '../report/stats';

/**
 * The SQL the backend runs for an operation, written out by hand from the plugin's
 * stores (RecordStore.applyListQuery, KindStore.list/get, SlaReports), so that the
 * HTTP latency can be set against what the database alone needs. Statements run one
 * after the other on one connection, as one request of the backend would.
 */
export type RawQuery = (db: Client) => Promise<unknown>;

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

/**
 * A read of one incident (`id()` picks it): the route first finds the record of the
 * kind (RecordStore.resolveId), then reads it.
 */
const onIncident =
  (read: (db: Client, recordId: string) => Promise<unknown>) =>
  (id: () => string): RawQuery =>
  async db => {
    const recordId = id();
    await db.query(
      `SELECT id FROM itsm_records WHERE kind = 'incident' AND id = $1 LIMIT 1`,
      [recordId],
    );
    await read(db, recordId);
  };

const timelineOf = (db: Client, recordId: string) =>
  db.query(
    `SELECT * FROM itsm_timeline WHERE record_id = $1 ORDER BY seq ASC`,
    [recordId],
  );

export const recordGetSql = onIncident(async (db, recordId) => {
  await db.query(`${INCIDENT_SELECT} AND r.id = $1 LIMIT 1`, [recordId]);
  await affectedOf(db, [recordId]);
});

export const timelineSql = onIncident(timelineOf);

/** SlaTimerStore.describe: the policy's facts of the record, then its timeline. */
export const recordSlaSql = onIncident(async (db, recordId) => {
  await db.query(
    `SELECT r.kind, r.priority, r.ci_tier, r.created_at, q.fulfillment_target, i.acknowledged_at
     FROM itsm_records r
     LEFT JOIN itsm_requests q ON q.record_id = r.id
     LEFT JOIN itsm_incidents i ON i.record_id = r.id
     WHERE r.id = $1 LIMIT 1`,
    [recordId],
  );
  await timelineOf(db, recordId);
});

/**
 * The statements one call of the plugin's SlaReports issues, captured from knex's
 * `query` events on the seeded database (the reports count from the rollups in SQL
 * now, and follow the plugin as it changes), replayed as they are. The backend runs
 * some of them side by side; here they run one after the other.
 */
export async function capturedSql(
  db: Knex,
  call: (reports: SlaReports) => Promise<unknown>,
): Promise<RawQuery> {
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  db.on('query', listener);
  try {
    await call(new SlaReports(new RecordStore(db)));
  } finally {
    db.removeListener('query', listener);
  }
  const native = statements.map(s => ({
    text: positional(s.sql),
    values: s.bindings,
  }));
  return async client => {
    for (const statement of native) await client.query(statement);
  };
}

/** knex's `?` placeholders as PostgreSQL's `$n` (outside quoted strings). */
export function positional(sql: string): string {
  if (/\$1\b/.test(sql)) return sql;
  let n = 0;
  let quoted = false;
  let out = '';
  for (const c of sql) {
    if (c === "'") quoted = !quoted;
    out += c === '?' && !quoted ? `$${++n}` : c;
  }
  return out;
}

/** Everyone may read everything (itsm.permissions.readAccess: everyone). */
export const READ_ALL = READ_EVERY_KIND;

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
