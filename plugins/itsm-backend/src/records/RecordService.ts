import {
  ApprovalStep,
  CommentVisibility,
  computePriority,
  CreateRecordBase,
  ImpactLevel,
  kindDeclaration,
  Priority,
  DecideApprovalRequest,
  Page,
  PriorityMatrix,
  RecordCore,
  TimelineEntry,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { ItsmRecordQuery } from '@backstage-itsm/plugin-itsm-node';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { ConflictError } from '@backstage/errors';
import { ApprovalEngine, Approver } from '../approvals/ApprovalEngine';
import { CatalogCis } from '../catalog/CatalogCis';
import { Actor } from './actor';
import { nonBlank } from './text';
import { CoreEdit } from './CoreEdit';
import { ChangeAct, KindStore, LockFirst, RecordChange } from './KindStore';
import { MoveEdit } from './MoveEdit';
import { checkMove, MoveRules } from './moves';
import { RecordStore } from './RecordStore';
import {
  NewRecordCore,
  NewTimelineEntry,
  Paging,
  RecordListFilter,
} from './types';

/** A decided approval step and what it did to the round. */
export type Decision = Awaited<ReturnType<ApprovalEngine['decide']>>;

/** Where a decision takes the record (a kind's approval rules). */
export interface DecisionEffect<S extends RecordCore, F> {
  to: S['state'];
  fields?: Partial<F>;
  /** Entries to add after the decision's own (e.g. a stage added to the round). */
  timeline?: NewTimelineEntry[];
  /** Steps newly waiting for a decision (default: the next stage the decision opened). */
  requested?: ApprovalStep[];
}

/** What a move changes, said by the kind under the record's lock. */
export type MoveApply<S, F> = (
  trx: Knex.Transaction,
  current: S,
  at: string,
) => Promise<RecordChange<F>> | RecordChange<F>;

/** The catalog's answers for the shared fields an edit names (read before any lock). */
export type EditRefs = Awaited<ReturnType<CatalogCis['resolveUpdates']>>;

/** The type of an event of a kind (`created`, `assigned`, …). */
export type EventType<E> = E extends { type: infer X } ? X & string : never;

/** How a kind edits its record (see RecordService.editRecord). */
export interface KindEdit<S extends RecordCore, F, E> {
  /** Reads and checks before any lock is taken (the record's id, the catalog's answers). */
  prepare?: (id: string, refs: EditRefs) => Promise<void>;
  lockFirst?: LockFirst;
  /** Checks on the locked record before anything is edited (e.g. 409 when closed). */
  check?: (current: S) => void;
  /**
   * The kind's own fields, after the shared ones: sets `fields`, tracks each change on
   * `edit`, returns entries to add after the edit's own.
   */
  apply: (
    trx: Knex.Transaction,
    current: S,
    edit: CoreEdit,
    fields: Partial<F>,
    at: string,
  ) => Promise<NewTimelineEntry[] | void> | NewTimelineEntry[] | void;
  /**
   * The event an edit is told as once written, by what it changed (e.g. `assigned`
   * when it sets an assignee); none: it is not told.
   */
  told?: (change: RecordChange<F>) => EventType<E> | undefined;
}

/** What every kind's service is built from. */
export interface RecordServiceParts<S extends RecordCore, F extends object, E> {
  records: RecordStore;
  /** The catalog, for kinds raised against CIs. */
  cis?: CatalogCis;
  store: KindStore<S, F>;
  /** Kinds with approval steps (changes, requests). */
  approvals?: ApprovalEngine;
  onEvent?: (event: E) => Promise<void> | void;
  now?: () => Date;
  /** Kinds rated by impact × urgency (incidents, problems): the configured matrix. */
  priorityMatrix?: PriorityMatrix;
}

/** What a kind's service is given besides its own store (its options extend this). */
export interface KindServiceOptions<E>
  extends Omit<RecordServiceParts<any, any, E>, 'store' | 'cis'> {
  cis: CatalogCis;
}

/** A new record as a kind plans it: its core columns, its own fields, its first entries. */
export interface NewRecordPlan<F> {
  core: Omit<NewRecordCore, 'id' | 'kind' | 'number' | 'createdAt' | 'isOpen'>;
  fields: F;
  timeline: NewTimelineEntry[];
  /** Writes that need the record to exist (e.g. an approval round, links); their entries follow. */
  inTransaction?: (
    trx: Knex.Transaction,
    id: string,
  ) => Promise<NewTimelineEntry[]>;
}

/**
 * The acts every record kind shares — create, read, list, timeline, comment, move,
 * approval steps — on the record core. A kind's service extends it with its own rules
 * (what a new record holds, what a move changes, who may move it) and nothing else.
 *
 * `S` is the stored record, `T` its API shape, `F` the kind's own columns, `E` its
 * events, `M` a move's input, `A` who moves it and `L` its list filter.
 */
export abstract class RecordService<
  S extends RecordCore,
  F extends object,
  T extends RecordCore,
  E,
  M extends { to: string } = { to: string },
  A extends Actor = Actor,
  L extends RecordListFilter = RecordListFilter,
> {
  protected readonly now: () => Date;

  protected constructor(
    protected readonly parts: RecordServiceParts<S, F, E>,
    /** The kind's move rules (docs/record-kinds.md). */
    protected readonly moves: MoveRules<S, M, A>,
  ) {
    this.now = parts.now ?? (() => new Date());
  }

  /** The API shape of a stored record: internal columns (e.g. approval rounds) left out. */
  protected toApi(stored: S): T {
    return stored as unknown as T;
  }

  /** The event a move of one of its records is told as (every kind tells its moves). */
  protected moved(record: T, from: S['state'], actorRef: string): E {
    return this.eventOf('state_changed', record, actorRef, { from });
  }

  /**
   * An event of the kind, naming the record by its kind (`{ type, incident, actor }`,
   * see KindEvent), with what else the event carries.
   */
  private eventOf(
    type: string,
    record: T,
    actorRef: string,
    more: object = {},
  ): E {
    const key = this.parts.store.kind;
    return { type, [key]: record, actor: actorRef, ...more } as unknown as E;
  }

  /** Tells of an act on a record (see eventOf). */
  protected tell(
    type: EventType<E>,
    record: T,
    actorRef: string,
    more: object = {},
  ): Promise<void> {
    return this.emit(this.eventOf(type, record, actorRef, more));
  }

  /** Adds the kind's own list filters (on `k`, its table). */
  protected narrowList(_query: Knex.QueryBuilder, _filter: L): void {}

  async get(idOrNumber: string): Promise<T> {
    return this.toApi(await this.parts.store.find(idOrNumber));
  }

  async list(
    filter: L,
    paging: Paging,
    criteria?: PermissionCriteria<ItsmRecordQuery>,
  ): Promise<Page<T>> {
    const page = await this.parts.store.list(filter, paging, criteria, query =>
      this.narrowList(query, filter),
    );
    return { ...page, items: page.items.map(item => this.toApi(item)) };
  }

  /** The whole timeline, oldest first; 404 when there is no such record. */
  timeline(idOrNumber: string): Promise<TimelineEntry[]> {
    return this.parts.store.timeline(idOrNumber);
  }

  /** Every approval step of every round, for kinds that have approvals. */
  async approvalSteps(idOrNumber: string): Promise<ApprovalStep[]> {
    const id = await this.parts.store.resolveId(idOrNumber);
    return this.parts.approvals?.store.forRecord(id) ?? [];
  }

  /** A comment (visible to the requester) or a work note; it only appends. */
  async comment(
    idOrNumber: string,
    input: { body: string; visibility: CommentVisibility },
    actor: Actor,
  ): Promise<TimelineEntry> {
    const id = await this.parts.store.resolveId(idOrNumber);
    return this.parts.store.comment(id, input, actor.ref, this.now);
  }

  /**
   * What every kind raised against CIs starts with: its title checked, its CIs and
   * routing read from the catalog (before any transaction), its core and its first
   * timeline entry.
   */
  protected async raise(
    input: CreateRecordBase,
    actor: Actor,
    start: { state: S['state']; priority: Priority },
  ): Promise<Pick<NewRecordPlan<F>, 'core' | 'timeline'>> {
    nonBlank('title', input.title);
    const { routingNote, ...refs } = await this.parts.cis!.resolveNewRecord(
      input,
      actor.credentials,
    );
    return {
      core: {
        title: input.title.trim(),
        description: input.description ?? '',
        ...start,
        ...refs,
        requester: actor.ref,
      },
      timeline: [
        { type: 'created', ...(routingNote ? { body: routingNote } : {}) },
      ],
    };
  }

  /**
   * `raise` for kinds rated by impact × urgency: a new record starts in the kind's
   * initial state with the priority the matrix gives.
   */
  protected raiseRated(
    input: CreateRecordBase & { impact: ImpactLevel; urgency: UrgencyLevel },
    actor: Actor,
  ): Promise<Pick<NewRecordPlan<F>, 'core' | 'timeline'>> {
    return this.raise(input, actor, {
      state: kindDeclaration(this.parts.store.kind).initialState,
      priority: computePriority(
        input.impact,
        input.urgency,
        this.parts.priorityMatrix,
      ),
    });
  }

  /**
   * Writes a new record in one transaction — its number, the core row, the kind's row
   * and its first timeline entries, as `plan` says at the time of creation — and tells
   * of it (`created`); returns it in its API shape.
   */
  protected async createRecord(
    actorRef: string,
    plan: (at: string) => NewRecordPlan<F>,
  ): Promise<T> {
    const { records, store } = this.parts;
    const id = uuid();
    const kind = store.kind;
    const at = this.now().toISOString();
    const { core, fields, timeline, inTransaction } = plan(at);
    const created = await records.creating(kind, async (trx, number) => {
      await records.insertCore(trx, {
        ...core,
        id,
        kind,
        number,
        isOpen: true,
        createdAt: at,
      });
      await store.insert(trx, id, fields);
      await records.appendTimeline(trx, id, actorRef, at, timeline);
      const more = (await inTransaction?.(trx, id)) ?? [];
      if (more.length)
        await records.appendTimeline(trx, id, actorRef, at, more);
      return (await store.get(id, trx))!;
    });
    const record = this.toApi(created);
    await this.emit(this.eventOf('created', record, actorRef));
    return record;
  }

  /**
   * Edits a record: the CIs, group and assignee it names are read from the catalog
   * first (no row lock is held over HTTP); then, under the lock and at the version the
   * caller read, the shared fields and the kind's own are edited, each change old → new
   * on one timeline entry. An edit that changes nothing is a 400. Returns the record in
   * its API shape, told as `kind.told` says.
   */
  protected async editRecord(
    idOrNumber: string,
    input: Parameters<CoreEdit['applyCore']>[2] &
      Parameters<CatalogCis['resolveUpdates']>[0] & { version: number },
    actor: Actor,
    kind: KindEdit<S, F, E>,
  ): Promise<T> {
    const { store, records, cis } = this.parts;
    const refs = await cis!.resolveUpdates(input, actor.credentials);
    const id = await store.resolveId(idOrNumber);
    await kind.prepare?.(id, refs);
    let told: EventType<E> | undefined;
    const updated = await this.changeRecord(
      id,
      input.version,
      actor,
      async (trx, current, at) => {
        kind.check?.(current);
        const edit = new CoreEdit(current);
        const fields: Partial<F> = {};
        await edit.applyCore(trx, records, input, refs);
        const more = (await kind.apply(trx, current, edit, fields, at)) ?? [];
        const change = {
          core: edit.core,
          fields,
          timeline: [...edit.timeline(), ...more],
        };
        told = kind.told?.(change);
        return change;
      },
      kind.lockFirst,
    );
    const record = this.toApi(updated);
    if (told) await this.tell(told, record, actor.ref);
    return record;
  }

  /** Checks a move against the kind's rules (409, 403, 400 in that order). */
  protected checkMove(current: S, input: M, actor: A): void {
    checkMove(this.moves, current, input, actor);
  }

  /**
   * Moves a record: under its lock and at the version the caller read, the move is
   * checked on the current record, then `apply` says what it changes. Returns the
   * record after the move and the state it left.
   */
  protected async moveRecord(
    idOrNumber: string,
    input: M & { version: number },
    actor: A,
    apply: MoveApply<S, F>,
    lockFirst?: LockFirst,
  ): Promise<{ updated: S; from: S['state'] }> {
    const { store } = this.parts;
    const id = await store.resolveId(idOrNumber);
    let from: S['state'] = '';
    const updated = await this.changeRecord(
      id,
      input.version,
      actor,
      async (trx, current, at) => {
        from = current.state;
        this.checkMove(current, input, actor);
        return apply(trx, current, at);
      },
      lockFirst,
    );
    return { updated, from };
  }

  /** Moves a record (see moveRecord) and tells of it; returns it in its API shape. */
  protected async move(
    idOrNumber: string,
    input: M & { version: number },
    actor: A,
    apply: MoveApply<S, F>,
  ): Promise<T> {
    const { updated, from } = await this.moveRecord(
      idOrNumber,
      input,
      actor,
      apply,
    );
    const record = this.toApi(updated);
    await this.emit(this.moved(record, from, actor.ref));
    return record;
  }

  /** A person's move (the kind's rules checked under the lock), told as `moved`. */
  async transition(
    idOrNumber: string,
    input: M & { version: number },
    actor: A,
  ): Promise<T> {
    return this.move(idOrNumber, input, actor, (trx, current, at) =>
      this.applyMove(trx, current, input, actor, at),
    );
  }

  /**
   * What a checked move changes: by default the state alone; a kind whose moves set
   * fields too says so (see MoveEdit).
   */
  protected applyMove(
    _trx: Knex.Transaction,
    current: S,
    input: M,
    _actor: A,
    _at: string,
  ): Promise<RecordChange<F>> | RecordChange<F> {
    return new MoveEdit<S, F>(current, input.to).change(
      this.moves.open(input.to),
    );
  }

  /** 409 unless the record waits for an approval decision in `state`. */
  protected assertAwaiting(record: S, state: S['state']): void {
    if (record.state !== state)
      throw new ConflictError(
        `${record.number} is not waiting for approval: it is ${record.state}`,
      );
  }

  /**
   * Approves or rejects one step of the record's current round, under its lock: the
   * ApprovalEngine applies the decision, `effect` says where that takes the record, and
   * the move (if any) is on the timeline with who rejected and why.
   */
  protected async decideStep(
    id: string,
    awaiting: S['state'],
    input: DecideApprovalRequest,
    approver: Actor & Approver,
    effect: (
      trx: Knex.Transaction,
      current: S,
      decision: Decision,
      at: string,
    ) => Promise<DecisionEffect<S, F>> | DecisionEffect<S, F>,
  ): Promise<{ updated: S; decision: Decision; requested: ApprovalStep[] }> {
    const { approvals } = this.parts;
    let decided: Decision | undefined;
    let requested: ApprovalStep[] = [];
    const updated = await this.changeRecord(
      id,
      undefined,
      approver,
      async (trx, current, at) => {
        this.assertAwaiting(current, awaiting);
        const decision = await approvals!.decide(
          trx,
          current,
          (current as S & { approvalRound: number }).approvalRound,
          input,
          approver,
          at,
        );
        decided = decision;
        const next = await effect(trx, current, decision, at);
        requested =
          next.requested ??
          (decision.outcome === 'next_stage' ? decision.opened : []);
        const timeline = [...decision.timeline, ...(next.timeline ?? [])];
        if (next.to === current.state)
          return { core: {}, fields: next.fields ?? {}, timeline };
        timeline.push({
          type: 'state_changed',
          fromState: current.state,
          toState: next.to,
          body:
            decision.outcome === 'rejected'
              ? `Rejected by ${approver.ref}: ${decision.step.comment}`
              : 'Every approval step is approved',
        });
        return {
          core: { state: next.to, isOpen: this.moves.open(next.to) },
          fields: next.fields ?? {},
          timeline,
        };
      },
    );
    return { updated, decision: decided!, requested };
  }

  /**
   * One change of a record under its lock, at the version the caller read (undefined:
   * as it is), at this service's time (see KindStore.change).
   */
  private changeRecord(
    id: string,
    version: number | undefined,
    actor: Actor,
    apply: ChangeAct<S, F>,
    lockFirst?: LockFirst,
  ): Promise<S> {
    const { store } = this.parts;
    return store.change(id, version, actor.ref, this.now, apply, lockFirst);
  }

  protected async emit(event: E): Promise<void> {
    await this.parts.onEvent?.(event);
  }
}
