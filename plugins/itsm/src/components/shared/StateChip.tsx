import {
  CHANGE_STATE_LABELS,
  ChangeState,
  INCIDENT_STATE_LABELS,
  IncidentState,
  kindDeclaration,
  ProblemState,
  REQUEST_STATE_LABELS,
  RequestState,
} from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, codeTableChip, whiteOn as white } from './CodeChip';

/** The state of a record of any kind. */
export type RecordState =
  | IncidentState
  | ChangeState
  | RequestState
  | ProblemState;

/** The colours of every record state; the calendar's bars use them too. */
export const STATE_COLORS: Record<RecordState, ChipColors> = {
  // incidents
  new: white('#1565c0'),
  in_progress: white('#6a1b9a'),
  on_hold: white('#ef6c00'),
  resolved: white('#2e7d32'),
  // changes
  draft: white('#546e7a'),
  assess: white('#1565c0'),
  authorize: white('#ef6c00'),
  scheduled: white('#00838f'),
  implement: white('#6a1b9a'),
  review: white('#2e7d32'),
  // service requests
  submitted: white('#546e7a'),
  awaiting_approval: white('#ef6c00'),
  approved: white('#1565c0'),
  in_fulfillment: white('#6a1b9a'),
  fulfilled: white('#2e7d32'),
  rejected: white('#b71c1c'),
  // problems (new, assess, resolved: as above)
  root_cause_analysis: white('#4527a0'),
  fix_in_progress: white('#00695c'),
  // all kinds
  closed: white('#616161'),
  canceled: white('#9e9e9e'),
};

/** The label of every record state, for chips and the timeline. */
export const STATE_LABELS: Record<string, string> = {
  ...INCIDENT_STATE_LABELS,
  ...CHANGE_STATE_LABELS,
  ...REQUEST_STATE_LABELS,
  ...kindDeclaration('problem').stateLabels,
};

/**
 * A record's state (of any kind) as a coloured chip, labelled for people; a state
 * without a colour of its own gets the default chip.
 */
export const StateChip = codeTableChip<'state', string>('state', {
  labels: STATE_LABELS,
  colors: STATE_COLORS as Record<string, ChipColors>,
  testId: 'state-chip',
});
