import type { RecordKind } from '../kinds/registry';

/** What a timeline entry records. The timeline is append-only and is the audit trail. */
export type TimelineEntryType =
  | 'created'
  | 'field_changed'
  | 'state_changed'
  | 'comment'
  | 'work_note'
  | 'approval_requested'
  | 'approval_decided'
  | 'link_added'
  | 'link_removed'
  /** A linked problem's workaround, offered on each open incident it explains. */
  | 'workaround'
  /** An SLA timer crossed a warning threshold (recorded once per threshold). */
  | 'sla_warning'
  /** An SLA timer reached its target (recorded once per timer cycle). */
  | 'sla_breached'
  /** A monitoring alert fired or resolved on the incident (see POST /alerts/…). */
  | 'alert'
  /** A major incident's update for the stakeholders (owners of what it impacts). */
  | 'stakeholder_update'
  /** A deploy gate checked the change (see GET /gates). */
  | 'gate_check';

export interface FieldChange {
  field: string;
  /** The value before and after (absent when it was undefined: JSON leaves it out). */
  from?: unknown;
  to?: unknown;
}

export interface TimelineEntry {
  id: string;
  recordId: string;
  /** Position of the entry in the record's history, 1-based and gap free. */
  seq: number;
  type: TimelineEntryType;
  /** User or service ref that acted. */
  actor: string;
  at: string;
  /** Comments and work notes. */
  body?: string;
  /** Field changes (`field_changed`, and the `state_changed` side fields). */
  changes?: FieldChange[];
  /** `state_changed`: the states. */
  fromState?: string;
  toState?: string;
  /**
   * The other record an entry tells of (an incident linked to this problem, the change
   * raised to fix it): a reader who may not read that record sees the entry without it.
   */
  link?: TimelineLink;
}

/** A record another record's timeline tells of, by kind and number. */
export interface TimelineLink {
  kind: RecordKind;
  number: string;
}

/** `comment` is visible to the requester; `work_note` is internal to the people working it. */
export type CommentVisibility = 'comment' | 'work_note';

/** A comment or work note as the API takes it (`POST /{kind}s/{id}/comments`). */
export interface NewCommentRequest {
  body: string;
  visibility: CommentVisibility;
}
