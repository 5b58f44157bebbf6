import { RecordKind } from '../kinds/registry';

/** Open records of a queue, by kind (kinds with none are 0). */
export type CountsByKind = Record<RecordKind, number>;

/**
 * The caller's queues with their live counts, for the "My work" landing: what is
 * assigned to them, to their groups, waits for their approval or their group's
 * fulfilment, and what is about to breach its SLA. Only records the caller may read.
 */
export interface MyWork {
  /** Open records assigned to the caller. */
  assignedToMe: CountsByKind;
  /** Open records assigned to one of the caller's groups. */
  myGroups: CountsByKind;
  /** Approval steps the caller may decide now (at most 200 are counted). */
  awaitingMyApproval: number;
  /** Approved or in-fulfilment requests of the caller's groups. */
  toFulfil: number;
  /** Running timers of records assigned to the caller or their groups due within `horizonHours`. */
  breachingSoon: number;
  horizonHours: number;
  /** The caller's groups the counts are for. */
  groups: string[];
}
