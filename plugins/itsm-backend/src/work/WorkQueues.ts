import {
  CountsByKind,
  mapRecordKinds,
  MyWork,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ApprovalEngine } from '../approvals/ApprovalEngine';
import { applyReadFilters, ReadFilters } from '../permissions/toKnex';
import { Member } from '../records/actor';
import { RecordStore } from '../records/RecordStore';

/** How far ahead "breaching soon" looks. */
const HORIZON_HOURS = 4;

/**
 * The caller's queues with live counts ("My work"): each a grouped count on the
 * record core's indexes (assignee, assignment group) or the open-timer index, under
 * the caller's read filters, so a count never includes what the list would not show.
 */
export class WorkQueues {
  constructor(
    private readonly records: RecordStore,
    private readonly approvals: ApprovalEngine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async of(member: Member, readable: ReadFilters): Promise<MyWork> {
    const me = member.ref.toLocaleLowerCase('en-US');
    const groups = member.ownershipEntityRefs
      .map(ref => ref.toLocaleLowerCase('en-US'))
      .filter(ref => ref.startsWith('group:'));
    const mine = (query: Knex.QueryBuilder) =>
      query.where(q => {
        q.where('r.assignee', me);
        if (groups.length) q.orWhereIn('r.assignment_group', groups);
      });
    const horizon = new Date(
      this.now().getTime() + HORIZON_HOURS * 3_600_000,
    ).toISOString();
    return {
      assignedToMe: await this.countOpen(readable, q =>
        q.where('r.assignee', me),
      ),
      myGroups: groups.length
        ? await this.countOpen(readable, q =>
            q.whereIn('r.assignment_group', groups),
          )
        : mapRecordKinds(() => 0),
      awaitingMyApproval: (await this.approvals.pendingFor(member, readable))
        .length,
      toFulfil: groups.length
        ? await this.count(readable, q =>
            q
              .where('r.kind', 'request')
              .whereIn('r.state', ['approved', 'in_fulfillment'])
              .whereIn('r.assignment_group', groups),
          )
        : 0,
      breachingSoon: await this.count(readable, q =>
        mine(
          q
            .join('itsm_sla_timers as t', 't.record_id', 'r.id')
            .whereNull('t.stopped_at')
            .whereIn('t.status', ['running', 'at_risk'])
            .andWhere('t.due_at', '<=', horizon),
        ),
      ),
      horizonHours: HORIZON_HOURS,
      groups,
    };
  }

  private async count(
    readable: ReadFilters,
    narrow: (query: Knex.QueryBuilder) => void,
  ): Promise<number> {
    const query = this.records.db('itsm_records as r');
    narrow(query);
    applyReadFilters(query, readable);
    const [{ n }] = await query.countDistinct({ n: 'r.id' });
    return Number(n);
  }

  private async countOpen(
    readable: ReadFilters,
    narrow: (query: Knex.QueryBuilder) => void,
  ): Promise<CountsByKind> {
    const query = this.records
      .db('itsm_records as r')
      .where('r.is_open', true)
      .groupBy('r.kind')
      .select('r.kind')
      .count({ n: '*' });
    narrow(query);
    applyReadFilters(query, readable);
    const counts = mapRecordKinds(() => 0);
    for (const row of (await query) as Array<{ kind: RecordKind; n: number }>)
      counts[row.kind] = Number(row.n);
    return counts;
  }
}
