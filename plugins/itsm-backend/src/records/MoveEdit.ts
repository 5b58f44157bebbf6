import { FieldChange, RecordCore } from '@backstage-itsm/plugin-itsm-common';
import { RecordChange } from './KindStore';
import { NewTimelineEntry } from './types';

/** The resolution fields of kinds that are resolved with a code and notes. */
interface Resolvable {
  resolutionCode: string | null;
  resolutionNotes: string | null;
  resolvedAt: string | null;
}

/**
 * One move of a record: the fields it sets besides the state (each shown old → new on
 * the state change entry), and the change it makes in the end.
 */
export class MoveEdit<R extends RecordCore, F extends object> {
  readonly fields: Partial<F> = {};
  private readonly side: FieldChange[] = [];

  constructor(private readonly current: R, readonly to: R['state']) {}

  /** Sets a field the move changes, on the timeline when its value changes. */
  set<K extends keyof F & keyof R>(key: K, value: F[K]): void {
    const from = this.current[key] as unknown;
    if (from === value) return;
    this.fields[key] = value;
    this.side.push({ field: String(key), from, to: value });
  }

  /**
   * Resolving records the code, the notes and the time; reopening (from `resolved` to
   * `reopenTo`) takes them back, since the resolution no longer holds.
   */
  resolve(
    this: MoveEdit<R & Resolvable, F & Resolvable>,
    input: { resolutionCode?: string; resolutionNotes?: string },
    at: string,
    reopenTo: R['state'],
  ): void {
    const fields = this.fields as Partial<Resolvable>;
    if (this.to === 'resolved') {
      this.set('resolutionCode', input.resolutionCode! as any);
      this.set('resolutionNotes', input.resolutionNotes!.trim() as any);
      fields.resolvedAt = at;
    }
    if (this.current.state === 'resolved' && this.to === reopenTo) {
      this.set('resolutionCode', null as any);
      this.set('resolutionNotes', null as any);
      fields.resolvedAt = null;
    }
  }

  /** The move: the new state, the fields, the state change entry and the comment with it. */
  change(
    isOpen: boolean,
    options: { note?: string; comment?: string } = {},
  ): RecordChange<F> {
    const timeline: NewTimelineEntry[] = [
      {
        type: 'state_changed',
        fromState: this.current.state,
        toState: this.to,
        ...(this.side.length ? { changes: this.side } : {}),
        ...(options.note ? { body: options.note } : {}),
      },
    ];
    const comment = options.comment?.trim();
    if (comment) timeline.push({ type: 'comment', body: comment });
    return { core: { state: this.to, isOpen }, fields: this.fields, timeline };
  }
}
