import {
  ImpactLevel,
  Incident,
  IncidentState,
  LinkedRecordSummary,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { applyReadFilter, ReadFilter } from '../permissions/toKnex';
import { KindStore } from '../records/KindStore';
import { RecordStore } from '../records/RecordStore';
import { toIsoOrNull } from '../records/time';

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
> & {
  /** The record id of the change that caused it (the API shows its number). */
  causedByChangeId: string | null;
  /** The record id of the problem behind it (the API shows its number). */
  problemId: string | null;
};

export { isOpenIncidentState } from '@backstage-itsm/plugin-itsm-common';

/** Incidents: the `itsm_incidents` row joined to the record core. */
export class IncidentStore extends KindStore<Incident, IncidentFields> {
  constructor(records: RecordStore) {
    super(records, {
      kind: 'incident',
      table: 'itsm_incidents',
      columns: {
        impact: 'impact',
        urgency: 'urgency',
        holdReason: 'hold_reason',
        resolutionCode: 'resolution_code',
        resolutionNotes: 'resolution_notes',
        acknowledgedAt: 'acknowledged_at',
        resolvedAt: 'resolved_at',
        closedAt: 'closed_at',
        causedByChangeId: 'caused_by_change_id',
        problemId: 'problem_id',
      },
      linkedNumbers: {
        causedByChange: 'caused_by_change_id',
        problem: 'problem_id',
      },
      fromRow: row => ({
        kind: 'incident' as const,
        state: row.state as IncidentState,
        impact: Number(row.impact) as ImpactLevel,
        urgency: Number(row.urgency) as UrgencyLevel,
        holdReason: row.hold_reason ?? null,
        resolutionCode: row.resolution_code ?? null,
        resolutionNotes: row.resolution_notes ?? null,
        acknowledgedAt: toIsoOrNull(row.acknowledged_at),
        resolvedAt: toIsoOrNull(row.resolved_at),
        closedAt: toIsoOrNull(row.closed_at),
      }),
    });
  }

  /** Resolved incidents whose resolution is older than the given time (auto-close). */
  async resolvedBefore(iso: string, limit: number): Promise<string[]> {
    const rows = await this.select(this.db)
      .andWhere('r.state', 'resolved')
      .andWhere('k.resolved_at', '<', iso)
      .orderBy('k.resolved_at', 'asc')
      .limit(limit);
    return rows.map((row: { id: string }) => row.id);
  }

  /**
   * The incidents linked to a record — as caused by a change, or to a problem — that
   * the read filter lets through, newest first, as a linked list shows them.
   */
  async linkedTo(
    link: 'causedByChange' | 'problem',
    recordId: string,
    readable: ReadFilter,
  ): Promise<LinkedRecordSummary[]> {
    const column =
      link === 'problem' ? 'k.problem_id' : 'k.caused_by_change_id';
    const query = this.select(this.db).andWhere(column, recordId);
    applyReadFilter(query, readable);
    const rows = await query.orderBy('r.created_at', 'desc').limit(200);
    return (await this.toRecords(rows)).map(
      ({ id, number, title, state, priority }) => ({
        id,
        number,
        title,
        state,
        priority,
      }),
    );
  }
}
