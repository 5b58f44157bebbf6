import {
  HoldReason,
  ImpactLevel,
  Incident,
  IncidentState,
  LinkedRecordSummary,
  MajorIncident,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { applyReadFilter, ReadFilter } from '../permissions/toKnex';
import { KindStore } from '../records/KindStore';
import { RecordRow, RecordStore } from '../records/RecordStore';
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
  /** The record id of the major incident it is a child of (the API shows its number). */
  parentId: string | null;
} & MajorColumns;

/** The major-incident proposal as stored (the API shows it as `major`). */
export interface MajorColumns {
  majorState: MajorIncident['state'] | null;
  majorReason: string | null;
  majorProposedBy: string | null;
  majorProposedAt: string | null;
  majorDecidedBy: string | null;
  majorDecidedAt: string | null;
  majorDecisionNote: string | null;
}

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
        majorState: 'major_state',
        majorReason: 'major_reason',
        majorProposedBy: 'major_proposed_by',
        majorProposedAt: 'major_proposed_at',
        majorDecidedBy: 'major_decided_by',
        majorDecidedAt: 'major_decided_at',
        majorDecisionNote: 'major_decision_note',
        parentId: 'parent_id',
      },
      linkedNumbers: {
        causedByChange: 'caused_by_change_id',
        problem: 'problem_id',
        parent: 'parent_id',
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
        major: row.major_state
          ? {
              state: row.major_state,
              reason: row.major_reason ?? '',
              proposedBy: row.major_proposed_by,
              proposedAt: toIsoOrNull(row.major_proposed_at)!,
              decidedBy: row.major_decided_by ?? null,
              decidedAt: toIsoOrNull(row.major_decided_at),
              decisionNote: row.major_decision_note ?? null,
            }
          : null,
      }),
    });
  }

  /**
   * Puts an incident that waits on hold for `reason` back in progress (the caller
   * replied, the problem behind it was resolved), under its lock already taken; `body`
   * says why on the move's timeline entry.
   */
  async resume(
    trx: Knex.Transaction,
    row: RecordRow,
    reason: HoldReason,
    actorRef: string,
    at: string,
    body?: string,
  ): Promise<void> {
    await this.records.updateCore(
      trx,
      row,
      { state: 'in_progress', isOpen: true },
      at,
    );
    await this.update(trx, row.id, { holdReason: null });
    await this.records.appendTimeline(trx, row.id, actorRef, at, [
      {
        type: 'state_changed',
        fromState: 'on_hold',
        toState: 'in_progress',
        changes: [{ field: 'holdReason', from: reason, to: null }],
        ...(body ? { body } : {}),
      },
    ]);
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
    link: 'causedByChange' | 'problem' | 'parent',
    recordId: string,
    readable: ReadFilter,
  ): Promise<LinkedRecordSummary[]> {
    const column = {
      problem: 'k.problem_id',
      causedByChange: 'k.caused_by_change_id',
      parent: 'k.parent_id',
    }[link];
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
