import {
  allowedTransitions,
  CreateProblemRequest,
  isOpenState,
  knownErrorGuard,
  KnownError,
  Problem,
  ProblemCandidate,
  ProblemKpis,
  ProblemTransitionInput,
  problemTransitionGuard,
  PROBLEM_RESOLUTION_CODE_LABELS,
  UpdateProblemRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ReadFilter } from '../permissions/toKnex';
import { Actor } from '../records/actor';
import { RecordChange } from '../records/KindStore';
import { MoveRules, throwProblems } from '../records/moves';
import { MoveEdit } from '../records/MoveEdit';
import { RecordService, KindServiceOptions } from '../records/RecordService';
import { KindEvent, RecordEvent } from '../records/events';
import { RecordListFilter } from '../records/types';
import { LinkedProblem, ProblemLinks } from './ProblemLinks';
import { ProblemFields, ProblemStore } from './ProblemStore';

/** Something worth telling people about; the notifier decides whom. */
export type ProblemEvent =
  | RecordEvent<'problem', Problem>
  | KindEvent<'problem', Problem, 'known_error'>;

/** `itsm.problems`: when recurring incidents make a CI a problem candidate. */
export interface ProblemPolicy {
  candidates: { minIncidents: number; days: number };
}

export const DEFAULT_PROBLEM_POLICY: ProblemPolicy = {
  candidates: { minIncidents: 3, days: 30 },
};

export interface ProblemServiceOptions
  extends KindServiceOptions<ProblemEvent> {
  problems: ProblemStore;
  policy?: ProblemPolicy;
}

/** The list filter of problems: the common one and whether it is a known error. */
export type ProblemListFilter = RecordListFilter & { knownError?: boolean };

const PROBLEM_MOVES: MoveRules<Problem, ProblemTransitionInput, Actor> = {
  open: state => isOpenState('problem', state),
  allowed: current => allowedTransitions('problem', current.state),
  guard: (_current, input) => problemTransitionGuard(input),
};

/**
 * Problem management (docs/domain-rules.md §3 Problem): finding and removing the cause of
 * recurring incidents, and publishing it as a known error with its workaround so that
 * the next engineer who meets the fault finds the answer first. Linked incidents hear
 * of the workaround and of the resolution in the same transaction as the problem.
 */
export class ProblemService extends RecordService<
  Problem,
  ProblemFields,
  Problem,
  ProblemEvent,
  ProblemTransitionInput,
  Actor,
  ProblemListFilter
> {
  private readonly links = new ProblemLinks(this.parts.records);
  readonly policy: ProblemPolicy;

  constructor(private readonly options: ProblemServiceOptions) {
    super({ ...options, store: options.problems }, PROBLEM_MOVES);
    this.policy = options.policy ?? DEFAULT_PROBLEM_POLICY;
  }

  protected narrowList(query: Knex.QueryBuilder, filter: ProblemListFilter) {
    ProblemStore.knownErrorFilter(query, filter.knownError);
  }

  /** Opens a problem, linking the incidents given (e.g. a candidate's) at once. */
  async create(input: CreateProblemRequest, actor: Actor): Promise<Problem> {
    const raised = await this.raiseRated(input, actor);
    const incidentIds = await Promise.all(
      [...new Set(input.incidents ?? [])].map(ref =>
        this.options.records.resolveId('incident', ref),
      ),
    );
    return this.createRecord(actor.ref, at => ({
      ...raised,
      fields: {
        impact: input.impact,
        urgency: input.urgency,
        symptoms: input.symptoms ?? '',
        rootCause: null,
        workaround: null,
        knownError: false,
        knownErrorAt: null,
        resolutionCode: null,
        resolutionNotes: null,
        resolvedAt: null,
        closedAt: null,
      },
      inTransaction: async (trx, id) => {
        const problem = await this.links.lockProblem(trx, id);
        for (const incidentId of incidentIds)
          await this.links.setFromProblem(
            trx,
            problem,
            incidentId,
            true,
            actor.ref,
            at,
          );
        return [];
      },
    }));
  }

  /**
   * Edits fields. Publishing the known error needs its cause and a workaround; a new or
   * changed workaround goes to the timeline of every open linked incident, in the
   * same transaction (under the problem's lock, then each incident's).
   */
  async update(
    idOrNumber: string,
    input: UpdateProblemRequest,
    actor: Actor,
  ): Promise<Problem> {
    return this.editRecord(idOrNumber, input, actor, {
      apply: async (trx, current, edit, fields, at) => {
        edit.rate(current, input, fields, this.options.priorityMatrix);
        if (edit.track('symptoms', current.symptoms, input.symptoms))
          fields.symptoms = input.symptoms;
        for (const field of ['rootCause', 'workaround'] as const) {
          const value =
            input[field] === undefined
              ? undefined
              : input[field]?.trim() || null;
          if (edit.track(field, current[field], value)) fields[field] = value;
        }

        const after = { ...current, ...fields };
        const knownError = input.knownError ?? current.knownError;
        // A known error keeps its cause and workaround: publishing needs both, and an
        // edit may not take them away from one.
        if (knownError) throwProblems(knownErrorGuard(after));
        if (edit.track('knownError', current.knownError, input.knownError)) {
          fields.knownError = knownError;
          if (knownError) fields.knownErrorAt = at;
        }
        if (fields.workaround)
          await this.fanOutWorkaround(
            trx,
            { ...current, workaround: fields.workaround },
            actor.ref,
            at,
          );
      },
      told: ({ fields }) => (fields.knownErrorAt ? 'known_error' : undefined),
    });
  }

  protected async applyMove(
    trx: Knex.Transaction,
    current: Problem,
    input: ProblemTransitionInput,
    actor: Actor,
    at: string,
  ): Promise<RecordChange<ProblemFields>> {
    const move = new MoveEdit<Problem, ProblemFields>(current, input.to);
    move.resolve(input, at, 'root_cause_analysis');
    if (input.to === 'resolved')
      await this.announceResolution(
        trx,
        current,
        input.resolutionCode!,
        input.resolutionNotes!.trim(),
        actor.ref,
        at,
      );
    if (input.to === 'canceled') move.set('resolutionCode', 'canceled');
    if (input.to === 'closed') move.fields.closedAt = at;
    return move.change(isOpenState('problem', input.to), {
      comment: input.comment,
    });
  }

  /** Links an incident from the problem's page (409 when it has another problem). */
  linkIncident(idOrNumber: string, incident: string, actor: Actor) {
    return this.setLink(idOrNumber, incident, true, actor);
  }

  unlinkIncident(idOrNumber: string, incident: string, actor: Actor) {
    return this.setLink(idOrNumber, incident, false, actor);
  }

  /** The incidents linked to it that the read filter lets through. */
  async incidentsOf(idOrNumber: string, readable: ReadFilter) {
    const id = await this.options.problems.resolveId(idOrNumber);
    return this.links.incidents.linkedTo('problem', id, readable);
  }

  /** The changes raised to fix it that the read filter lets through. */
  async changesOf(idOrNumber: string, readable: ReadFilter) {
    const id = await this.options.problems.resolveId(idOrNumber);
    return this.options.problems.fixChanges(id, readable);
  }

  /** Open known errors of a CI and, when asked, of the CIs it depends on. */
  async knownErrors(
    entityRef: string,
    dependencies: boolean,
    actor: Actor,
    readable: ReadFilter,
  ): Promise<KnownError[]> {
    const refs = dependencies
      ? await this.options.cis.withDependencies(entityRef, actor.credentials)
      : [entityRef];
    return this.options.problems.knownErrorsOf(refs, readable);
  }

  /** CIs whose incidents recur without a problem (itsm.problems.candidates). */
  candidates(
    readableIncidents: ReadFilter,
    entityRef?: string,
  ): Promise<ProblemCandidate[]> {
    const { minIncidents, days } = this.policy.candidates;
    return this.options.problems.candidates({
      from: new Date(this.now().getTime() - days * 86_400_000).toISOString(),
      minIncidents,
      readable: readableIncidents,
      entityRef,
    });
  }

  /** Problem KPIs over the last 90 days of incidents, for a CI or everything. */
  kpis(options: {
    readableProblems: ReadFilter;
    readableIncidents: ReadFilter;
    entityRef?: string;
  }): Promise<ProblemKpis> {
    return this.options.problems.kpis({
      ...options,
      now: this.now(),
      days: 90,
    });
  }

  private async setLink(
    idOrNumber: string,
    incident: string,
    link: boolean,
    actor: Actor,
  ): Promise<Problem> {
    const { records, problems } = this.options;
    const id = await problems.resolveId(idOrNumber);
    const incidentId = await records.resolveId('incident', incident);
    await records.transaction(async trx => {
      const problem = await this.links.lockProblem(trx, id);
      await this.links.setFromProblem(
        trx,
        problem,
        incidentId,
        link,
        actor.ref,
        this.now().toISOString(),
      );
    });
    return problems.find(id);
  }

  /** The workaround on the timeline of every open incident linked to the problem. */
  private async fanOutWorkaround(
    trx: Knex.Transaction,
    problem: LinkedProblem,
    actorRef: string,
    at: string,
  ) {
    const { records, problems } = this.options;
    const ids = await problems.linkedIncidentIds(trx, problem.id, {
      openOnly: true,
    });
    for (const incidentId of ids) {
      await records.lockForUpdate(trx, 'incident', incidentId);
      await records.appendTimeline(
        trx,
        incidentId,
        actorRef,
        at,
        ProblemLinks.workaroundEntry(problem),
      );
    }
  }

  /**
   * Tells every open linked incident that the problem is resolved; those on hold for
   * it go back to work.
   */
  private async announceResolution(
    trx: Knex.Transaction,
    problem: Problem,
    code: keyof typeof PROBLEM_RESOLUTION_CODE_LABELS,
    notes: string,
    actorRef: string,
    at: string,
  ) {
    const { records, problems } = this.options;
    const note = `${problem.number} (${problem.title}) was resolved — ${PROBLEM_RESOLUTION_CODE_LABELS[code]}: ${notes}`;
    const ids = await problems.linkedIncidentIds(trx, problem.id, {
      openOnly: true,
    });
    for (const incidentId of ids) {
      const row = await records.lockForUpdate(trx, 'incident', incidentId);
      const incident = (await this.links.incidents.get(incidentId, trx))!;
      if (
        incident.state === 'on_hold' &&
        incident.holdReason === 'awaiting_problem'
      )
        await this.links.incidents.resume(
          trx,
          row,
          'awaiting_problem',
          actorRef,
          at,
          note,
        );
      else
        await records.appendTimeline(trx, incidentId, actorRef, at, [
          { type: 'comment', body: note },
        ]);
    }
  }
}
