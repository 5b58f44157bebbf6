import { Client } from 'pg';
import { LoadRequest, LoadResult, load } from './load';
import { settle } from './settle';
import {
  incidentListSql,
  RawQuery,
  recordGetSql,
  recordSlaSql,
  timelineSql,
  timeRaw,
} from './rawSql';

export interface OperationResult {
  name: string;
  runs: LoadResult[];
  rawP50?: number;
}

export interface MeasureContext {
  baseUrl: string;
  /** Org-wide reports: a member of itsm.permissions.adminGroups. */
  adminToken: string;
  /** Record reads and writes: an engineer of the hottest component's owner group. */
  engineerToken: string;
  engineerRef: string;
  hotComponent: { name: string; ref: string };
  medianComponent: { name: string; ref: string };
  incidentIds: string[];
  seconds: number;
  /** null on SQLite: raw SQL timings are PostgreSQL only. */
  db: Client | null;
  /** The SLA reports' statements, captured from the plugin (see capturedSql). */
  reportSql?: {
    hotSummary: RawQuery;
    orgSummary: RawQuery;
    compliance90: RawQuery;
  };
  log: (line: string) => void;
}

interface Operation {
  name: string;
  token: 'admin' | 'engineer';
  next: () => LoadRequest | undefined;
  raw?: RawQuery;
  onResponse?: (status: number, body: string) => void;
  /** Before each concurrency level (e.g. records to work on). */
  before?: () => Promise<void>;
}

const CONCURRENCY = [1, 10];

/** A record a write made, at the version the next write must name. */
interface NewRecord {
  id: string;
  version: number;
}

/** Everything the table shows, in the table's order. */
export async function measureOperations(
  ctx: MeasureContext,
): Promise<OperationResult[]> {
  const random = <T>(items: T[]) =>
    items[Math.floor(Math.random() * items.length)];
  const randomId = () => random(ctx.incidentIds);
  const enc = encodeURIComponent;
  const get = (path: string) => () => ({ path });

  // Transitions and assignments work on new incidents made beforehand (topUp) or by
  // "create incident"; each write needs its own record at its current version.
  const created: NewRecord[] = [];
  const transitioned: NewRecord[] = [];
  const commented: string[] = [];
  const remember = (pool: NewRecord[], record: NewRecord) => {
    pool.push({ id: record.id, version: record.version });
    commented.push(record.id);
  };
  const keep = (pool: NewRecord[]) => (status: number, body: string) => {
    if (status >= 200 && status < 300) remember(pool, JSON.parse(body));
  };
  const createBody = {
    title: 'Checkout is slow (bench)',
    entityRef: ctx.hotComponent.ref,
    impact: 2,
    urgency: 2,
  };

  /**
   * Enough new incidents for a write run of `seconds` at up to 150 writes/s, made
   * beforehand (not measured): each transition or assignment needs its own record at
   * its current version.
   */
  const topUp = async (pool: NewRecord[]) => {
    const wanted = 150 * ctx.seconds;
    const make = async () => {
      while (pool.length < wanted) {
        const res = await fetch(`${ctx.baseUrl}/api/itsm/incidents`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ctx.engineerToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(createBody),
        });
        if (!res.ok)
          throw new Error(`creating records to work on: ${res.status}`);
        remember(pool, await res.json());
      }
    };
    await Promise.all(Array.from({ length: 8 }, make));
  };

  /**
   * A write on a new incident per request, each at its current version: the incidents
   * are made before each concurrency level (topUp); when they run out, the run ends.
   */
  const onNewIncidents = (request: (record: NewRecord) => LoadRequest) => ({
    before: () => topUp(created),
    next: () => {
      const record = created.pop();
      return record && request(record);
    },
  });

  const operations: Operation[] = [
    {
      name: 'catalog: entity by name (hot component)',
      token: 'admin',
      next: get(
        `/api/catalog/entities/by-name/component/default/${ctx.hotComponent.name}`,
      ),
    },
    {
      name: 'catalog: by-query kind=component, 20',
      token: 'admin',
      next: get(
        '/api/catalog/entities/by-query?filter=kind=component&limit=20',
      ),
    },
    ...(['median', 'hottest'] as const).map((which): Operation => {
      const component =
        which === 'median' ? ctx.medianComponent : ctx.hotComponent;
      return {
        name: `entity tab: open incidents, ${which} component`,
        token: 'engineer',
        next: get(
          `/api/itsm/incidents?entityRef=${enc(
            component.ref,
          )}&open=true&limit=20`,
        ),
        raw: incidentListSql({ entityRef: component.ref, open: true }),
      };
    }),
    {
      name: 'org: open P1/P2 incidents',
      token: 'admin',
      next: get(
        '/api/itsm/incidents?open=true&priority=P1&priority=P2&limit=20',
      ),
      raw: incidentListSql({ open: true, priorities: ['P1', 'P2'] }),
    },
    {
      name: 'record: get incident (random)',
      token: 'engineer',
      next: () => ({ path: `/api/itsm/incidents/${randomId()}` }),
      raw: recordGetSql(randomId),
    },
    {
      name: 'record: timeline (random)',
      token: 'engineer',
      next: () => ({ path: `/api/itsm/incidents/${randomId()}/timeline` }),
      raw: timelineSql(randomId),
    },
    {
      name: 'record: SLA timers (random)',
      token: 'engineer',
      next: () => ({ path: `/api/itsm/incidents/${randomId()}/sla` }),
      raw: recordSlaSql(randomId),
    },
    {
      name: 'SLA card: summary of the hottest component',
      token: 'engineer',
      next: get(`/api/itsm/sla/summary?entityRef=${enc(ctx.hotComponent.ref)}`),
      raw: ctx.reportSql?.hotSummary,
    },
    {
      name: 'SLA dashboard: organisation summary',
      token: 'admin',
      next: get('/api/itsm/sla/summary'),
      raw: ctx.reportSql?.orgSummary,
    },
    {
      name: 'SLA: compliance by group, 90 days',
      token: 'admin',
      next: get('/api/itsm/sla/compliance?groupBy=group&days=90'),
      raw: ctx.reportSql?.compliance90,
    },
    {
      name: 'write: create incident',
      token: 'engineer',
      next: () => ({
        method: 'POST',
        path: '/api/itsm/incidents',
        body: createBody,
      }),
      onResponse: keep(created),
    },
    {
      name: 'write: transition new → in_progress',
      token: 'engineer',
      ...onNewIncidents(record => ({
        method: 'POST',
        path: `/api/itsm/incidents/${record.id}/transitions`,
        body: { version: record.version, to: 'in_progress' },
      })),
      onResponse: keep(transitioned),
    },
    {
      name: 'write: assign',
      token: 'engineer',
      ...onNewIncidents(record => ({
        method: 'PATCH',
        path: `/api/itsm/incidents/${record.id}`,
        body: { version: record.version, assignee: ctx.engineerRef },
      })),
    },
    {
      name: 'write: comment',
      token: 'engineer',
      next: () => ({
        method: 'POST',
        path: `/api/itsm/incidents/${random(commented)}/comments`,
        body: {
          body: 'Still seeing errors after the restart.',
          visibility: 'comment',
        },
      }),
    },
  ];

  const results: OperationResult[] = [];
  for (const op of operations) {
    const runs: LoadResult[] = [];
    for (const connections of CONCURRENCY) {
      await op.before?.();
      const waited = await settle();
      if (waited > 1_000)
        ctx.log(
          `  (waited ${(waited / 1000).toFixed(
            1,
          )} s for the machine to settle)`,
        );
      const result = await load({
        baseUrl: ctx.baseUrl,
        token: op.token === 'admin' ? ctx.adminToken : ctx.engineerToken,
        connections,
        seconds: ctx.seconds,
        next: op.next,
        onResponse: op.onResponse,
      });
      runs.push(result);
      ctx.log(
        `  ${op.name} c=${connections}: p50 ${result.p50.toFixed(
          1,
        )} ms, p95 ${result.p95.toFixed(1)} ms, ${result.rps.toFixed(
          0,
        )} req/s, ${result.requests} requests, ${result.errors} errors`,
      );
      for (const sample of result.errorSamples) ctx.log(`    error: ${sample}`);
    }
    let rawP50: number | undefined;
    if (op.raw && ctx.db) {
      rawP50 = (await timeRaw(ctx.db, op.raw, Math.min(ctx.seconds, 3))).p50;
      ctx.log(`    raw SQL p50 ${rawP50.toFixed(2)} ms`);
    }
    results.push({ name: op.name, runs, rawP50 });
  }
  return results;
}

export interface IsolationResult {
  aloneRps: number;
  loadedRps: number;
  aloneP95: number;
  loadedP95: number;
  dashboardRps: number;
  dashboardErrors: number;
}

/**
 * Does a heavy ITSM report slow the catalog down? Catalog by-name at 10 connections
 * alone, then again while 10 more connections load the organisation SLA dashboard (one
 * backend process: they share its event loop and its CPU).
 */
export async function measureIsolation(
  ctx: MeasureContext,
): Promise<IsolationResult> {
  const byName = {
    baseUrl: ctx.baseUrl,
    token: ctx.adminToken,
    connections: 10,
    seconds: ctx.seconds,
    next: () => ({
      path: `/api/catalog/entities/by-name/component/default/${ctx.hotComponent.name}`,
    }),
  };
  await settle();
  const alone = await load(byName);
  await settle();
  const [loaded, dashboard] = await Promise.all([
    load(byName),
    load({
      ...byName,
      next: () => ({ path: '/api/itsm/sla/summary' }),
    }),
  ]);
  return {
    aloneRps: alone.rps,
    loadedRps: loaded.rps,
    aloneP95: alone.p95,
    loadedP95: loaded.p95,
    dashboardRps: dashboard.rps,
    dashboardErrors: dashboard.errors,
  };
}
