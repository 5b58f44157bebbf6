import { Change, ChangeState } from '@backstage-itsm/plugin-itsm-common';
import { applyReadFilter, ReadFilter } from '../permissions/toKnex';
import { KindStore } from '../records/KindStore';
import { ChangeOutcomes } from './ChangeOutcomes';
import { RecordStore } from '../records/RecordStore';
import { toIsoOrNull } from '../records/time';

/** Change columns beside the record core. */
export type ChangeFields = Pick<
  Change,
  | 'type'
  | 'risk'
  | 'plannedStart'
  | 'plannedEnd'
  | 'implementationPlan'
  | 'backoutPlan'
  | 'testPlan'
  | 'actualStart'
  | 'actualEnd'
  | 'closeCode'
  | 'closeNotes'
> & {
  /** The current approval round (0 before the first authorisation). */
  approvalRound: number;
  /** The record id of the problem it is raised to fix (the API shows its number). */
  problemId: string | null;
};

export { isOpenChangeState } from '@backstage-itsm/plugin-itsm-common';

/** The change with its current approval round, as the service works on it. */
export type StoredChange = Change & {
  approvalRound: number;
  /** The problem it fixes, by id (the API shows its number). */
  problemId: string | null;
};

/** Changes: the `itsm_changes` row joined to the record core. */
export class ChangeStore extends KindStore<StoredChange, ChangeFields> {
  constructor(records: RecordStore) {
    super(records, {
      kind: 'change',
      table: 'itsm_changes',
      columns: {
        type: 'type',
        risk: 'risk',
        plannedStart: 'planned_start',
        plannedEnd: 'planned_end',
        implementationPlan: 'implementation_plan',
        backoutPlan: 'backout_plan',
        testPlan: 'test_plan',
        actualStart: 'actual_start',
        actualEnd: 'actual_end',
        closeCode: 'close_code',
        closeNotes: 'close_notes',
        approvalRound: 'approval_round',
        problemId: 'problem_id',
      },
      linkedNumbers: { problem: 'problem_id' },
      fromRow: row => ({
        kind: 'change' as const,
        state: row.state as ChangeState,
        type: row.type,
        risk: row.risk,
        plannedStart: toIsoOrNull(row.planned_start),
        plannedEnd: toIsoOrNull(row.planned_end),
        implementationPlan: row.implementation_plan ?? '',
        backoutPlan: row.backout_plan ?? '',
        testPlan: row.test_plan ?? '',
        actualStart: toIsoOrNull(row.actual_start),
        actualEnd: toIsoOrNull(row.actual_end),
        closeCode: row.close_code ?? null,
        closeNotes: row.close_notes ?? null,
        approvalRound: Number(row.approval_round),
        problemId: row.problem_id ?? null,
      }),
    });
    // Closing a change counts its outcome, whichever path closes it.
    new ChangeOutcomes(records).attach();
  }

  /**
   * Changes whose planned window overlaps [from, to), ordered by start. `entityRef`
   * matches any of a change's CIs.
   */
  async inWindow(options: {
    from: string;
    to: string;
    states?: readonly ChangeState[];
    entityRefs?: string[];
    assignmentGroup?: string;
    excludeId?: string;
    /** Only changes this read filter lets through (all when undefined). */
    readable?: ReadFilter;
    limit?: number;
  }): Promise<StoredChange[]> {
    const query = this.select(this.db)
      .andWhere('k.planned_start', '<', options.to)
      .andWhere('k.planned_end', '>', options.from);
    if (options.states?.length) query.whereIn('r.state', options.states);
    if (options.excludeId) query.andWhereNot('r.id', options.excludeId);
    if (options.assignmentGroup)
      query.andWhere('r.assignment_group', options.assignmentGroup);
    if (options.entityRefs?.length) {
      query.whereIn(
        'r.id',
        this.db('itsm_record_cis')
          .whereIn('entity_ref', options.entityRefs)
          .select('record_id'),
      );
    }
    applyReadFilter(query, options.readable);
    const rows = await query
      .orderBy([{ column: 'k.planned_start' }, { column: 'r.id' }])
      .limit(options.limit ?? 500);
    return this.toRecords(rows);
  }
}
