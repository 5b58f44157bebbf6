import { ConflictError } from '@backstage/errors';
import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { IncidentStore } from '../incidents/IncidentStore';
import { RecordStore } from '../records/RecordStore';
import { NewTimelineEntry } from '../records/types';

/** A problem as a link names it. */
export type LinkedProblem = Pick<
  Problem,
  'id' | 'number' | 'title' | 'state' | 'workaround'
>;

/**
 * The links between incidents and the problem behind them (at most one problem per
 * incident, many incidents per problem). Every path that links takes the problem's row
 * lock before the incident's, so linking from either page and the problem's fan-outs
 * (workaround, resolution) never wait on each other the other way round.
 */
export class ProblemLinks {
  readonly incidents: IncidentStore;

  constructor(private readonly records: RecordStore) {
    this.incidents = new IncidentStore(records);
  }

  /** The id of the problem a request names (by number or id), if it names one. */
  async problemId(ref: string | undefined): Promise<string | null> {
    return ref ? this.records.resolveId('problem', ref) : null;
  }

  /** Locks the problem (first, see above) and reads it as a link names it. */
  async lockProblem(
    trx: Knex.Transaction,
    problemId: string,
  ): Promise<LinkedProblem> {
    const row = await this.records.lockForUpdate(trx, 'problem', problemId);
    const problem = await trx('itsm_problems')
      .where({ record_id: problemId })
      .first('workaround');
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state as Problem['state'],
      workaround: problem?.workaround ?? null,
    };
  }

  /** 409 unless the incident may be linked to the problem (not linked to another). */
  static checkLinkable(
    incident: Pick<Incident, 'number' | 'problem'>,
    problem: LinkedProblem,
  ): void {
    if (incident.problem && incident.problem !== problem.number)
      throw new ConflictError(
        `${incident.number} is already linked to ${incident.problem}; unlink it there first`,
      );
    if (problem.state === 'closed' || problem.state === 'canceled')
      throw new ConflictError(
        `${problem.number} is ${problem.state}: incidents can no longer be linked to it`,
      );
  }

  /**
   * What the problem's timeline says of a link or unlink, and, for a link, what the
   * incident's says besides the field change (the problem's workaround, when it has one).
   */
  async noteOnProblem(
    trx: Knex.Transaction,
    problem: LinkedProblem,
    incident: Pick<Incident, 'number' | 'title'>,
    linked: boolean,
    actorRef: string,
    at: string,
  ): Promise<void> {
    await this.records.appendTimeline(trx, problem.id, actorRef, at, [
      {
        type: linked ? 'link_added' : 'link_removed',
        body: `${incident.number} (${incident.title}) was ${
          linked ? 'linked to' : 'unlinked from'
        } this problem`,
        link: { kind: 'incident', number: incident.number },
      },
    ]);
  }

  /** The workaround entry an incident gets when linked to a problem that has one. */
  static workaroundEntry(problem: LinkedProblem): NewTimelineEntry[] {
    return problem.workaround?.trim()
      ? [
          {
            type: 'workaround',
            body: `Workaround from ${problem.number} (${problem.title}): ${problem.workaround}`,
          },
        ]
      : [];
  }

  /**
   * Links (problem) or unlinks (null) one incident from the problem's side, under the
   * problem's lock already taken: the incident is locked, its link set, its version
   * bumped, both timelines written.
   */
  async setFromProblem(
    trx: Knex.Transaction,
    problem: LinkedProblem,
    incidentId: string,
    link: boolean,
    actorRef: string,
    at: string,
  ): Promise<void> {
    const row = await this.records.lockForUpdate(trx, 'incident', incidentId);
    const incident = (await this.incidents.get(incidentId, trx))!;
    if (link) {
      if (incident.problem === problem.number) return;
      ProblemLinks.checkLinkable(incident, problem);
    } else if (incident.problem !== problem.number) {
      throw new ConflictError(
        `${incident.number} is not linked to ${problem.number}`,
      );
    }
    await this.records.updateCore(trx, row, {}, at);
    await this.incidents.update(trx, incidentId, {
      problemId: link ? problem.id : null,
    });
    await this.records.appendTimeline(trx, incidentId, actorRef, at, [
      {
        type: 'field_changed',
        changes: [
          {
            field: 'problem',
            from: incident.problem,
            to: link ? problem.number : null,
          },
        ],
      },
      ...(link ? ProblemLinks.workaroundEntry(problem) : []),
    ]);
    await this.noteOnProblem(trx, problem, incident, link, actorRef, at);
  }
}
