import {
  FieldChange,
  RecordCore,
  TimelineEntryType,
  TimelineLink,
} from '@backstage-itsm/plugin-itsm-common';

/** Filters every kind's list accepts (docs/domain-rules.md §5). */
export interface RecordListFilter {
  entityRef?: string;
  states?: string[];
  /** Only records whose state is still open. */
  open?: boolean;
  priorities?: string[];
  assignee?: string;
  requester?: string;
  assignmentGroups?: string[];
  q?: string;
}

export interface Paging {
  limit: number;
  cursor?: string;
}

/** The record core of a new record, as the store writes it. */
export type NewRecordCore = Omit<RecordCore, 'updatedAt' | 'version'> & {
  /** Whether the state still needs work (lists hide the others by default). */
  isOpen: boolean;
  /** The primary CI's tier annotation, which SLA policies select on. */
  ciTier?: string | null;
};

/** Columns of the record core a change may set. */
export type RecordCorePatch = Partial<
  Pick<
    NewRecordCore,
    | 'title'
    | 'description'
    | 'state'
    | 'isOpen'
    | 'assignee'
    | 'assignmentGroup'
    | 'priority'
  >
>;

export interface NewTimelineEntry {
  type: TimelineEntryType;
  body?: string;
  changes?: FieldChange[];
  fromState?: string;
  toState?: string;
  /** The other record the entry tells of (hidden from readers who may not read it). */
  link?: TimelineLink;
}
