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

export const INCIDENT_STATES: readonly IncidentState[] = incidentKind.states;

/** States in which an incident still needs work (lists hide the others by default). */
export const OPEN_INCIDENT_STATES: readonly IncidentState[] =
  incidentKind.openStates;

export const INCIDENT_STATE_LABELS: Record<IncidentState, string> =
  incidentKind.stateLabels;

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
