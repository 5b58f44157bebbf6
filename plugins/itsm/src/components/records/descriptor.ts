import { ComponentType } from 'react';
import { SubRouteRef } from '@backstage/core-plugin-api';
import {
  GuardProblem,
  kindDeclaration,
  Page,
  RecordKindDeclarationOf,
  RecordCore,
  TimelineEntry,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi } from '../../api';
import { recordRouteRefs } from '../../routes';
import { Actor, ColumnSpec, LinkedKind } from '../shared';
import { ListPreset } from './listFilters';

/** A record of some kind; its type narrows `state` to the kind's states. */
export type KindRecord = RecordCore;

/** What every move's request carries: the target state. */
export interface MoveInput<R extends KindRecord> {
  to: R['state'];
}

/**
 * One field a move's dialog asks for. Its `name` is the field of the move's request, as
 * the kind's guard names it in its problems: the dialog places the guard's problems by
 * it, marks it required when the guard requires it, and sends it only when filled in.
 */
export interface MoveField {
  name: string;
  /** The input's id. */
  id: string;
  label: string;
  helperText?: string;
  /** A select of these codes ("Choose…" first); a text area without them. */
  options?: {
    codes: readonly string[];
    labels: Partial<Record<string, string>>;
  };
  /** Rows of a text area (2 by default). */
  minRows?: number;
  /** The longest text the API takes (`TEXT_LIMITS`). */
  maxLength?: number;
  /** What to tell the user when the guard finds it missing; the guard's words otherwise. */
  missing?: string;
  /** The label and help while the guard requires it (given the other fields). */
  whenRequired?: { label?: string; helperText?: string };
  /** Sent trimmed; as typed otherwise. */
  trim?: boolean;
  /** A checkbox (its test id is its id), sent as `true` when ticked and left out when not. */
  checkbox?: boolean;
}

/**
 * A kind's moves (state transitions): which the record's state allows, how their buttons
 * read, what each asks for and the guard that checks it (the backend's, from
 * itsm-common). `I` is the kind's move request; `guard` and `send` are methods so that
 * the components taking any kind's moves need not name it.
 */
export interface MoveDescriptor<
  R extends KindRecord,
  I extends MoveInput<R> = MoveInput<R>,
> {
  /** The dialog's id (its title and form ids derive from it). */
  dialogId: string;
  /** The moves the workflow allows from the record's state (itsm-common). */
  allowed: (record: R) => readonly R['state'][];
  /** Whether `actor` may make the move, where the kind decides by person. */
  mayMove?: (record: R, to: R['state'], actor: Actor) => boolean;
  /** The move's button, which also titles and confirms its dialog. */
  label: (to: R['state'], from: R['state']) => string;
  /** Moves back or out: outlined, after the others. */
  backward?: readonly R['state'][];
  /** When set, only these moves' buttons are contained; all but `backward` otherwise. */
  primary?: readonly R['state'][];
  /** What the move's dialog asks for, in order (of this record). */
  fields: (to: R['state'], record: R) => MoveField[];
  /** The workflow guard of the move (itsm-common), as the backend enforces it. */
  guard(record: R, input: I): GuardProblem[];
  /** A problem in the form's words; its message otherwise. */
  describe?: (problem: GuardProblem) => string;
  send(api: ItsmApi, id: string, request: I & { version: number }): Promise<R>;
}

/** What a kind's "create" dialog takes (ReportIncidentDialog, NewChangeDialog). */
export interface CreateDialogProps<R> {
  open: boolean;
  onClose: () => void;
  onCreated: (record: R) => void;
  /** The CI when created from an entity page; without it the form asks for one. */
  entityRef?: string;
}

/**
 * Everything the frontend's shared record components (list, page, move dialog, create
 * button, entity tab) need to know of one kind of record. A kind declares one, with its
 * record `R`, list filter `F` and move request `I`; the components that do not read the
 * filter or the move request take any kind's descriptor as `RecordKindDescriptor<R>`.
 */
export interface RecordKindDescriptor<
  R extends KindRecord,
  F = unknown,
  I extends MoveInput<R> = MoveInput<R>,
> {
  /** Its permissions, SLA, comments and links to its records go by it. */
  kind: LinkedKind;
  /** "Incident": the page's type, "No incident INC-…". */
  label: string;
  /** "incidents": the list's ids and empty text. */
  plural: string;
  /** "Incidents": the list's default title. */
  title: string;
  /** The record's page; its `:id` is the id or number. */
  routeRef: SubRouteRef<{ id: string }>;
  states: readonly R['state'][];
  stateLabels: Record<R['state'], string>;
  api: {
    list(api: ItsmApi, filter: F): Promise<Page<R>>;
    get: (api: ItsmApi, id: string) => Promise<R>;
    timeline: (api: ItsmApi, id: string) => Promise<TimelineEntry[]>;
  };
  /** The list's columns, in order. */
  columns: readonly ColumnSpec<R>[];
  /** The list's filter besides the state: a query parameter of codes. */
  codeFilter?: {
    param: string;
    label: string;
    codes: readonly string[];
    labels?: Partial<Record<string, string>>;
  };
  /** A switch of the list that sends `param=true` while on ("Known errors only"). */
  flagFilter?: { param: string; label: string };
  /** The "create" button and its dialog; none for kinds created elsewhere. */
  create?: {
    label: string;
    Dialog: ComponentType<CreateDialogProps<R>>;
  };
  moves: MoveDescriptor<R, I>;
  /**
   * The kind's view of the ITSM page: its path (`/itsm/incidents`, whose query holds
   * the list's filters; none: its open records) and its queues, as presets of those
   * filters (`presets`).
   */
  view: {
    routeRef: SubRouteRef<undefined>;
    presets: readonly ListPreset[];
  };
}

/**
 * The parts of a kind's descriptor that itsm-common declares: the kind, its label
 * ("Incident"), list title ("Incidents") and plural (as its API path names it:
 * "incidents"), its states and their labels; and its page's route.
 */
export function declaredKind<K extends LinkedKind>(
  kind: K,
): {
  kind: K;
  label: string;
  title: string;
  plural: string;
  routeRef: SubRouteRef<{ id: string }>;
  states: RecordKindDeclarationOf<K>['states'];
  stateLabels: RecordKindDeclarationOf<K>['stateLabels'];
} {
  const declaration: RecordKindDeclarationOf<K> = kindDeclaration(kind);
  return {
    kind,
    label: declaration.labels.singular,
    title: declaration.labels.plural,
    plural: declaration.apiPath,
    routeRef: recordRouteRefs[kind],
    states: declaration.states,
    stateLabels: declaration.stateLabels,
  };
}

/** The names of the ItsmApi's methods of a type. */
export type ApiMethod<T> = {
  [K in keyof ItsmApi]: ItsmApi[K] extends T ? K : never;
}[keyof ItsmApi];

/**
 * A kind's reads (`api` of its descriptor) by the names of its ItsmApi methods: its
 * list, one record by id or number, and a record's timeline.
 */
export function kindReads<R, F>(
  list: ApiMethod<(filter: F) => Promise<Page<R>>>,
  get: ApiMethod<(id: string) => Promise<R>>,
  timeline: ApiMethod<(id: string) => Promise<TimelineEntry[]>>,
): RecordKindDescriptor<R & KindRecord, F>['api'] {
  // The names are checked against the methods' types above; a name's method is looked
  // up on the API given, so that a mocked API serves too.
  const call = <A, T>(api: ItsmApi, name: keyof ItsmApi, arg: A) =>
    (api[name] as unknown as (arg: A) => Promise<T>).call(api, arg);
  return {
    list: (api, filter) => call<F, Page<R & KindRecord>>(api, list, filter),
    get: (api, id) => call<string, R & KindRecord>(api, get, id),
    timeline: (api, id) => call<string, TimelineEntry[]>(api, timeline, id),
  };
}

/**
 * A kind's move labels by target state; where the label depends on the state moved
 * from, by that state, with the label `otherwise`.
 */
export type MoveLabels<S extends string> = Partial<
  Record<S, string | ({ otherwise: string } & Partial<Record<S, string>>)>
>;

/**
 * A kind's `moves.label` from its table of `MoveLabels`: "Move to <state>" for a state
 * the table has not.
 */
export function moveLabels<S extends string>(
  labels: MoveLabels<S>,
): (to: S, from: S) => string {
  return (to, from) => {
    const label = labels[to];
    if (label === undefined) return `Move to ${to}`;
    if (typeof label === 'string') return label;
    return label[from] ?? label.otherwise;
  };
}

/**
 * What ending a record asks for, in kinds that end with a code and notes: resolving
 * (`resolutionCode`, `resolutionNotes`) or, with `outcome: 'close'`, closing a change
 * (`closeCode`, `closeNotes`); the code from the kind's list and the notes, each with
 * its words.
 */
export function resolutionFields(options: {
  outcome?: 'resolution' | 'close';
  /** Prefix of the fields' element ids, e.g. `itsm-transition`. */
  idPrefix: string;
  codes: readonly string[];
  labels: Partial<Record<string, string>>;
  missingCode: string;
  notesHelp: string;
  /** The guard's words when not given. */
  missingNotes?: string;
}): MoveField[] {
  const outcome = options.outcome ?? 'resolution';
  const label = outcome === 'close' ? 'Close' : 'Resolution';
  return [
    {
      name: `${outcome}Code`,
      id: `${options.idPrefix}-${outcome}-code`,
      label: `${label} code`,
      options: { codes: options.codes, labels: options.labels },
      missing: options.missingCode,
    },
    {
      name: `${outcome}Notes`,
      id: `${options.idPrefix}-${outcome}-notes`,
      label: `${label} notes`,
      helperText: options.notesHelp,
      minRows: 3,
      maxLength: TEXT_LIMITS.resolutionNotes,
      missing: options.missingNotes,
    },
  ];
}

/**
 * The comment a kind's moves take, last in their dialogs (`<dialogId>-comment`), as
 * long as the API takes a comment; the label and when it is required are the kind's.
 */
export function commentField(
  dialogId: string,
  field: Pick<MoveField, 'label' | 'helperText' | 'missing' | 'whenRequired'>,
): MoveField {
  return {
    name: 'comment',
    id: `${dialogId}-comment`,
    maxLength: TEXT_LIMITS.comment,
    ...field,
  };
}
