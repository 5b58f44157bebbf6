import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  CHANGE_STATE_LABELS,
  ChangeState,
  INCIDENT_STATE_LABELS,
  IncidentState,
} from '@backstage-itsm/plugin-itsm-common';

const useStyles = makeStyles({
  // incidents
  new: { backgroundColor: '#1565c0', color: '#fff' },
  in_progress: { backgroundColor: '#6a1b9a', color: '#fff' },
  on_hold: { backgroundColor: '#ef6c00', color: '#fff' },
  resolved: { backgroundColor: '#2e7d32', color: '#fff' },
  // changes
  draft: { backgroundColor: '#546e7a', color: '#fff' },
  assess: { backgroundColor: '#1565c0', color: '#fff' },
  authorize: { backgroundColor: '#ef6c00', color: '#fff' },
  scheduled: { backgroundColor: '#00838f', color: '#fff' },
  implement: { backgroundColor: '#6a1b9a', color: '#fff' },
  review: { backgroundColor: '#2e7d32', color: '#fff' },
  // both
  closed: { backgroundColor: '#616161', color: '#fff' },
  canceled: { backgroundColor: '#9e9e9e', color: '#fff' },
});

const LABELS: Record<string, string> = {
  ...INCIDENT_STATE_LABELS,
  ...CHANGE_STATE_LABELS,
};

/** A record's state (incident or change) as a coloured chip, labelled for people. */
export const StateChip = (props: {
  state: IncidentState | ChangeState;
  size?: 'small';
}) => {
  const classes = useStyles();
  const { state, size = 'small' } = props;
  return (
    <Chip
      size={size}
      label={LABELS[state] ?? state}
      className={classes[state]}
      data-testid={`state-chip-${state}`}
    />
  );
};
