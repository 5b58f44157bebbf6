/**
 * Why a deploy gate answered as it did: allowed by a change being implemented or by a
 * scheduled change whose window is open, or without a change where configuration allows
 * it; denied by a freeze, a window not open yet or over, or no approved change.
 *
 * @public
 */
export type GateReason =
  | 'change_in_implementation'
  | 'change_window_open'
  | 'no_change_required'
  | 'freeze'
  | 'window_not_open'
  | 'window_over'
  | 'no_approved_change';

/**
 * The answer of `GET /gates?entityRef=…`: whether a deploy of the entity may go now.
 *
 * @public
 */
export interface GateDecision {
  entityRef: string;
  allowed: boolean;
  reason: GateReason;
  /** The reason in words, for a pipeline's log. */
  message: string;
  /** The change the answer rests on (its timeline records the check). */
  change?: {
    number: string;
    state: string;
    type: string;
    plannedStart?: string;
    plannedEnd?: string;
  };
  /** The freeze in force now, when there is one. */
  freeze?: { name: string; start: string; end: string };
  checkedAt: string;
}
