import {
  FieldChange,
  Incident,
  MajorIncidentBanner,
  MajorIncidentDecision,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { Knex } from 'knex';
import { BlastRadiusCalculator } from '../impact/BlastRadius';
import { applyReadFilter, ReadFilter } from '../permissions/toKnex';
import { Actor, Member } from '../records/actor';
import { ChangeAct, LockFirst, RecordChange } from '../records/KindStore';
import { RecordStore } from '../records/RecordStore';
import { nonBlank } from '../records/text';
import { toIsoOrNull } from '../records/time';
import { IncidentEvent } from './IncidentService';
import {
  IncidentFields,
  IncidentStore,
  isOpenIncidentState,
  MajorColumns,
} from './IncidentStore';

/** A new incident: never proposed as a major incident. */
export const NO_MAJOR: MajorColumns = {
  majorState: null,
  majorReason: null,
  majorProposedBy: null,
  majorProposedAt: null,
  majorDecidedBy: null,
  majorDecidedAt: null,
  majorDecisionNote: null,
};

export interface MajorIncidentOptions {
  records: RecordStore;
  incidents: IncidentStore;
  impact: BlastRadiusCalculator;
  /** `itsm.incidents.majorIncidentGroup`: who accepts or rejects proposals. */
  group?: string;
  onEvent?: (event: IncidentEvent) => Promise<void> | void;
  now?: () => Date;
}

/** Banners show at most this many open major incidents. */
const BANNER_LIMIT = 20;

/**
 * Major incidents (docs/domain-rules.md §3 Incident): proposed by whoever works an incident,
 * accepted (it becomes P1) or rejected by a member of the major-incident group who is
 * not the proposer; child incidents linked to one; stakeholder updates to the owners
 * of what it impacts; banners on the pages of those entities.
 */
export class MajorIncidents {
  private readonly now: () => Date;

  constructor(private readonly options: MajorIncidentOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Proposes, accepts or rejects; who and why are on the record and its timeline. */
  async decide(
    idOrNumber: string,
    input: MajorIncidentDecision,
    actor: Member,
  ): Promise<Incident> {
    const reason = nonBlank('reason', input.reason).trim();
    const { incidents } = this.options;
    if (input.action !== 'propose') this.assertDecider(actor);
    const id = await incidents.resolveId(idOrNumber);
    let from: Incident['priority'] = 'P1';
    const updated = await this.change(id, actor, async (_trx, current, at) => {
      from = current.priority;
      if (!isOpenIncidentState(current.state))
        throw new ConflictError(
          `${current.number} is ${current.state}: only an open incident can be a major incident`,
        );
      return input.action === 'propose'
        ? this.proposal(current, reason, actor, at)
        : this.decision(current, input.action, reason, actor, at);
    });
    await this.emit(
      input.action === 'propose'
        ? {
            type: 'major_proposed',
            incident: updated,
            actor: actor.ref,
            group: this.options.group ?? null,
          }
        : {
            type:
              input.action === 'accept' ? 'major_accepted' : 'major_rejected',
            incident: updated,
            actor: actor.ref,
            from,
          },
    );
    return updated;
  }

  /** Whether the actor is in the major-incident group. */
  isDecider(actor: Member): boolean {
    const { group } = this.options;
    return !!group && actor.ownershipEntityRefs.includes(group);
  }

  private assertDecider(actor: Member) {
    const { group } = this.options;
    if (!group)
      throw new NotAllowedError(
        'No major-incident group is configured (itsm.incidents.majorIncidentGroup): nobody may accept or reject major incidents',
      );
    if (!actor.ownershipEntityRefs.includes(group))
      throw new NotAllowedError(
        `Only members of ${group} accept or reject major incidents`,
      );
  }

  private proposal(
    current: Incident,
    reason: string,
    actor: Actor,
    at: string,
  ): RecordChange<IncidentFields> {
    const state = current.major?.state;
    if (state === 'proposed' || state === 'accepted')
      throw new ConflictError(
        `${current.number} is already ${state} as a major incident`,
      );
    return {
      core: {},
      fields: {
        ...NO_MAJOR,
        majorState: 'proposed',
        majorReason: reason,
        majorProposedBy: actor.ref,
        majorProposedAt: at,
      },
      timeline: [
        {
          type: 'field_changed',
          changes: [{ field: 'major', from: state ?? null, to: 'proposed' }],
          body: reason,
        },
      ],
    };
  }

  private decision(
    current: Incident,
    action: 'accept' | 'reject',
    note: string,
    actor: Actor,
    at: string,
  ): RecordChange<IncidentFields> {
    const major = current.major;
    if (major?.state !== 'proposed')
      throw new ConflictError(
        `${current.number} is not proposed as a major incident${
          major ? ` (it is ${major.state})` : ''
        }`,
      );
    // Four eyes: the proposer does not decide their own proposal.
    if (major.proposedBy === actor.ref)
      throw new NotAllowedError(
        `${actor.ref} proposed ${current.number}; another member of the major-incident group decides`,
      );
    const state = action === 'accept' ? 'accepted' : 'rejected';
    const changes: FieldChange[] = [
      { field: 'major', from: 'proposed', to: state },
    ];
    const fields: Partial<IncidentFields> = {
      majorState: state,
      majorDecidedBy: actor.ref,
      majorDecidedAt: at,
      majorDecisionNote: note,
    };
    const core: RecordChange<IncidentFields>['core'] = {};
    if (action === 'accept') {
      // A major incident is P1 (highest impact and urgency), whatever the matrix says.
      if (current.priority !== 'P1') {
        core.priority = 'P1';
        changes.push({ field: 'priority', from: current.priority, to: 'P1' });
      }
      for (const level of ['impact', 'urgency'] as const) {
        if (current[level] === 1) continue;
        fields[level] = 1;
        changes.push({ field: level, from: current[level], to: 1 });
      }
    }
    return {
      core,
      fields,
      timeline: [{ type: 'field_changed', changes, body: note }],
    };
  }

  /**
   * Links `child` to the major incident `parent`, or unlinks it (`link` false): the
   * child's timeline shows the parent old → new, the parent's the link. The parent is
   * locked before the child, on every path.
   */
  async setParent(
    parentRef: string,
    childRef: string,
    link: boolean,
    actor: Actor,
  ): Promise<Incident> {
    const { incidents, records } = this.options;
    const parentId = await incidents.resolveId(parentRef);
    const childId = await incidents.resolveId(childRef);
    if (parentId === childId)
      throw new InputError('incident: an incident cannot be its own child');
    let parent: Incident | undefined;
    const updated = await this.change(
      childId,
      actor,
      async (trx, child, at) => {
        if (link) checkLinkable(parent!, child);
        else if (child.parent !== parent!.number)
          throw new ConflictError(
            `${child.number} is not a child of ${parent!.number}`,
          );
        await records.appendTimeline(trx, parentId, actor.ref, at, [
          {
            type: link ? 'link_added' : 'link_removed',
            body: `${link ? 'Child incident' : 'No longer a child'}: ${
              child.number
            } (${child.title})`,
            link: { kind: 'incident', number: child.number },
          },
        ]);
        return {
          core: {},
          fields: { parentId: link ? parentId : null },
          timeline: [
            {
              type: 'field_changed',
              changes: [
                {
                  field: 'parent',
                  from: child.parent,
                  to: link ? parent!.number : null,
                },
              ],
              link: { kind: 'incident', number: parent!.number },
            },
          ],
        };
      },
      async trx => {
        await records.lockForUpdate(trx, 'incident', parentId);
        parent = (await incidents.get(parentId, trx))!;
      },
    );
    return updated;
  }

  /** The child incidents of a major incident that the read filter lets through. */
  async childrenOf(idOrNumber: string, readable: ReadFilter) {
    const id = await this.options.incidents.resolveId(idOrNumber);
    return this.options.incidents.linkedTo('parent', id, readable);
  }

  /**
   * A stakeholder update on an accepted major incident: on its timeline, and told to
   * the owners of what it impacts (read from the catalog before the transaction).
   */
  async stakeholderUpdate(
    idOrNumber: string,
    body: string,
    actor: Actor,
  ): Promise<TimelineEntry> {
    const text = nonBlank('body', body).trim();
    const { incidents, impact } = this.options;
    const id = await incidents.resolveId(idOrNumber);
    const read = await incidents.find(id);
    const radius = await impact.of(
      [read.entityRef, ...read.affectedEntityRefs],
      actor.credentials,
    );
    const owners = [
      ...new Set(radius.impacted.flatMap(e => (e.owner ? [e.owner] : []))),
    ];
    let incident: Incident | undefined;
    const entry = await incidents.append(
      id,
      { type: 'stakeholder_update', body: text },
      actor.ref,
      this.now,
      {
        check: current => {
          if (
            current.major?.state !== 'accepted' ||
            !isOpenIncidentState(current.state)
          )
            throw new ConflictError(
              `${current.number} is not an open major incident: stakeholder updates are for major incidents`,
            );
          incident = current;
        },
      },
    );
    await this.emit({
      type: 'stakeholder_update',
      incident: incident!,
      actor: actor.ref,
      body: text,
      owners,
    });
    return entry;
  }

  /**
   * The open accepted major incidents the caller may read, each with its latest
   * stakeholder update; with `entityRef`, those whose CIs or blast radius include it.
   */
  async banners(
    entityRef: string | undefined,
    readable: ReadFilter,
    actor: Actor,
  ): Promise<MajorIncidentBanner[]> {
    const { records } = this.options;
    const db = records.db;
    const query = db('itsm_records as r')
      .join('itsm_incidents as k', 'k.record_id', 'r.id')
      .where('r.kind', 'incident')
      .andWhere('r.is_open', true)
      .andWhere('k.major_state', 'accepted');
    applyReadFilter(query, readable);
    const rows = await query
      .orderBy('k.major_decided_at', 'desc')
      .limit(BANNER_LIMIT)
      .select(
        'r.id',
        'r.number',
        'r.title',
        'r.state',
        'r.priority',
        'r.entity_ref',
        'k.major_decided_at',
      );
    const ids: string[] = rows.map((row: { id: string }) => row.id);
    const [children, updates] = await Promise.all([
      this.childCounts(db, ids),
      this.latestUpdates(db, ids),
    ]);
    const banners: MajorIncidentBanner[] = [];
    for (const row of rows) {
      if (entityRef && !(await this.impacts(row.id, entityRef, actor)))
        continue;
      banners.push({
        id: row.id,
        number: row.number,
        title: row.title,
        state: row.state,
        priority: row.priority,
        entityRef: row.entity_ref,
        acceptedAt: toIsoOrNull(row.major_decided_at)!,
        childCount: children.get(row.id) ?? 0,
        latestUpdate: updates.get(row.id) ?? null,
      });
    }
    return banners;
  }

  /** Whether the incident's CIs or its blast radius include the entity. */
  private async impacts(id: string, entityRef: string, actor: Actor) {
    const incident = await this.options.incidents.find(id);
    const cis = [incident.entityRef, ...incident.affectedEntityRefs];
    if (cis.includes(entityRef)) return true;
    const radius = await this.options.impact.of(cis, actor.credentials);
    return radius.impacted.some(e => e.entityRef === entityRef);
  }

  /** How many children each of the incidents has (one grouped query). */
  private async childCounts(db: Knex, ids: string[]) {
    const rows = await db('itsm_incidents')
      .whereIn('parent_id', ids)
      .groupBy('parent_id')
      .select('parent_id')
      .count({ n: '*' });
    return new Map(
      (rows as Array<{ parent_id: string; n: number | string }>).map(r => [
        r.parent_id,
        Number(r.n),
      ]),
    );
  }

  /** The latest stakeholder update of each of the incidents (one query). */
  private async latestUpdates(db: Knex, ids: string[]) {
    const rows = await db('itsm_timeline as t')
      .whereIn('t.record_id', ids)
      .andWhere('t.type', 'stakeholder_update')
      .whereNotExists(q =>
        q
          .from('itsm_timeline as later')
          .whereRaw('later.record_id = t.record_id')
          .andWhere('later.type', 'stakeholder_update')
          .whereRaw('later.seq > t.seq'),
      )
      .select('t.record_id', 't.body', 't.at', 't.actor');
    return new Map(
      rows.map(r => [
        String(r.record_id),
        { body: r.body, at: toIsoOrNull(r.at)!, actor: r.actor },
      ]),
    );
  }

  /**
   * One change of an incident under its lock (see KindStore.change), without a
   * version: proposals, decisions and links act on the incident as it is.
   */
  private change(
    id: string,
    actor: Actor,
    apply: ChangeAct<Incident, IncidentFields>,
    lockFirst?: LockFirst,
  ): Promise<Incident> {
    return this.options.incidents.change(
      id,
      undefined,
      actor.ref,
      this.now,
      apply,
      lockFirst,
    );
  }

  private async emit(event: IncidentEvent) {
    await this.options.onEvent?.(event);
  }
}

/** 409 unless `child` may become a child of `parent`. */
function checkLinkable(parent: Incident, child: Incident) {
  const state = parent.major?.state;
  if (state !== 'proposed' && state !== 'accepted')
    throw new ConflictError(
      `${parent.number} is not a major incident: propose it first`,
    );
  if (!isOpenIncidentState(parent.state))
    throw new ConflictError(`${parent.number} is ${parent.state}`);
  if (child.major?.state === 'accepted')
    throw new ConflictError(
      `${child.number} is a major incident itself and cannot be a child`,
    );
  if (parent.parent)
    throw new ConflictError(
      `${parent.number} is a child of ${parent.parent} and cannot have children`,
    );
  if (child.parent && child.parent !== parent.number)
    throw new ConflictError(
      `${child.number} is a child of ${child.parent}; unlink it first`,
    );
}
