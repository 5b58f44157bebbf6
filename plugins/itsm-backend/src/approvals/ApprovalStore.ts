import {
  ApprovalQueueItem,
  ApprovalStep,
  ApprovalStepState,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { applyReadFilters, ReadFilters } from '../permissions/toKnex';
import { toIso, toIsoOrNull } from '../records/time';
import { PlannedStep } from './policy';

/**
 * Approval steps of any record kind. Writes happen inside the caller's transaction,
 * which holds the record's row lock: decisions on one record are serialised by it.
 */
export class ApprovalStore {
  constructor(private readonly db: Knex) {}

  /** Creates a round's steps; the first stage is open, the later ones wait for it. */
  async insertRound(
    trx: Knex.Transaction,
    recordId: string,
    round: number,
    steps: PlannedStep[],
    at: string,
  ): Promise<ApprovalStep[]> {
    const first = Math.min(...steps.map(s => s.stage));
    const rows = steps.map(step => ({
      id: uuid(),
      record_id: recordId,
      round,
      stage: step.stage,
      stage_name: step.stageName,
      reason: step.reason.slice(0, 500),
      state: (step.stage === first
        ? 'pending'
        : 'waiting') as ApprovalStepState,
      created_at: at,
    }));
    if (rows.length === 0) return [];
    await trx('itsm_approval_steps').insert(rows);
    await trx('itsm_approval_step_groups').insert(
      rows.flatMap((row, i) =>
        steps[i].eligibleGroups.map(group => ({
          step_id: row.id,
          group_ref: group,
          state: row.state,
        })),
      ),
    );
    return this.forRecord(recordId, trx, round);
  }

  /** Every step of a record (or of one round), by round, stage and creation. */
  async forRecord(
    recordId: string,
    db: Knex | Knex.Transaction = this.db,
    round?: number,
  ): Promise<ApprovalStep[]> {
    const query = db('itsm_approval_steps').where({ record_id: recordId });
    if (round !== undefined) query.andWhere({ round });
    const rows = await query.orderBy([
      { column: 'round' },
      { column: 'stage' },
      { column: 'reason' },
    ]);
    return this.withGroups(rows, db);
  }

  async setState(
    trx: Knex.Transaction,
    stepIds: string[],
    state: ApprovalStepState,
    decision?: { by: string; at: string; comment: string | null },
  ): Promise<void> {
    if (stepIds.length === 0) return;
    await trx('itsm_approval_steps')
      .whereIn('id', stepIds)
      .update({
        state,
        ...(decision
          ? {
              decided_by: decision.by,
              decided_at: decision.at,
              comment: decision.comment,
            }
          : {}),
      });
    await trx('itsm_approval_step_groups')
      .whereIn('step_id', stepIds)
      .update({ state });
  }

  /**
   * Open steps that the given principals (a user and their groups) may decide, oldest
   * first: not on records they requested (they may never approve those), only on
   * records the read filters let through, and — with `oneStagePerApprover` — not in a
   * round where the user already approved another stage.
   */
  async pendingFor(
    principals: string[],
    user: string,
    filters: ReadFilters,
    options: { oneStagePerApprover: boolean; limit?: number },
  ): Promise<ApprovalQueueItem[]> {
    if (principals.length === 0) return [];
    const query = this.db('itsm_approval_steps as s')
      .join('itsm_records as r', 'r.id', 's.record_id')
      .whereIn(
        's.id',
        this.db('itsm_approval_step_groups')
          .whereIn('group_ref', principals)
          .andWhere('state', 'pending')
          .select('step_id'),
      )
      .andWhere('s.state', 'pending')
      .andWhereNot('r.requester', user);
    applyReadFilters(query, filters);
    if (options.oneStagePerApprover) {
      query.whereNotExists(
        this.db('itsm_approval_steps as d')
          .whereRaw('d.record_id = s.record_id')
          .andWhereRaw('d.round = s.round')
          .andWhereRaw('d.stage <> s.stage')
          .andWhere('d.decided_by', user)
          .andWhere('d.state', 'approved')
          .select(this.db.raw('1')),
      );
    }
    const rows = await query
      .orderBy([{ column: 's.created_at' }, { column: 's.id' }])
      .limit(options.limit ?? 200)
      .select(
        's.*',
        { r_number: 'r.number' },
        { r_kind: 'r.kind' },
        { r_title: 'r.title' },
        { r_state: 'r.state' },
        { r_requester: 'r.requester' },
        { r_entity_ref: 'r.entity_ref' },
      );
    const steps = await this.withGroups(rows, this.db);
    return steps.map((step, i) => ({
      step,
      record: {
        id: rows[i].record_id,
        number: rows[i].r_number,
        kind: rows[i].r_kind,
        title: rows[i].r_title,
        state: rows[i].r_state,
        requester: rows[i].r_requester,
        entityRef: rows[i].r_entity_ref,
      },
    }));
  }

  private async withGroups(
    rows: any[],
    db: Knex | Knex.Transaction,
  ): Promise<ApprovalStep[]> {
    const groupRows = rows.length
      ? await db('itsm_approval_step_groups')
          .whereIn(
            'step_id',
            rows.map(r => r.id),
          )
          .orderBy('group_ref')
      : [];
    const groups = new Map<string, string[]>();
    for (const g of groupRows)
      groups.set(g.step_id, [...(groups.get(g.step_id) ?? []), g.group_ref]);
    return rows.map(row => ({
      id: row.id,
      recordId: row.record_id,
      round: Number(row.round),
      stage: Number(row.stage),
      stageName: row.stage_name,
      eligibleGroups: groups.get(row.id) ?? [],
      reason: row.reason,
      state: row.state,
      decidedBy: row.decided_by ?? null,
      decidedAt: toIsoOrNull(row.decided_at),
      comment: row.comment ?? null,
      createdAt: toIso(row.created_at),
    }));
  }
}
