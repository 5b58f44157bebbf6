import { GuardProblem } from '../records/guards';

/** The moves a person may ask for, from each state (terminal states: none). */
export type TransitionTable<S extends string> = Readonly<
  Record<S, readonly S[]>
>;

/**
 * The moves of a kind: one table for every record, or one table per value of a field
 * of the record (`by`), as a change's moves depend on its type.
 */
export type KindTransitions<S extends string, V extends string = string> =
  | { readonly by?: undefined; readonly table: TransitionTable<S> }
  | {
      readonly by: string;
      readonly tables: Readonly<Record<V, TransitionTable<S>>>;
    };

/**
 * Everything that makes a kind of ITSM record a kind (docs/domain-rules.md §3): its name and
 * number, its states and their moves, the guard of a move, its approvals and how its
 * permissions are named. The rest of the product (the old per-kind constants, the
 * permissions, the generic helpers of the registry) derives from these declarations,
 * so that a new kind is one more declaration.
 *
 * `S` is the kind's state, `Move` what a move request carries (at least its target),
 * `Subject` what the guard reads of the record besides the move.
 */
export interface RecordKindDeclaration<
  K extends string = string,
  S extends string = string,
  Move extends { to: S } = { to: S },
  Subject = unknown,
> {
  kind: K;
  /** Prefix of the human number, `INC` in INC-000123. */
  numberPrefix: string;
  /** Path segment of the kind's records in the API (`/incidents/:id`). */
  apiPath: string;
  labels: {
    /** A record, as a title reads it: `Incident`. */
    singular: string;
    /** Records: `Incidents`. */
    plural: string;
    /** The timeline's words for its creation: `opened the incident`. */
    created: string;
  };
  /** Every state, in the order of the workflow (lists and filters show this order). */
  states: readonly S[];
  /** States in which the record still needs work (lists hide the others by default). */
  openStates: readonly S[];
  /** The state of a new record. */
  initialState: S;
  stateLabels: Readonly<Record<S, string>>;
  /** Moves a person may ask for; moves the system or approvals make are not here. */
  transitions: KindTransitions<S>;
  /** The problems of a move (empty when it may be made): the backend enforces them, the frontend asks for the fields. */
  guard(move: Move, record: Subject): GuardProblem[];
  /** The state in which the record waits for its approval steps; null: the kind has no approvals. */
  approvalState: S | null;
  /** States the requester moves to (the owner group makes every other move). */
  requesterMoves: readonly S[];
  /**
   * Closed states in which a running SLA clock is canceled rather than stopped: nobody
   * could have met its target (every other closed state stops the clocks).
   */
  slaCancelStates: readonly S[];
  /**
   * Which permission adding a comment takes: the kind's own `itsm.<kind>.comment`, or
   * its update permission.
   */
  commentPermission: 'comment' | 'update';
}

/**
 * A kind's states with their labels: the open ones (a record in them still needs work;
 * lists hide the others by default) and the closed ones, each in the order of the
 * workflow. Every kind's open states come before its closed ones.
 */
export interface StateDeclaration<O extends string, C extends string> {
  readonly open: Readonly<Record<O, string>>;
  readonly closed: Readonly<Record<C, string>>;
}

/** The states a StateDeclaration declares. */
export type DeclaredState<T> = T extends StateDeclaration<infer O, infer C>
  ? O | C
  : never;

/** The keys of a table, in the table's order. */
export function keysOf<K extends string>(
  table: Readonly<Record<K, unknown>>,
): readonly K[] {
  return Object.keys(table) as K[];
}

/**
 * A declaration's `states`, `openStates` and `stateLabels`, from its StateDeclaration:
 * each state is declared once.
 */
export function declareStates<O extends string, C extends string>(
  table: StateDeclaration<O, C>,
): {
  states: readonly (O | C)[];
  openStates: readonly (O | C)[];
  stateLabels: Readonly<Record<O | C, string>>;
} {
  const openStates = keysOf(table.open);
  return {
    states: [...openStates, ...keysOf(table.closed)],
    openStates,
    stateLabels: { ...table.open, ...table.closed },
  };
}
