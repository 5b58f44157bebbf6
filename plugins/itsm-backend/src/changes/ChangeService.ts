import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  allowedChangeTransitions,
  changeTransitionGuard,
  standardChangeGuard,
  windowGuard,
  ApprovalStep,
  Change,
  ChangeCalendar,
  ChangeConflict,
  ChangeRisk,
  ChangeState,
  ChangeTransitionInput,
  ChangeType,
  CHANGE_CLOSE_CODE_LABELS,
  COMMITTED_CHANGE_STATES,
  CreateChangeRequest,
  DecideApprovalRequest,
  FieldChange,
  FreezeWindow,
  Priority,
  UpdateChangeRequest,
  windowsOverlap,
} from '@backstage-itsm/plugin-itsm-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { ApprovalEngine, Approver } from '../approvals/ApprovalEngine';
import {
  ApprovalStageRule,
  needsImpact,
  planApprovalSteps,
} from '../approvals/policy';
import { CiContext } from '../catalog/CatalogCis';
import { BlastRadiusCalculator } from '../impact/BlastRadius';
import { IncidentStore } from '../incidents/IncidentStore';
import { ItsmRecordQuery } from '@backstage-itsm/plugin-itsm-node';
import { ReadFilter } from '../permissions/toKnex';
import { MoveRules, throwProblems } from '../records/moves';
import { ProblemLinks } from '../problems/ProblemLinks';
import { RecordService, KindServiceOptions } from '../records/RecordService';
import {
  ApprovalRequestedEvent,
  KindEvent,
  RecordEvent,
} from '../records/events';
import { Actor, Member } from '../records/actor';
import { toIsoDateTime } from '../records/dateTime';
import { NewTimelineEntry, RecordListFilter } from '../records/types';
import {
  ChangeFields,
  ChangeStore,
  isOpenChangeState,
  StoredChange,
} from './ChangeStore';
import { describeFreeze, freezesFor } from './freezes';

/** The change policy from `itsm.changes`. */
export interface ChangePolicy {
  approvalPolicy: ApprovalStageRule[];
  platformGroup?: string;
  freezeWindows: FreezeWindow[];
  /**
   * Standard changes (pre-approved, no approval step) may be raised only by members
   * of the owner group of each of their CIs (default true).
   */
  standardChangesByOwnersOnly?: boolean;
}

/** Something worth telling people about; the notifier decides whom. */
export type ChangeEvent =
  | RecordEvent<'change', Change>
  | ApprovalRequestedEvent<'change', Change>
  | KindEvent<'change', Change, 'rejected', { comment: string }>;

export interface ChangeServiceOptions extends KindServiceOptions<ChangeEvent> {
  changes: ChangeStore;
  incidents: IncidentStore;
  approvals: ApprovalEngine;
  policy: ChangePolicy;
  /** The blast radius, for approval rules on what a change impacts. */
  impact?: BlastRadiusCalculator;
}

/** Plan fields: editable in draft and assess only, because approvals are for the plan. */
const PLAN_FIELDS = [
  'affectedEntityRefs',
  'type',
  'risk',
  'plannedStart',
  'plannedEnd',
  'implementationPlan',
  'backoutPlan',
  'testPlan',
] as const;
const PLANNING_STATES: readonly ChangeState[] = ['draft', 'assess'];

/** A change's priority follows from its type and risk (it has no impact × urgency). */
export function changePriority(type: ChangeType, risk: ChangeRisk): Priority {
  if (type === 'emergency') return 'P1';
  return ({ high: 'P2', moderate: 'P3', low: 'P4' } as const)[risk];
}

/** The list filter of changes: the common one and their type. */
export type ChangeListFilter = RecordListFilter & { types?: ChangeType[] };

/** Where a change may move (by its type), and what each move must carry. */
const CHANGE_MOVES: MoveRules<StoredChange, ChangeTransitionInput, Actor> = {
  open: isOpenChangeState,
  allowed: current => allowedChangeTransitions(current.type, current.state),
  subject: current => `${current.number} (${current.type})`,
  guard: (current, input) => changeTransitionGuard(current, input),
};

/**
 * The change workflow (docs/domain-rules.md §3 Change). Every act is one transaction on the
 * shared record core with a timeline entry; approvals run through the shared
 * ApprovalEngine under the change's row lock.
 */
export class ChangeService extends RecordService<
  StoredChange,
  ChangeFields,
  Change,
  ChangeEvent,
  ChangeTransitionInput,
  Actor,
  ChangeListFilter
> {
  private readonly links = new ProblemLinks(this.parts.records);

  constructor(private readonly options: ChangeServiceOptions) {
    super({ ...options, store: options.changes }, CHANGE_MOVES);
  }

  async create(input: CreateChangeRequest, actor: Member): Promise<Change> {
    const raised = await this.raise(input, actor, {
      state: 'draft',
      priority: changePriority(input.type, input.risk),
    });
    await this.checkStandard(
      { type: input.type, risk: input.risk },
      [raised.core.entityRef, ...raised.core.affectedEntityRefs],
      actor,
    );
    // Raised to fix a problem (from its page): the problem's timeline says so.
    const problemId = await this.links.problemId(input.problem);
    const plannedStart = isoOrNull('plannedStart', input.plannedStart);
    const plannedEnd = isoOrNull('plannedEnd', input.plannedEnd);
    checkWindowOrder(plannedStart, plannedEnd);
    return this.createRecord(actor.ref, at => ({
      ...raised,
      fields: {
        type: input.type,
        risk: input.risk,
        plannedStart,
        plannedEnd,
        implementationPlan: input.implementationPlan ?? '',
        backoutPlan: input.backoutPlan ?? '',
        testPlan: input.testPlan ?? '',
        actualStart: null,
        actualEnd: null,
        closeCode: null,
        closeNotes: null,
        approvalRound: 0,
        problemId,
      },
      inTransaction: async (trx, id) => {
        if (!problemId) return [];
        const problem = await this.links.lockProblem(trx, problemId);
        const { number } = (await this.options.changes.get(id, trx))!;
        await this.options.records.appendTimeline(
          trx,
          problemId,
          actor.ref,
          at,
          [
            {
              type: 'link_added',
              body: `${number} (${input.title.trim()}) was raised to fix this problem`,
              link: { kind: 'change', number },
            },
          ],
        );
        return [
          {
            type: 'link_added',
            body: `Raised to fix ${problem.number} (${problem.title})`,
          },
        ];
      },
    }));
  }

  protected toApi(stored: StoredChange): Change {
    return toChange(stored);
  }

  protected narrowList(query: Knex.QueryBuilder, filter: ChangeListFilter) {
    if (filter.types?.length) query.whereIn('k.type', filter.types);
  }

  async update(
    idOrNumber: string,
    input: UpdateChangeRequest,
    actor: Member,
  ): Promise<Change> {
    return this.editRecord(idOrNumber, input, actor, {
      // A plan that is (or becomes) standard is checked before any lock is taken, on
      // what it will be; the version check under the lock makes sure it still is.
      prepare: async (id, { affectedEntityRefs: affected }) => {
        const read = await this.load(id);
        if (read.version === input.version)
          await this.checkStandard(
            { type: input.type ?? read.type, risk: input.risk ?? read.risk },
            [read.entityRef, ...(affected ?? read.affectedEntityRefs)],
            actor,
          );
      },
      check: current => {
        if (!isOpenChangeState(current.state))
          throw new ConflictError(
            `${current.number} is ${current.state} and can no longer be edited`,
          );
        const planEdits = PLAN_FIELDS.filter(f => input[f] !== undefined);
        if (planEdits.length && !PLANNING_STATES.includes(current.state))
          throw new ConflictError(
            `The plan (${planEdits.join(', ')}) of ${
              current.number
            } can only change in draft or assess; it is ${
              current.state
            }. Move it back to draft to re-plan.`,
          );
      },
      apply: (_trx, current, edit, fields) => {
        for (const field of [
          'type',
          'risk',
          'implementationPlan',
          'backoutPlan',
          'testPlan',
        ] as const) {
          if (edit.track(field, current[field], input[field]))
            (fields as any)[field] = input[field];
        }
        const start =
          input.plannedStart === undefined
            ? undefined
            : isoOrNull('plannedStart', input.plannedStart);
        const end =
          input.plannedEnd === undefined
            ? undefined
            : isoOrNull('plannedEnd', input.plannedEnd);
        if (edit.track('plannedStart', current.plannedStart, start))
          fields.plannedStart = start;
        if (edit.track('plannedEnd', current.plannedEnd, end))
          fields.plannedEnd = end;
        checkWindowOrder(
          fields.plannedStart !== undefined
            ? fields.plannedStart
            : current.plannedStart,
          fields.plannedEnd !== undefined
            ? fields.plannedEnd
            : current.plannedEnd,
        );
        const priority = changePriority(
          fields.type ?? current.type,
          fields.risk ?? current.risk,
        );
        if (edit.track('priority', current.priority, priority))
          edit.core.priority = priority;
      },
    });
  }

  async transition(
    idOrNumber: string,
    input: ChangeTransitionInput & { version: number },
    actor: Actor,
  ): Promise<Change> {
    const read = await this.load(idOrNumber);
    // Checked here on what the caller read, and again under the lock.
    this.checkMove(read, input, actor);
    if (read.version !== input.version) this.stale(read, input.version);

    // Catalog reads for approval routing and freezes, before any lock is taken.
    let planned: ReturnType<typeof planApprovalSteps> = [];
    let freezes: FreezeWindow[] = [];
    if (input.to === 'authorize' || input.to === 'scheduled') {
      const context = await this.context(read, actor);
      freezes = this.freezesOf(read, context);
      if (input.to === 'authorize') {
        planned = await this.options.cis.routeApprovers(
          planApprovalSteps(this.options.policy.approvalPolicy, {
            impactedTiers: await this.impactedTiers(read, actor),
            type: read.type,
            risk: read.risk,
            tiers: context.tiers,
            inFreeze: freezes.length > 0,
            cis: context.cis,
            platformGroup: this.options.policy.platformGroup,
            fallbackGroup: this.options.cis.fallbackGroup,
          }),
          actor.credentials,
        );
      }
    }

    const events: ChangeEvent[] = [];
    let openedSteps: ApprovalStep[] = [];
    const { updated, from } = await this.moveRecord(
      read.id,
      input,
      actor,
      async (trx, current, at) => {
        const fields: Partial<ChangeFields> = {};
        const timeline: NewTimelineEntry[] = [];
        let to: ChangeState = input.to;
        if (to === 'authorize') {
          const round = current.approvalRound + 1;
          fields.approvalRound = round;
          if (planned.length) {
            const opened = await this.options.approvals.addStages(
              trx,
              current.id,
              round,
              planned,
              at,
            );
            openedSteps = opened.steps.filter(s => s.state === 'pending');
            timeline.push(...opened.timeline);
          } else {
            // The policy asks for no approval: straight on to scheduling.
            this.assertSchedulable(current, freezes, []);
            to = 'scheduled';
          }
        }
        if (to === 'scheduled' && input.to === 'scheduled')
          this.assertSchedulable(current, freezes, []);
        if (to === 'draft' || to === 'canceled')
          await this.options.approvals.cancelOpen(
            trx,
            current.id,
            current.approvalRound,
          );
        const side: FieldChange[] = [];
        if (to === 'implement') {
          fields.actualStart = at;
          side.push({
            field: 'actualStart',
            from: current.actualStart,
            to: at,
          });
        }
        if (to === 'review') {
          fields.actualEnd = at;
          side.push({ field: 'actualEnd', from: current.actualEnd, to: at });
        }
        if (to === 'closed') {
          fields.closeCode = input.closeCode!;
          fields.closeNotes = input.closeNotes?.trim() || null;
          side.push({ field: 'closeCode', from: null, to: input.closeCode });
          if (current.problemId)
            await this.announceFix(trx, current, input, actor.ref, at);
        }
        timeline.unshift({
          type: 'state_changed',
          fromState: current.state,
          toState: to,
          ...(side.length ? { changes: side } : {}),
          ...(to !== input.to
            ? { body: 'No approval is required by the approval policy' }
            : {}),
        });
        if (input.comment?.trim())
          timeline.push({ type: 'comment', body: input.comment.trim() });
        return {
          core: { state: to, isOpen: isOpenChangeState(to) },
          fields,
          timeline,
        };
      },
      // The problem it fixes is locked before the change, as every path locks them.
      async trx => {
        if (input.to === 'closed' && read.problemId)
          await this.links.lockProblem(trx, read.problemId);
      },
    );
    const change = toChange(updated);
    events.push(this.moved(change, from, actor.ref));
    if (openedSteps.length)
      events.push({
        type: 'approval_requested',
        change,
        steps: openedSteps,
        actor: actor.ref,
      });
    for (const event of events) await this.emit(event);
    return change;
  }

  /**
   * Approves or rejects one step. All steps approved → scheduled (after a freeze
   * recheck); a rejection → back to draft with the reason on the timeline.
   */
  async decide(
    idOrNumber: string,
    input: DecideApprovalRequest,
    approver: Actor & Approver,
  ): Promise<Change> {
    const read = await this.load(idOrNumber);
    this.assertAwaiting(read, 'authorize');
    // Freezes may have been configured after the round opened: read them beforehand.
    const freezes = this.freezesOf(read, await this.context(read, approver));
    const { updated, decision, requested } = await this.decideStep(
      read.id,
      'authorize',
      input,
      approver,
      async (trx, current, { outcome }, at) => {
        if (outcome === 'rejected') return { to: 'draft' };
        if (outcome !== 'approved') return { to: 'authorize' };
        const { approvals } = this.options;
        const round = await approvals.store.forRecord(
          current.id,
          trx,
          current.approvalRound,
        );
        const platformStep = this.missingPlatformApproval(
          current,
          freezes,
          round,
        );
        if (!platformStep) {
          this.assertSchedulable(current, freezes, round);
          return { to: 'scheduled' };
        }
        const added = await approvals.addStages(
          trx,
          current.id,
          current.approvalRound,
          [platformStep],
          at,
        );
        return {
          to: 'authorize',
          timeline: added.timeline,
          requested: added.steps,
        };
      },
    );
    const change = toChange(updated);
    const actor = approver.ref;
    if (decision.outcome === 'rejected')
      await this.tell('rejected', change, actor, {
        comment: decision.step.comment ?? '',
      });
    else if (change.state !== read.state)
      await this.emit(this.moved(change, read.state, actor));
    if (requested.length)
      await this.tell('approval_requested', change, actor, {
        steps: requested,
      });
    return change;
  }

  /**
   * Committed (scheduled, implementing) changes whose windows overlap this one and
   * whose CIs meet this one's CIs or their direct dependencies; and the freezes it
   * falls into. Computed on read, so it is current whenever CIs or windows change.
   */
  async conflicts(
    idOrNumber: string,
    actor: Actor,
    readable: ReadFilter,
  ): Promise<{ conflicts: ChangeConflict[]; freezes: FreezeWindow[] }> {
    const change = await this.load(idOrNumber);
    if (!change.plannedStart || !change.plannedEnd)
      return { conflicts: [], freezes: [] };
    const context = await this.context(change, actor);
    const others = await this.options.changes.inWindow({
      from: change.plannedStart,
      to: change.plannedEnd,
      states: COMMITTED_CHANGE_STATES,
      excludeId: change.id,
      readable,
    });
    const conflicts: ChangeConflict[] = [];
    for (const other of others) {
      const theirs = [other.entityRef, ...other.affectedEntityRefs];
      const direct = theirs.filter(ref => context.refs.includes(ref));
      const via = theirs.filter(ref => context.neighbours.has(ref));
      if (!direct.length && !via.length) continue;
      conflicts.push({
        change: {
          id: other.id,
          number: other.number,
          title: other.title,
          state: other.state,
          plannedStart: other.plannedStart,
          plannedEnd: other.plannedEnd,
          entityRef: other.entityRef,
        },
        entityRefs: [...direct, ...via],
        reason: [
          ...(direct.length ? [`both change ${direct.join(', ')}`] : []),
          ...via.map(ref => context.neighbours.get(ref)!),
        ].join('; '),
      });
    }
    return { conflicts, freezes: this.freezesOf(change, context) };
  }

  /** Incidents linked as caused by the change, of those `readable` lets through. */
  async causedIncidents(idOrNumber: string, readable: ReadFilter) {
    const id = await this.options.changes.resolveId(idOrNumber);
    return this.options.incidents.linkedTo('causedByChange', id, readable);
  }

  /** Changes by planned window in [from, to), with the freeze windows of the range. */
  async calendar(
    query: {
      from: string;
      to: string;
      entityRef?: string;
      assignmentGroup?: string;
      states?: ChangeState[];
    },
    actor: Actor,
    criteria?: PermissionCriteria<ItsmRecordQuery>,
  ): Promise<ChangeCalendar> {
    const from = toIsoDateTime('from', query.from);
    const to = toIsoDateTime('to', query.to);
    if (Date.parse(to) <= Date.parse(from))
      throw new InputError('to must be after from');
    if (Date.parse(to) - Date.parse(from) > 400 * 86_400_000)
      throw new InputError('from and to may be at most 400 days apart');
    const changes = await this.options.changes.inWindow({
      from,
      to,
      states: query.states,
      entityRefs: query.entityRef ? [query.entityRef] : undefined,
      assignmentGroup: query.assignmentGroup,
      readable: criteria,
    });
    let freezes = this.options.policy.freezeWindows.filter(freeze =>
      windowsOverlap(freeze, { start: from, end: to }),
    );
    if (query.entityRef) {
      const context = await this.options.cis.describe(
        [query.entityRef],
        actor.credentials,
      );
      freezes = freezesFor(freezes, { start: from, end: to }, context);
    }
    return { changes: changes.map(toChange), freezes };
  }

  /**
   * Who may raise (or re-plan into) a standard change: it must be low risk, and —
   * unless configured otherwise — the caller must belong to the owner group of each of
   * its CIs, since a pre-approved change skips those owners' approval.
   */
  private async checkStandard(
    plan: { type: ChangeType; risk: ChangeRisk },
    refs: string[],
    actor: Member,
  ): Promise<void> {
    if (plan.type !== 'standard') return;
    throwProblems(standardChangeGuard(plan));
    if (this.options.policy.standardChangesByOwnersOnly === false) return;
    const context = await this.options.cis.describe(refs, actor.credentials);
    const mine = actor.ownershipEntityRefs.map(r =>
      r.toLocaleLowerCase('en-US'),
    );
    const foreign = context.cis.filter(
      ci => !ci.owner || !mine.includes(ci.owner),
    );
    if (foreign.length)
      throw new NotAllowedError(
        `A standard change is pre-approved, so only members of the owner group of each CI raise one: ${foreign
          .map(ci =>
            ci.owner
              ? `${ci.ref} is owned by ${ci.owner}`
              : `${ci.ref} has no owner group`,
          )
          .join('; ')}. Raise a normal change for its owners to approve.`,
      );
  }

  private load(idOrNumber: string): Promise<StoredChange> {
    return this.options.changes.find(idOrNumber);
  }

  private context(change: Change, actor: Actor): Promise<CiContext> {
    return this.options.cis.describe(
      [change.entityRef, ...change.affectedEntityRefs],
      actor.credentials,
    );
  }

  /** The tiers in the change's blast radius, when the approval policy asks for them. */
  private async impactedTiers(change: Change, actor: Actor) {
    const { impact, policy } = this.options;
    if (!impact || !needsImpact(policy.approvalPolicy)) return undefined;
    const radius = await impact.of(
      [change.entityRef, ...change.affectedEntityRefs],
      actor.credentials,
    );
    return [...new Set(radius.impacted.flatMap(e => (e.tier ? [e.tier] : [])))];
  }

  private freezesOf(change: Change, context: CiContext): FreezeWindow[] {
    if (!change.plannedStart || !change.plannedEnd) return [];
    return freezesFor(
      this.options.policy.freezeWindows,
      { start: change.plannedStart, end: change.plannedEnd },
      context,
    );
  }

  /**
   * A normal change in a freeze needs an approved platform step. When the round has
   * none (the freeze was configured after it opened), returns the step to add (a stage
   * of its own, the first after the round's).
   */
  private missingPlatformApproval(
    change: StoredChange,
    freezes: FreezeWindow[],
    round: ApprovalStep[],
  ) {
    const platform = this.options.policy.platformGroup;
    if (change.type !== 'normal' || freezes.length === 0 || !platform)
      return undefined;
    if (this.platformApproved(round)) return undefined;
    return {
      stage: 1,
      stageName: 'Platform approval',
      eligibleGroups: [platform],
      reason: `the window falls into the freeze ${freezes
        .map(describeFreeze)
        .join(', ')}`,
    };
  }

  private platformApproved(round: ApprovalStep[]): boolean {
    const platform = this.options.policy.platformGroup;
    return (
      !!platform &&
      round.some(
        step =>
          step.state === 'approved' && step.eligibleGroups.includes(platform),
      )
    );
  }

  /** Freezes block scheduling a non-emergency change unless the platform group approved. */
  private assertSchedulable(
    change: Change,
    freezes: FreezeWindow[],
    round: ApprovalStep[],
  ) {
    if (change.type === 'emergency' || freezes.length === 0) return;
    if (change.type === 'normal' && this.platformApproved(round)) return;
    throw new ConflictError(
      `${
        change.number
      } cannot be scheduled: its window falls into the freeze ${freezes
        .map(describeFreeze)
        .join(', ')}${
        change.type === 'standard'
          ? '. A standard change cannot be scheduled into a freeze; pick another window or raise a normal change for platform approval'
          : ' and the platform group has not approved it'
      }`,
    );
  }

  /** Tells the problem a change raised to fix it was closed, and how. */
  private async announceFix(
    trx: Knex.Transaction,
    change: StoredChange,
    input: ChangeTransitionInput,
    actorRef: string,
    at: string,
  ) {
    const code =
      CHANGE_CLOSE_CODE_LABELS[input.closeCode!].toLocaleLowerCase('en-US');
    const fixed =
      input.closeCode === 'successful' ||
      input.closeCode === 'successful_with_issues';
    const notes = input.closeNotes?.trim();
    await this.options.records.appendTimeline(
      trx,
      change.problemId!,
      actorRef,
      at,
      [
        {
          type: 'comment',
          body: `${change.number} (${
            change.title
          }), raised to fix this problem, was closed ${code}${
            notes ? `: ${notes}` : ''
          }.${fixed ? ' The problem may now be resolved.' : ''}`,
          link: { kind: 'change', number: change.number },
        },
      ],
    );
  }

  private stale(change: Change, version: number): never {
    throw new ConflictError(
      `${change.number} was changed by someone else: version ${version} is stale, the current version is ${change.version}. Reload and try again.`,
    );
  }
}

function isoOrNull(
  field: string,
  value: string | null | undefined,
): string | null {
  if (value === null || value === undefined) return null;
  return toIsoDateTime(field, value);
}

function checkWindowOrder(start: string | null, end: string | null) {
  if (start && end) {
    throwProblems(windowGuard(start, end));
  }
}

/** The API shape: the internal approval round is not part of it. */
function toChange(stored: StoredChange): Change {
  const { approvalRound: _round, problemId: _problem, ...change } = stored;
  return change;
}
