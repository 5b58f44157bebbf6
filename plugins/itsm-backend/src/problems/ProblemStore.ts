import {
  ImpactLevel,
  KnownError,
  Problem,
  ProblemCandidate,
  ProblemKpis,
  ProblemState,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { applyReadFilter, ReadFilter } from '../permissions/toKnex';
import { KindStore } from '../records/KindStore';
import { RecordStore } from '../records/RecordStore';
import { toIso, toIsoOrNull } from '../records/time';

/** Problem columns beside the record core. */
export type ProblemFields = Pick<
  Problem,
  | 'impact'
  | 'urgency'
  | 'symptoms'
  | 'rootCause'
  | 'workaround'
  | 'knownError'
  | 'knownErrorAt'
  | 'resolutionCode'
  | 'resolutionNotes'
  | 'resolvedAt'
  | 'closedAt'
>;

/** Problems: the `itsm_problems` row joined to the record core. */
export class ProblemStore extends KindStore<Problem, ProblemFields> {
  constructor(records: RecordStore) {
    super(records, {
      kind: 'problem',
      table: 'itsm_problems',
      columns: {
        impact: 'impact',
        urgency: 'urgency',
        symptoms: 'symptoms',
        rootCause: 'root_cause',
        workaround: 'workaround',
        knownError: 'known_error',
        knownErrorAt: 'known_error_at',
        resolutionCode: 'resolution_code',
        resolutionNotes: 'resolution_notes',
        resolvedAt: 'resolved_at',
        closedAt: 'closed_at',
      },
      // How many incidents it explains (itsm_incidents_problem_idx).
      extendSelect: query =>
        query.select({
          incident_count: records.db.raw(
            '(select count(*) from itsm_incidents li where li.problem_id = r.id)',
          ),
        }),
      fromRow: row => ({
        kind: 'problem' as const,
        state: row.state as ProblemState,
        impact: Number(row.impact) as ImpactLevel,
        urgency: Number(row.urgency) as UrgencyLevel,
        symptoms: row.symptoms ?? '',
        rootCause: row.root_cause ?? null,
        workaround: row.workaround ?? null,
        knownError: !!row.known_error,
        knownErrorAt: toIsoOrNull(row.known_error_at),
        resolutionCode: row.resolution_code ?? null,
        resolutionNotes: row.resolution_notes ?? null,
        resolvedAt: toIsoOrNull(row.resolved_at),
        closedAt: toIsoOrNull(row.closed_at),
        incidentCount: Number(row.incident_count ?? 0),
      }),
    });
  }

  /** Narrows a list to known errors (true) or to the other problems (false). */
  static knownErrorFilter(query: Knex.QueryBuilder, knownError?: boolean) {
    if (knownError !== undefined) query.where('k.known_error', knownError);
  }

  /**
   * Open known errors whose CIs include one of `entityRefs`, newest first, of those the
   * read filter lets through; each with the CI it was found through.
   */
  async knownErrorsOf(
    entityRefs: string[],
    readable: ReadFilter,
    limit = 50,
  ): Promise<KnownError[]> {
    if (entityRefs.length === 0 || readable === null) return [];
    const query = this.db('itsm_record_cis as ci')
      .join('itsm_records as r', 'r.id', 'ci.record_id')
      .join('itsm_problems as k', 'k.record_id', 'r.id')
      .whereIn('ci.entity_ref', entityRefs)
      .andWhere('r.kind', 'problem')
      .andWhere('r.is_open', true)
      .andWhere('k.known_error', true)
      .select(
        'r.id',
        'r.number',
        'r.title',
        'r.state',
        'r.entity_ref',
        'k.symptoms',
        'k.root_cause',
        'k.workaround',
        'k.known_error_at',
        { matched: 'ci.entity_ref' },
      )
      .orderBy([
        { column: 'k.known_error_at', order: 'desc' },
        { column: 'r.id', order: 'asc' },
      ])
      .limit(limit * entityRefs.length);
    applyReadFilter(query, readable);
    const rows = await query;
    // One entry per problem: the CI asked for first, else the first dependency.
    const byId = new Map<string, KnownError>();
    const rank = (ref: string) => entityRefs.indexOf(ref);
    for (const row of rows) {
      const seen = byId.get(row.id);
      if (seen && rank(seen.matchedEntityRef) <= rank(row.matched)) continue;
      byId.set(row.id, {
        id: row.id,
        number: row.number,
        title: row.title,
        state: row.state,
        entityRef: row.entity_ref,
        symptoms: row.symptoms ?? '',
        rootCause: row.root_cause ?? '',
        workaround: row.workaround ?? '',
        knownErrorAt: toIso(row.known_error_at),
        matchedEntityRef: row.matched,
      });
    }
    return [...byId.values()].slice(0, limit);
  }

  /**
   * CIs with at least `minIncidents` incidents raised since `from` that no problem
   * explains, most first; only incidents the read filter lets through are counted.
   * One grouped query over the (kind, created_at) index of the records.
   */
  async candidates(options: {
    from: string;
    minIncidents: number;
    readable: ReadFilter;
    entityRef?: string;
    limit?: number;
  }): Promise<ProblemCandidate[]> {
    if (options.readable === null) return [];
    const query = this.db('itsm_records as r')
      .join('itsm_incidents as i', 'i.record_id', 'r.id')
      .where('r.kind', 'incident')
      .andWhere('r.created_at', '>=', options.from)
      .whereNull('i.problem_id')
      .groupBy('r.entity_ref')
      .havingRaw('count(*) >= ?', [options.minIncidents])
      .select('r.entity_ref')
      .count({ n: '*' })
      .min({ first_at: 'r.created_at' })
      .max({ last_at: 'r.created_at' })
      .orderBy([
        { column: 'n', order: 'desc' },
        { column: 'r.entity_ref', order: 'asc' },
      ])
      .limit(options.limit ?? 50);
    if (options.entityRef) query.andWhere('r.entity_ref', options.entityRef);
    applyReadFilter(query, options.readable);
    const groups = (await query) as Array<{
      entity_ref: string;
      n: number | string;
      first_at: Date | string;
      last_at: Date | string;
    }>;
    if (groups.length === 0) return [];
    const numbers = this.db('itsm_records as r')
      .join('itsm_incidents as i', 'i.record_id', 'r.id')
      .where('r.kind', 'incident')
      .andWhere('r.created_at', '>=', options.from)
      .whereNull('i.problem_id')
      .whereIn(
        'r.entity_ref',
        groups.map(g => g.entity_ref),
      )
      .select('r.entity_ref', 'r.number')
      .orderBy([
        { column: 'r.created_at', order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ]);
    applyReadFilter(numbers, options.readable);
    const byRef = new Map<string, string[]>();
    for (const row of await numbers) {
      const list = byRef.get(row.entity_ref) ?? [];
      if (list.length < 20) list.push(row.number);
      byRef.set(row.entity_ref, list);
    }
    return groups.map(group => ({
      entityRef: group.entity_ref,
      incidentCount: Number(group.n),
      incidents: byRef.get(group.entity_ref) ?? [],
      firstAt: toIso(group.first_at),
      lastAt: toIso(group.last_at),
    }));
  }

  /**
   * Problem management at a glance, over what the read filters let through: for the
   * records of one CI, or for all of them.
   */
  async kpis(options: {
    readableProblems: ReadFilter;
    readableIncidents: ReadFilter;
    entityRef?: string;
    now: Date;
    days: number;
  }): Promise<ProblemKpis> {
    const { entityRef, now, days } = options;
    const records = (kind: 'problem' | 'incident', readable: ReadFilter) => {
      const query = this.db('itsm_records as r').where('r.kind', kind);
      if (entityRef) this.records.withCi(query, entityRef);
      applyReadFilter(query, readable);
      return query;
    };
    const count = async (query: Knex.QueryBuilder) =>
      Number((await query.count({ n: '*' }))[0].n);
    const open = () =>
      records('problem', options.readableProblems).andWhere('r.is_open', true);
    const openProblems = await count(open());
    const knownErrors = await count(
      open()
        .join('itsm_problems as k', 'k.record_id', 'r.id')
        .andWhere('k.known_error', true),
    );
    const from = new Date(now.getTime() - days * 86_400_000).toISOString();
    const recent = () =>
      records('incident', options.readableIncidents)
        .join('itsm_incidents as i', 'i.record_id', 'r.id')
        .andWhere('r.created_at', '>=', from);
    const incidents = await count(recent());
    const linked = await count(recent().whereNotNull('i.problem_id'));
    // The median of the open problems' ages: the middle one (or two) by age.
    let medianOpenAgeMs: number | null = null;
    if (openProblems > 0) {
      const middle = await open()
        .orderBy('r.created_at', 'asc')
        .offset(Math.floor((openProblems - 1) / 2))
        .limit(openProblems % 2 ? 1 : 2)
        .select('r.created_at');
      const ages = middle.map(
        (row: { created_at: string | Date }) =>
          now.getTime() - Date.parse(toIso(row.created_at)),
      );
      medianOpenAgeMs = Math.round(
        ages.reduce((a: number, b: number) => a + b, 0) / ages.length,
      );
    }
    return {
      openProblems,
      knownErrors,
      incidents,
      linkedIncidentShare: incidents ? linked / incidents : null,
      medianOpenAgeMs,
      days,
    };
  }

  /** Ids of the incidents linked to a problem (open ones only when asked). */
  async linkedIncidentIds(
    trx: Knex.Transaction,
    problemId: string,
    options: { openOnly?: boolean; state?: string; holdReason?: string } = {},
  ): Promise<string[]> {
    const query = trx('itsm_incidents as i')
      .join('itsm_records as r', 'r.id', 'i.record_id')
      .where('i.problem_id', problemId)
      .orderBy('r.id')
      .select('r.id');
    if (options.openOnly) query.andWhere('r.is_open', true);
    if (options.state) query.andWhere('r.state', options.state);
    if (options.holdReason) query.andWhere('i.hold_reason', options.holdReason);
    return (await query).map((row: { id: string }) => row.id);
  }

  /** Changes raised to fix a problem that the read filter lets through, newest first. */
  async fixChanges(problemId: string, readable: ReadFilter) {
    if (readable === null) return [];
    const query = this.db('itsm_changes as k')
      .join('itsm_records as r', 'r.id', 'k.record_id')
      .where('k.problem_id', problemId)
      .select('r.id', 'r.number', 'r.title', 'r.state', 'k.close_code')
      .orderBy('r.created_at', 'desc')
      .limit(200);
    applyReadFilter(query, readable);
    return (await query).map(row => ({
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      closeCode: row.close_code ?? null,
    }));
  }
}
