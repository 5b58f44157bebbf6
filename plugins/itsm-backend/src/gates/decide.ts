import {
  Change,
  FreezeWindow,
  GateDecision,
} from '@backstage-itsm/plugin-itsm-common';

/** What the gate knows when it decides: the entity's live changes and freezes now. */
export interface GateFacts {
  entityRef: string;
  now: string;
  /** Changes on the entity in `implement` or `scheduled`. */
  changes: Change[];
  /** Freezes in force now that apply to the entity. */
  freezes: FreezeWindow[];
  allowWithoutChange: boolean;
}

const at = (value: string | null) => (value ? Date.parse(value) : NaN);

/** The change as the answer names it. */
function named(change: Change): NonNullable<GateDecision['change']> {
  return {
    number: change.number,
    state: change.state,
    type: change.type,
    ...(change.plannedStart ? { plannedStart: change.plannedStart } : {}),
    ...(change.plannedEnd ? { plannedEnd: change.plannedEnd } : {}),
  };
}

/**
 * Whether a deploy may go now, and why (pure: the facts are read before). A change in
 * implement, or scheduled with its window open, lets it go — unless a freeze is in
 * force and the change is standard (normal and emergency changes passed the freeze
 * rules when they were scheduled). Then a freeze, a window not open yet or over, and
 * no change at all deny it, in that order; no change is allowed only by configuration.
 */
export function decideGate(facts: GateFacts): Omit<GateDecision, 'checkedAt'> {
  const now = Date.parse(facts.now);
  const { entityRef } = facts;
  const freeze = facts.freezes[0];
  const frozen = freeze && {
    freeze: { name: freeze.name, start: freeze.start, end: freeze.end },
  };
  const scheduled = facts.changes.filter(c => c.state === 'scheduled');
  const going =
    facts.changes.find(c => c.state === 'implement') ??
    scheduled.find(c => at(c.plannedStart) <= now && now < at(c.plannedEnd));
  if (going && !(frozen && going.type === 'standard')) {
    return {
      entityRef,
      allowed: true,
      reason:
        going.state === 'implement'
          ? 'change_in_implementation'
          : 'change_window_open',
      message:
        going.state === 'implement'
          ? `${going.number} is being implemented`
          : `${going.number} is scheduled and its window is open until ${going.plannedEnd}`,
      change: named(going),
      ...frozen,
    };
  }
  if (frozen) {
    return {
      entityRef,
      allowed: false,
      reason: 'freeze',
      message: going
        ? `the freeze '${freeze.name}' is in force until ${freeze.end}: ${going.number} is a standard change and cannot deploy during it`
        : `the freeze '${freeze.name}' is in force until ${freeze.end}`,
      ...(going ? { change: named(going) } : {}),
      ...frozen,
    };
  }
  // A scheduled change outside its window: the next to open, else the last to close.
  const next = scheduled
    .filter(c => at(c.plannedStart) > now)
    .sort((a, b) => at(a.plannedStart) - at(b.plannedStart))[0];
  const over = scheduled
    .filter(c => at(c.plannedEnd) <= now)
    .sort((a, b) => at(b.plannedEnd) - at(a.plannedEnd))[0];
  const waiting = next ?? over;
  if (waiting) {
    return {
      entityRef,
      allowed: false,
      reason: next ? 'window_not_open' : 'window_over',
      message: next
        ? `${next.number} is scheduled, but its window opens at ${next.plannedStart}`
        : `${over.number}'s window closed at ${over.plannedEnd}; re-plan it`,
      change: named(waiting),
    };
  }
  return facts.allowWithoutChange
    ? {
        entityRef,
        allowed: true,
        reason: 'no_change_required',
        message:
          'no change is needed to deploy it (itsm.gates.allowWithoutChange)',
      }
    : {
        entityRef,
        allowed: false,
        reason: 'no_approved_change',
        message: `no approved change on ${entityRef} is in implement or scheduled now`,
      };
}
