import { Actor } from '../records/actor';
import { ConflictError } from '@backstage/errors';
import {
  allowedIncidentTransitions,
  CreateIncidentRequest,
  Incident,
  IncidentTransitionInput,
  incidentTransitionGuard,
  TimelineEntry,
  UpdateIncidentRequest,
  CommentVisibility,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { RecordChange } from '../records/KindStore';
import { MoveRules } from '../records/moves';
import { MoveEdit } from '../records/MoveEdit';
import { LinkedProblem, ProblemLinks } from '../problems/ProblemLinks';
import { RecordService, KindServiceOptions } from '../records/RecordService';
import { KindEvent, RecordEvent } from '../records/events';
import { NO_MAJOR } from './MajorIncidents';
import { BlastRadiusCalculator } from '../impact/BlastRadius';
import {
  IncidentFields,
  IncidentStore,
  isOpenIncidentState,
} from './IncidentStore';

export type { Actor };

/** Something worth telling people about; the notifier decides whom. */
export type IncidentEvent =
  | RecordEvent<'incident', Incident>
  | KindEvent<'incident', Incident, 'assigned' | 'requester_replied'>
  | KindEvent<
      'incident',
      Incident,
      'major_proposed',
      /** The major-incident group, who decide. */
      { group: string | null }
    >
  | KindEvent<
      'incident',
      Incident,
      'major_accepted' | 'major_rejected',
      { from: Incident['priority'] }
    >
  | KindEvent<
      'incident',
      Incident,
      'impacting',
      /** The owners of what the incident impacts (its assignment group left out). */
      { owners: string[] }
    >
  | KindEvent<
      'incident',
      Incident,
      'stakeholder_update',
      /** The owners of what the incident impacts, who are told. */
      { body: string; owners: string[] }
    >;

export interface IncidentServiceOptions
  extends KindServiceOptions<IncidentEvent> {
  incidents: IncidentStore;
  /** The blast radius, for telling the owners of what an incident impacts. */
  impact?: BlastRadiusCalculator;
  /** `itsm.impact.notifyOwners`: tell them of new P1 and P2 incidents. */
  notifyImpactedOwners?: boolean;
}

/** Where an incident may move, and what each move must carry (itsm-common's workflow). */
const INCIDENT_MOVES: MoveRules<Incident, IncidentTransitionInput, Actor> = {
  open: isOpenIncidentState,
  allowed: current => allowedIncidentTransitions(current.state),
  guard: (_current, input) => incidentTransitionGuard(input),
};

/**
 * The incident workflow: every act is one transaction that changes the record and
 * appends to its timeline, guarded by the version the caller read.
 */
export class IncidentService extends RecordService<
  Incident,
  IncidentFields,
  Incident,
  IncidentEvent,
  IncidentTransitionInput
> {
  private readonly links = new ProblemLinks(this.parts.records);

  constructor(private readonly options: IncidentServiceOptions) {
    super({ ...options, store: options.incidents }, INCIDENT_MOVES);
  }

  /**
   * Reports an incident. `alongside` runs in the same transaction once the incident
   * exists (an alert claiming it, see alerts/AlertIntake); when it throws, nothing is
   * written.
   */
  async create(
    input: CreateIncidentRequest,
    actor: Actor,
    alongside?: (
      trx: Knex.Transaction,
      id: string,
      at: string,
    ) => Promise<void>,
  ): Promise<Incident> {
    const raised = await this.raiseRated(input, actor);
    // Attached to a known problem instead of reported unlinked.
    const problemId = await this.links.problemId(input.problem);
    const created = await this.createRecord(actor.ref, at => ({
      ...raised,
      fields: {
        impact: input.impact,
        urgency: input.urgency,
        holdReason: null,
        resolutionCode: null,
        resolutionNotes: null,
        // Being assigned at creation is an acknowledgement (stops the response clock).
        acknowledgedAt: raised.core.assignee ? at : null,
        resolvedAt: null,
        closedAt: null,
        causedByChangeId: null,
        problemId,
        parentId: null,
        ...NO_MAJOR,
      },
      inTransaction: async (trx, id) => {
        await alongside?.(trx, id, at);
        if (!problemId) return [];
        const problem = await this.links.lockProblem(trx, problemId);
        ProblemLinks.checkLinkable({ number: '', problem: null }, problem);
        const incident = (await this.options.incidents.get(id, trx))!;
        await this.links.noteOnProblem(
          trx,
          problem,
          incident,
          true,
          actor.ref,
          at,
        );
        return [
          {
            type: 'field_changed',
            changes: [{ field: 'problem', from: null, to: problem.number }],
          },
          ...ProblemLinks.workaroundEntry(problem),
        ];
      },
    }));
    await this.tellImpactedOwners(created, actor);
    return created;
  }

  /**
   * With `itsm.impact.notifyOwners`, a P1 or P2 incident is told to the owners of what
   * its CIs impact (read from the catalog after the incident is written).
   */
  private async tellImpactedOwners(incident: Incident, actor: Actor) {
    const { impact, notifyImpactedOwners } = this.options;
    if (!impact || !notifyImpactedOwners) return;
    if (incident.priority !== 'P1' && incident.priority !== 'P2') return;
    const radius = await impact.of(
      [incident.entityRef, ...incident.affectedEntityRefs],
      actor.credentials,
    );
    const owners = [
      ...new Set(radius.impacted.flatMap(e => (e.owner ? [e.owner] : []))),
    ].filter(owner => owner !== incident.assignmentGroup);
    if (owners.length)
      await this.tell('impacting', incident, actor.ref, { owners });
  }

  async update(
    idOrNumber: string,
    input: UpdateIncidentRequest,
    actor: Actor,
  ): Promise<Incident> {
    const cause =
      input.causedByChange === undefined || input.causedByChange === null
        ? input.causedByChange
        : await this.options.records.resolveId('change', input.causedByChange);
    let problems: Awaited<ReturnType<IncidentService['problemsToLock']>>;
    const locked = new Map<string, LinkedProblem>();
    return this.editRecord(idOrNumber, input, actor, {
      prepare: async id => {
        problems = await this.problemsToLock(id, input.problem);
      },
      // Problems before the incident, as every path that links them locks them.
      lockFirst: async trx => {
        for (const problemId of problems.lock)
          locked.set(problemId, await this.links.lockProblem(trx, problemId));
      },
      apply: async (trx, current, edit, fields, at) => {
        // The assignee taking the incident acknowledges it (stops the response clock).
        if (edit.core.assignee && !current.acknowledgedAt)
          fields.acknowledgedAt = at;
        edit.rate(current, input, fields, this.options.priorityMatrix);
        if (cause !== undefined) {
          const link = await this.linkCause(trx, current, cause, actor.ref, at);
          if (edit.track('causedByChange', current.causedByChange, link))
            fields.causedByChangeId = cause;
        }
        if (problems.target === undefined) return [];
        const target = problems.target && locked.get(problems.target);
        if (target) ProblemLinks.checkLinkable(current, target);
        if (
          !edit.track('problem', current.problem, target ? target.number : null)
        )
          return [];
        fields.problemId = problems.target;
        const old = [...locked.values()].find(
          p => p.number === current.problem,
        );
        if (old)
          await this.links.noteOnProblem(
            trx,
            old,
            current,
            false,
            actor.ref,
            at,
          );
        if (!target) return [];
        await this.links.noteOnProblem(
          trx,
          target,
          current,
          true,
          actor.ref,
          at,
        );
        return ProblemLinks.workaroundEntry(target);
      },
      told: ({ core }) => (core.assignee ? 'assigned' : undefined),
    });
  }

  protected async applyMove(
    trx: Knex.Transaction,
    current: Incident,
    input: IncidentTransitionInput,
    actor: Actor,
    at: string,
  ) {
    const change = this.transitionPatch(current, input, at);
    if (input.to === 'resolved' && input.resolveChildren)
      await this.resolveChildren(trx, current, input, actor, at);
    return change;
  }

  /**
   * Resolving a major incident with `resolveChildren`: its open children are resolved
   * with its code and notes, in its transaction (each locked after it, as linking does).
   */
  private async resolveChildren(
    trx: Knex.Transaction,
    parent: Incident,
    input: IncidentTransitionInput,
    actor: Actor,
    at: string,
  ) {
    const { incidents } = this.options;
    const children = await trx('itsm_incidents as k')
      .join('itsm_records as r', 'r.id', 'k.record_id')
      .where('k.parent_id', parent.id)
      .andWhere('r.is_open', true)
      .orderBy('r.number')
      .pluck('r.id');
    for (const childId of children)
      await incidents.changeWithin(trx, childId, actor.ref, at, child =>
        this.transitionPatch(
          child,
          {
            to: 'resolved',
            resolutionCode: input.resolutionCode,
            resolutionNotes: input.resolutionNotes,
          },
          at,
          `Resolved with its major incident ${parent.number}`,
        ),
      );
  }

  /**
   * Adds a comment (visible to the requester) or a work note. Comments do not need the
   * version: they only append. The requester answering while the incident waits for
   * them puts it back to work.
   */
  async comment(
    idOrNumber: string,
    input: { body: string; visibility: CommentVisibility },
    actor: Actor,
  ): Promise<TimelineEntry> {
    const { incidents } = this.options;
    const id = await incidents.resolveId(idOrNumber);
    let replied: Incident | undefined;
    const entry = await incidents.comment(
      id,
      input,
      actor.ref,
      this.now,
      async (trx, current, row, at) => {
        if (
          input.visibility === 'comment' &&
          actor.ref === current.requester &&
          current.state === 'on_hold' &&
          current.holdReason === 'awaiting_caller'
        ) {
          await incidents.resume(trx, row, 'awaiting_caller', actor.ref, at);
          replied = (await incidents.get(id, trx))!;
        }
      },
    );
    if (replied) await this.tell('requester_replied', replied, actor.ref);
    return entry;
  }

  /** Closes incidents resolved longer ago than the given number of days. */
  async autoClose(days: number, actorRef: string): Promise<number> {
    const cutoff = new Date(
      this.now().getTime() - days * 86_400_000,
    ).toISOString();
    const ids = await this.options.incidents.resolvedBefore(cutoff, 100);
    let closed = 0;
    for (const id of ids) {
      const current = await this.options.incidents.get(id);
      if (!current || current.state !== 'resolved') continue;
      try {
        await this.options.incidents.change(
          id,
          current.version,
          actorRef,
          this.now,
          async (_t, inc, at) =>
            this.transitionPatch(
              inc,
              { to: 'closed', comment: undefined },
              at,
              `Closed automatically ${days} days after resolution`,
            ),
        );
        closed++;
      } catch (error) {
        // Someone reopened or changed it meanwhile: leave it for the next run.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return closed;
  }

  private transitionPatch(
    current: Incident,
    input: IncidentTransitionInput,
    at: string,
    note?: string,
  ): RecordChange<IncidentFields> {
    const move = new MoveEdit<Incident, IncidentFields>(current, input.to);
    // Leaving `new` is the acknowledgement that stops the response clock.
    if (current.state === 'new' && !current.acknowledgedAt)
      move.fields.acknowledgedAt = at;
    move.set('holdReason', input.to === 'on_hold' ? input.holdReason! : null);
    move.resolve(input, at, 'in_progress');
    if (input.to === 'closed') move.fields.closedAt = at;
    return move.change(isOpenIncidentState(input.to), {
      note,
      comment: input.comment,
    });
  }

  /**
   * The problem an update links (its id; null unlinks; undefined: no change of link)
   * and the problems to lock for it: the new one and the one it is linked to now (the
   * version check under the lock makes sure that is still the one).
   */
  private async problemsToLock(
    incidentId: string,
    problem: string | null | undefined,
  ): Promise<{ target: string | null | undefined; lock: string[] }> {
    if (problem === undefined) return { target: undefined, lock: [] };
    const { records, incidents } = this.options;
    const target = problem && (await records.resolveId('problem', problem));
    const current = (await incidents.find(incidentId)).problem;
    const old = current && (await records.resolveId('problem', current));
    const lock = [...new Set([target, old].filter((x): x is string => !!x))];
    return { target: target || null, lock: lock.sort() };
  }

  /**
   * Records the link on the causing change's timeline too (under its row lock, taken
   * after the incident's: no path locks them the other way round). Returns the change
   * number to show on the incident, or null when unlinking.
   */
  private async linkCause(
    trx: Knex.Transaction,
    incident: Incident,
    changeId: string | null,
    actorRef: string,
    at: string,
  ): Promise<string | null> {
    if (changeId === null) return null;
    const change = await this.options.records.lockForUpdate(
      trx,
      'change',
      changeId,
    );
    if (incident.causedByChange !== change.number) {
      await this.options.records.appendTimeline(trx, changeId, actorRef, at, [
        {
          type: 'link_added',
          body: `${incident.number} (${incident.title}) was linked as caused by this change`,
          link: { kind: 'incident', number: incident.number },
        },
      ]);
    }
    return change.number;
  }
}
