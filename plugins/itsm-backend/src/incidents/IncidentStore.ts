import {
  ImpactLevel,
  Incident,
  IncidentState,
  OPEN_INCIDENT_STATES,
  Page,
  Priority,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { RecordRow, RecordStore } from '../records/RecordStore';
import { toIso, toIsoOrNull } from '../records/time';
import { Paging, RecordListFilter } from '../records/types';
import { ItsmRecordQuery } from '../permissions/rules';
import { applyPermissionCriteria } from '../permissions/toKnex';

/** Incident columns beside the record core. */
export type IncidentFields = Pick<
  Incident,
  | 'impact'
  | 'urgency'
  | 'holdReason'
  | 'resolutionCode'
  | 'resolutionNotes'
  | 'acknowledgedAt'
  | 'resolvedAt'
  | 'closedAt'
>;

const COLUMN_OF: Record<keyof IncidentFields, string> = {
  impact: 'impact',
  urgency: 'urgency',
  holdReason: 'hold_reason',
  resolutionCode: 'resolution_code',
  resolutionNotes: 'resolution_notes',
  acknowledgedAt: 'acknowledged_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
};

export function isOpenIncidentState(state: IncidentState): boolean {
  return OPEN_INCIDENT_STATES.includes(state);
}

/** Incidents: the `itsm_incidents` row joined to the record core. */
export class IncidentStore {
  constructor(private readonly records: RecordStore) {}

  private get db(): Knex {
    return this.records.db;
  }

  private select(db: Knex | Knex.Transaction) {
    return db('itsm_records as r')
      .join('itsm_incidents as i', 'i.record_id', 'r.id')
      .where('r.kind', 'incident')
      .select('r.*', 'i.*');
  }

  async insert(
    trx: Knex.Transaction,
    recordId: string,
    fields: IncidentFields,
  ): Promise<void> {
    await trx('itsm_incidents').insert({
      record_id: recordId,
      ...toColumns(fields),
    });
  }

  async update(
    trx: Knex.Transaction,
    recordId: string,
    patch: Partial<IncidentFields>,
  ): Promise<void> {
    const columns = toColumns(patch);
    if (Object.keys(columns).length === 0) return;
    await trx('itsm_incidents').where({ record_id: recordId }).update(columns);
  }

  async get(id: string, trx?: Knex.Transaction): Promise<Incident | undefined> {
    const row = await this.select(trx ?? this.db)
      .andWhere('r.id', id)
      .first();
    if (!row) return undefined;
    const affected = await this.records.getAffectedEntityRefs([id], trx);
    return toIncident(row, affected.get(id) ?? []);
  }

  async list(
    filter: RecordListFilter,
    paging: Paging,
    criteria?: PermissionCriteria<ItsmRecordQuery>,
  ): Promise<Page<Incident>> {
    const query = this.select(this.db);
    if (criteria) applyPermissionCriteria(query, criteria);
    const rows: (RecordRow & Record<string, any>)[] =
      await this.records.applyListQuery(query, filter, paging);
    const page = RecordStore.toPage(rows, paging.limit);
    const affected = await this.records.getAffectedEntityRefs(
      page.rows.map(row => row.id),
    );
    return {
      items: page.rows.map(row => toIncident(row, affected.get(row.id) ?? [])),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  /** Resolved incidents whose resolution is older than the given time (auto-close). */
  async resolvedBefore(iso: string, limit: number): Promise<string[]> {
    const rows = await this.select(this.db)
      .andWhere('r.state', 'resolved')
      .andWhere('i.resolved_at', '<', iso)
      .orderBy('i.resolved_at', 'asc')
      .limit(limit);
    return rows.map(row => row.id);
  }
}

function toColumns(fields: Partial<IncidentFields>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMN_OF)) {
    const value = fields[key as keyof IncidentFields];
    if (value !== undefined) columns[column] = value;
  }
  return columns;
}

function toIncident(
  row: RecordRow & Record<string, any>,
  affected: string[],
): Incident {
  return {
    id: row.id,
    number: row.number,
    kind: 'incident',
    title: row.title,
    description: row.description ?? '',
    state: row.state as IncidentState,
    entityRef: row.entity_ref,
    affectedEntityRefs: affected,
    requester: row.requester,
    assignee: row.assignee ?? null,
    assignmentGroup: row.assignment_group ?? null,
    priority: row.priority as Priority,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    version: Number(row.version),
    impact: Number(row.impact) as ImpactLevel,
    urgency: Number(row.urgency) as UrgencyLevel,
    holdReason: row.hold_reason ?? null,
    resolutionCode: row.resolution_code ?? null,
    resolutionNotes: row.resolution_notes ?? null,
    acknowledgedAt: toIsoOrNull(row.acknowledged_at),
    resolvedAt: toIsoOrNull(row.resolved_at),
    closedAt: toIsoOrNull(row.closed_at),
  };
}
