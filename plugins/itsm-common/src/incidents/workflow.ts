import {
  HOLD_REASON_LABELS,
  incidentKind,
  IncidentState,
  incidentTransitionGuard,
  RESOLUTION_CODE_LABELS,
} from '../kinds/incident';
import { keysOf } from '../kinds/declaration';
import { allowedTransitions, isOpenState } from '../kinds/registry';
import { guardMessagesOf } from '../records/guards';

// The incident workflow under the names the plugins import, all read from the kind's
// declaration (kinds/incident.ts).

export type {
  HoldReason,
  IncidentState,
  IncidentTransitionInput,
  ResolutionCode,
} from '../kinds/incident';
export {
  HOLD_REASON_LABELS,
  incidentTransitionGuard,
  RESOLUTION_CODE_LABELS,
} from '../kinds/incident';

/** The states, the open ones (lists hide the others by default) and their labels. */
export const {
  states: INCIDENT_STATES,
  openStates: OPEN_INCIDENT_STATES,
  stateLabels: INCIDENT_STATE_LABELS,
} = incidentKind;

/** Allowed moves (see incidentKind.transitions: the reopen, closing). */
export const INCIDENT_TRANSITIONS: Record<
  IncidentState,
  readonly IncidentState[]
> = incidentKind.transitions.table;

export function isOpenIncidentState(state: IncidentState): boolean {
  return isOpenState('incident', state);
}

export function allowedIncidentTransitions(
  from: IncidentState,
): readonly IncidentState[] {
  return allowedTransitions('incident', from);
}

export const HOLD_REASONS = keysOf(HOLD_REASON_LABELS);

export const RESOLUTION_CODES = keysOf(RESOLUTION_CODE_LABELS);

/** The guards' messages (see incidentTransitionGuard). */
export const incidentTransitionProblems = guardMessagesOf(
  incidentTransitionGuard,
);
