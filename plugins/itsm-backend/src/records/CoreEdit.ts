import {
  computePriority,
  FieldChange,
  ImpactLevel,
  Priority,
  PriorityMatrix,
  RecordCore,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { RecordStore } from './RecordStore';
import { nonBlank } from './text';
import { NewTimelineEntry, RecordCorePatch } from './types';

/**
 * One edit of a record's fields: collects what changes (old → new) for the timeline,
 * and applies the edits every kind shares (title, description, assignment, CIs).
 */
export class CoreEdit {
  readonly changes: FieldChange[] = [];
  readonly core: RecordCorePatch = {};

  constructor(private readonly current: RecordCore) {}

  /** Records a field change; false when the value is absent or unchanged. */
  track(field: string, from: unknown, to: unknown): boolean {
    if (to === undefined || JSON.stringify(from) === JSON.stringify(to))
      return false;
    this.changes.push({ field, from, to });
    return true;
  }

  /** The shared fields, with refs already resolved against the catalog. */
  async applyCore(
    trx: Knex.Transaction,
    records: RecordStore,
    input: { title?: string; description?: string },
    refs: {
      affectedEntityRefs?: string[];
      assignmentGroup?: string;
      assignee?: string | null;
    },
  ): Promise<void> {
    const { current, core } = this;
    if (input.title !== undefined) nonBlank('title', input.title);
    if (this.track('title', current.title, input.title?.trim()))
      core.title = input.title!.trim();
    if (this.track('description', current.description, input.description))
      core.description = input.description;
    if (this.track('assignee', current.assignee, refs.assignee))
      core.assignee = refs.assignee;
    if (
      this.track(
        'assignmentGroup',
        current.assignmentGroup,
        refs.assignmentGroup,
      )
    )
      core.assignmentGroup = refs.assignmentGroup;
    const affected = refs.affectedEntityRefs;
    if (
      affected &&
      this.track(
        'affectedEntityRefs',
        current.affectedEntityRefs,
        [...affected].sort(),
      )
    ) {
      await records.replaceCis(trx, current.id, current.entityRef, affected);
    }
  }

  /**
   * Impact and urgency, and the priority the matrix gives them (kinds rated that way:
   * incidents, problems); the changed ones are written into `fields`.
   */
  rate(
    current: { impact: ImpactLevel; urgency: UrgencyLevel; priority: Priority },
    input: { impact?: ImpactLevel; urgency?: UrgencyLevel },
    fields: { impact?: ImpactLevel; urgency?: UrgencyLevel },
    matrix?: PriorityMatrix,
  ): void {
    if (this.track('impact', current.impact, input.impact))
      fields.impact = input.impact;
    if (this.track('urgency', current.urgency, input.urgency))
      fields.urgency = input.urgency;
    const priority = computePriority(
      fields.impact ?? current.impact,
      fields.urgency ?? current.urgency,
      matrix,
    );
    if (this.track('priority', current.priority, priority))
      this.core.priority = priority;
  }

  /** The timeline entry of the edit; an edit that changes nothing is a 400. */
  timeline(): NewTimelineEntry[] {
    if (this.changes.length === 0)
      throw new InputError(
        'The update changes nothing: every given field has its current value',
      );
    return [{ type: 'field_changed', changes: this.changes }];
  }
}
