import {
  CHANGE_STATE_LABELS,
  ChangeState,
  INCIDENT_STATE_LABELS,
  IncidentState,
} from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, CodeChip } from './CodeChip';

const white = (bg: string): ChipColors => ({ bg, fg: '#fff' });

/** The colours of every record state; the calendar's bars use them too. */
export const STATE_COLORS: Record<IncidentState | ChangeState, ChipColors> = {
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
  // both
  closed: white('#616161'),
  canceled: white('#9e9e9e'),
};

const LABELS: Record<string, string> = {
  ...INCIDENT_STATE_LABELS,
  ...CHANGE_STATE_LABELS,
};

/** A record's state (incident or change) as a coloured chip, labelled for people. */
export const StateChip = (props: { state: IncidentState | ChangeState }) => (
  <CodeChip
    label={LABELS[props.state] ?? props.state}
    colors={STATE_COLORS[props.state]}
    testId={`state-chip-${props.state}`}
  />
);
