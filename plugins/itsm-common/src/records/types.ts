import { mapRecordKinds, RECORD_KINDS, RecordKind } from '../kinds/registry';

export type { RecordKind } from '../kinds/registry';

/** Number prefixes per kind, e.g. INC-000123 (the kinds' declarations). */
export const RECORD_NUMBER_PREFIX: Record<RecordKind, string> = mapRecordKinds(
  kind => kind.numberPrefix,
);

/** Formats a per-kind sequence number as the human number of a record. */
export function formatRecordNumber(kind: RecordKind, seq: number): string {
  return `${RECORD_NUMBER_PREFIX[kind]}-${String(seq).padStart(6, '0')}`;
}

/** The kind of a record by its number's prefix (INC-000042 is an incident), if any. */
export function kindOfRecordNumber(number: string): RecordKind | undefined {
  const upper = number.toUpperCase();
  return RECORD_KINDS.find(kind =>
    upper.startsWith(`${RECORD_NUMBER_PREFIX[kind]}-`),
  );
}

export type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

/** Fields every record has, whatever its kind. */
export interface RecordCore {
  id: string;
  number: string;
  kind: RecordKind;
  title: string;
  description: string;
  state: string;
  /** Primary CI: a full catalog entity ref such as `component:default/payments`. */
  entityRef: string;
  /** More CIs named by the reporter. */
  affectedEntityRefs: string[];
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
  priority: Priority;
  createdAt: string;
  updatedAt: string;
  /** Increases on every change; updates must send the version they read. */
  version: number;
}

/** The fields of a new record that every kind created against a CI takes. */
export interface CreateRecordBase {
  title: string;
  description?: string;
  entityRef: string;
  affectedEntityRefs?: string[];
  assignee?: string;
  assignmentGroup?: string;
}

/** The fields every kind's update takes; `version` is the one read. */
export interface UpdateRecordBase {
  version: number;
  title?: string;
  description?: string;
  affectedEntityRefs?: string[];
  assignee?: string | null;
  assignmentGroup?: string;
}

/** What every kind's list can be filtered by; `S` is the kind's state. */
export interface RecordListFilterBase<S extends string = string> {
  entityRef?: string;
  state?: S[];
  /** Only open records; ignored when `state` is given. */
  open?: boolean;
  assignee?: string;
  requester?: string;
  assignmentGroup?: string[];
  q?: string;
  limit?: number;
  cursor?: string;
}

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor of the next page; absent on the last page. */
  nextCursor?: string;
}

/** Limits enforced by the API on free text (also used by the frontend forms). */
export const TEXT_LIMITS = {
  title: 200,
  description: 20000,
  comment: 10000,
  resolutionNotes: 10000,
} as const;

/**
 * A move as the API takes it (`POST /{kind}s/{id}/transitions`): the kind's move and the
 * version the caller read, so a move based on stale data is refused (409).
 */
export type TransitionRequest<Move> = Move & { version: number };
