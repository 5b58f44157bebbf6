import { changeKind } from './change';
import { RecordKindDeclaration } from './declaration';
import { incidentKind } from './incident';
import { problemKind } from './problem';
import { requestKind } from './request';

/**
 * Every kind of ITSM record, by kind, in the order the product lists them. A new kind
 * is a declaration (see RecordKindDeclaration) added here.
 */
export const RECORD_KIND_DECLARATIONS = {
  incident: incidentKind,
  change: changeKind,
  request: requestKind,
  problem: problemKind,
} as const;

/** The kinds of ITSM records. All share one record core (see docs/domain-rules.md §3). */
export type RecordKind = keyof typeof RECORD_KIND_DECLARATIONS;

/** The declaration of kind `K`, as written (its states, moves and guard typed). */
export type RecordKindDeclarationOf<K extends RecordKind> =
  (typeof RECORD_KIND_DECLARATIONS)[K];

/** The states of kind `K`. */
export type RecordStateOf<K extends RecordKind> =
  RecordKindDeclarationOf<K>['states'][number];

/** The kinds, in the order of RECORD_KIND_DECLARATIONS. */
export const RECORD_KINDS = Object.keys(
  RECORD_KIND_DECLARATIONS,
) as readonly RecordKind[];

/** Whether `value` names a kind (e.g. a path or query parameter). */
export function isRecordKind(value: unknown): value is RecordKind {
  return (
    typeof value === 'string' && RECORD_KINDS.includes(value as RecordKind)
  );
}

/** The declaration of a kind. */
export function kindDeclaration<K extends RecordKind>(
  kind: K,
): RecordKindDeclarationOf<K> {
  return RECORD_KIND_DECLARATIONS[kind];
}

/** The declaration of a kind, read the same way for every kind (states as strings). */
function declared(kind: RecordKind): RecordKindDeclaration {
  return RECORD_KIND_DECLARATIONS[kind];
}

/** One value per kind, read from its declaration (a map by kind, in kind order). */
export function mapRecordKinds<T>(
  valueOf: (declaration: RecordKindDeclaration, kind: RecordKind) => T,
): Record<RecordKind, T> {
  return Object.fromEntries(
    RECORD_KINDS.map(kind => [kind, valueOf(declared(kind), kind)]),
  ) as Record<RecordKind, T>;
}

/** `table[key]` when the table has that key of its own (never `toString` and the like). */
function own<T>(
  table: Readonly<Record<string, T>>,
  key: string,
): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key)
    ? table[key]
    : undefined;
}

/**
 * The moves a person may ask for from state `from`. For a kind whose moves depend on a
 * field of the record (a change's `type`) pass its value: without it, or with a value
 * the kind does not know, nothing is allowed.
 */
export function allowedTransitions<K extends RecordKind>(
  kind: K,
  from: RecordStateOf<K>,
  variant?: string,
): readonly RecordStateOf<K>[] {
  const transitions = declared(kind).transitions;
  const table =
    transitions.by === undefined
      ? transitions.table
      : own(transitions.tables, variant ?? '');
  const moves = (table && own(table, from)) ?? [];
  return moves as readonly RecordStateOf<K>[];
}

/** Whether a record of the kind in `state` still needs work. */
export function isOpenState(kind: RecordKind, state: string): boolean {
  return declared(kind).openStates.includes(state);
}

/** The states of the kind in which a record is done (closed in some way). */
export function closedStates<K extends RecordKind>(
  kind: K,
): readonly RecordStateOf<K>[] {
  const { states, openStates } = declared(kind);
  const closed = states.filter(state => !openStates.includes(state));
  return closed as readonly RecordStateOf<K>[];
}

/** The label of a state of the kind; an unknown state is shown as it is. */
export function stateLabel(kind: RecordKind, state: string): string {
  return own(declared(kind).stateLabels, state) ?? state;
}

/** Who makes a move to `to`: the requester (a request's cancel) or the people working it. */
export function moveActor(
  kind: RecordKind,
  to: string,
): 'requester' | 'owner_group' {
  return declared(kind).requesterMoves.includes(to)
    ? 'requester'
    : 'owner_group';
}

/** Whether records of the kind are approved (they have an approval state). */
export function hasApprovals(kind: RecordKind): boolean {
  return declared(kind).approvalState !== null;
}

/**
 * What starts, stops and cancels the SLA clocks of the kind: the clocks start in the
 * initial state, stop in every closed state and are canceled rather than met or breached
 * in the kind's SLA cancel states.
 */
export function slaStateModel(kind: RecordKind): {
  initialState: string;
  stopStates: string[];
  cancelStates: string[];
} {
  const declaration = declared(kind);
  return {
    initialState: declaration.initialState,
    stopStates: [...closedStates(kind)],
    cancelStates: [...declaration.slaCancelStates],
  };
}
