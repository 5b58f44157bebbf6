import {
  FieldChange,
  Priority,
  RecordKind,
  TimelineEntryType,
} from '@backstage-itsm/plugin-itsm-common';

/** Filters every kind's list accepts (DESIGN.md §5). */
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
export interface NewRecordCore {
  id: string;
  kind: RecordKind;
  number: string;
  title: string;
  description: string;
  state: string;
  isOpen: boolean;
  entityRef: string;
  affectedEntityRefs: string[];
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
  priority: Priority;
  createdAt: string;
}

/** Columns of the record core a change may set. */
export interface RecordCorePatch {
  title?: string;
  description?: string;
  state?: string;
  isOpen?: boolean;
  assignee?: string | null;
  assignmentGroup?: string | null;
  priority?: Priority;
}

export interface NewTimelineEntry {
  type: TimelineEntryType;
  body?: string;
  changes?: FieldChange[];
  fromState?: string;
  toState?: string;
}
