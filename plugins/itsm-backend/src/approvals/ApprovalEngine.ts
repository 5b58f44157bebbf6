import {
  ApprovalQueueItem,
  ApprovalStep,
  DecideApprovalRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { Knex } from 'knex';
import { ReadFilters } from '../permissions/toKnex';
import { NewTimelineEntry } from '../records/types';
import { ApprovalStore } from './ApprovalStore';
import { PlannedStep } from './policy';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const same = (a: string, b: string) => lower(a) === lower(b);

/** Approval rules an organisation may tune (`itsm.approvals`). */
export interface ApprovalRules {
  /**
   * One person approves at most one stage of a round (four eyes across stages): the
   * owner who approved cannot also give the platform approval.
   */
  oneStagePerApprover: boolean;
}

/** Who decides: the user and the groups they belong to (their ownership refs). */
export interface Approver {
  ref: string;
  ownershipEntityRefs: string[];
}

/** What a decision did to the round. */
export type DecisionOutcome =
  /** Rejected: the other open steps of the round are canceled. */
  | 'rejected'
  /** Approved; other steps of the stage still wait for a decision. */
  | 'pending'
  /** Approved, and it completed its stage: the next stage is open. */
  | 'next_stage'
  /** Approved, and it was the last open step: the round is approved. */
  | 'approved';

/**
 * The approval rules every approvable kind shares (changes, service requests): rounds
 * of ordered stages, one decision per step by a member of its groups who is not the
 * requester. It runs inside the record's transaction, under its row lock, so two
 * decisions on one record are applied one after the other and the second sees the
 * first.
 */
export class ApprovalEngine {
  private readonly oneStagePerApprover: boolean;

  constructor(
    readonly store: ApprovalStore,
    options: ApprovalRules = { oneStagePerApprover: true },
  ) {
    this.oneStagePerApprover = options.oneStagePerApprover;
  }

  /**
   * "Waiting for my approval": open steps of any kind that the approver may decide
   * (member of a step's group — or the user a step names —, not the requester, not a
   * second stage of one round) on records they may read.
   */
  pendingFor(
    approver: Approver,
    filters: ReadFilters,
  ): Promise<ApprovalQueueItem[]> {
    return this.store.pendingFor(
      [...new Set([approver.ref, ...approver.ownershipEntityRefs].map(lower))],
      lower(approver.ref),
      filters,
      { oneStagePerApprover: this.oneStagePerApprover },
    );
  }

  /**
   * Adds planned stages to a round after the stages it has: all of a new round's, or
   * one more (e.g. the platform group when a freeze appeared after the round opened).
   * The first added stage opens at once. Returns the new steps, and one timeline entry
   * per step.
   */
  async addStages(
    trx: Knex.Transaction,
    recordId: string,
    round: number,
    planned: PlannedStep[],
    at: string,
  ): Promise<{ steps: ApprovalStep[]; timeline: NewTimelineEntry[] }> {
    const existing = await this.store.forRecord(recordId, trx, round);
    const after = Math.max(0, ...existing.map(s => s.stage));
    const inserted = await this.store.insertRound(
      trx,
      recordId,
      round,
      planned.map(step => ({ ...step, stage: after + step.stage })),
      at,
    );
    const fresh = inserted.filter(s => !existing.some(e => e.id === s.id));
    return { steps: fresh, timeline: fresh.map(requestedEntry) };
  }

  /** Cancels the round's undecided steps (rejection, withdrawal, cancellation). */
  async cancelOpen(
    trx: Knex.Transaction,
    recordId: string,
    round: number,
  ): Promise<ApprovalStep[]> {
    const open = (await this.store.forRecord(recordId, trx, round)).filter(
      s => s.state === 'pending' || s.state === 'waiting',
    );
    await this.store.setState(
      trx,
      open.map(s => s.id),
      'canceled',
    );
    return open;
  }

  /**
   * Checks and applies one decision. 404 for a step of another record, 409 for a step
   * that is not open (already decided, a later stage, an old round), 403 for the
   * requester or a non-member, 400 for a rejection without a reason.
   */
  async decide(
    trx: Knex.Transaction,
    record: { id: string; number: string; requester: string },
    round: number,
    input: DecideApprovalRequest,
    approver: Approver,
    at: string,
  ): Promise<{
    outcome: DecisionOutcome;
    step: ApprovalStep;
    opened: ApprovalStep[];
    timeline: NewTimelineEntry[];
  }> {
    const all = await this.store.forRecord(record.id, trx);
    const step = all.find(s => s.id === input.stepId);
    if (!step)
      throw new NotFoundError(
        `${record.number} has no approval step ${input.stepId}`,
      );
    if (step.round !== round || step.state === 'canceled')
      throw new ConflictError(
        `This approval step of ${record.number} is no longer open: its approval round ended`,
      );
    if (step.state === 'approved' || step.state === 'rejected')
      throw new ConflictError(
        `This approval step of ${record.number} was already ${step.state} by ${step.decidedBy} at ${step.decidedAt}`,
      );
    if (step.state === 'waiting')
      throw new ConflictError(
        `${step.stageName} of ${record.number} opens once the earlier stages are approved`,
      );
    if (same(approver.ref, record.requester))
      throw new NotAllowedError(
        `${approver.ref} requested ${record.number} and cannot approve it`,
      );
    const memberships = [approver.ref, ...approver.ownershipEntityRefs].map(
      lower,
    );
    if (!step.eligibleGroups.some(g => memberships.includes(lower(g))))
      throw new NotAllowedError(
        `Deciding ${step.stageName} of ${
          record.number
        } requires membership of ${step.eligibleGroups.join(' or ')}`,
      );
    const earlier = this.oneStagePerApprover
      ? all.find(
          s =>
            s.round === round &&
            s.stage !== step.stage &&
            s.state === 'approved' &&
            s.decidedBy !== null &&
            same(s.decidedBy, approver.ref),
        )
      : undefined;
    if (earlier)
      throw new NotAllowedError(
        `${approver.ref} approved ${earlier.stageName} of ${record.number}; ${step.stageName} needs a second person (four eyes)`,
      );
    const comment = input.comment?.trim() || null;
    if (input.decision === 'rejected' && !comment)
      throw new InputError('comment: a reason is required to reject');

    await this.store.setState(trx, [step.id], input.decision, {
      by: approver.ref,
      at,
      comment,
    });
    const decided: ApprovalStep = {
      ...step,
      state: input.decision,
      decidedBy: approver.ref,
      decidedAt: at,
      comment,
    };
    const timeline: NewTimelineEntry[] = [
      {
        type: 'approval_decided',
        ...(comment ? { body: comment } : {}),
        changes: [
          {
            field: `${step.stageName} (${step.eligibleGroups.join(' or ')})`,
            from: 'pending',
            to: input.decision,
          },
        ],
      },
    ];
    if (input.decision === 'rejected') {
      await this.cancelOpen(trx, record.id, round);
      return { outcome: 'rejected', step: decided, opened: [], timeline };
    }
    const rest = all.filter(s => s.round === round && s.id !== step.id);
    if (rest.some(s => s.stage === step.stage && s.state === 'pending'))
      return { outcome: 'pending', step: decided, opened: [], timeline };
    const waiting = rest.filter(s => s.state === 'waiting');
    if (waiting.length === 0)
      return { outcome: 'approved', step: decided, opened: [], timeline };
    const nextStage = Math.min(...waiting.map(s => s.stage));
    const opened = waiting.filter(s => s.stage === nextStage);
    await this.store.setState(
      trx,
      opened.map(s => s.id),
      'pending',
    );
    const nowOpen = opened.map(s => ({ ...s, state: 'pending' as const }));
    return {
      outcome: 'next_stage',
      step: decided,
      opened: nowOpen,
      // The decision, then the steps it opened.
      timeline: [...timeline, ...nowOpen.map(requestedEntry)],
    };
  }
}

function requestedEntry(step: ApprovalStep): NewTimelineEntry {
  return {
    type: 'approval_requested',
    body: `${step.stageName} (stage ${
      step.stage
    }) from ${step.eligibleGroups.join(' or ')}: ${step.reason}`,
  };
}
