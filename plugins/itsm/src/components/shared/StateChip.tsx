import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  INCIDENT_STATE_LABELS,
  IncidentState,
} from '@backstage-itsm/plugin-itsm-common';

const useStyles = makeStyles({
  new: { backgroundColor: '#1565c0', color: '#fff' },
  in_progress: { backgroundColor: '#6a1b9a', color: '#fff' },
  on_hold: { backgroundColor: '#ef6c00', color: '#fff' },
  resolved: { backgroundColor: '#2e7d32', color: '#fff' },
  closed: { backgroundColor: '#616161', color: '#fff' },
  canceled: { backgroundColor: '#9e9e9e', color: '#fff' },
});

/** An incident state as a coloured chip, labelled for people. */
export const StateChip = (props: { state: IncidentState; size?: 'small' }) => {
  const classes = useStyles();
  const { state, size = 'small' } = props;
  return (
    <Chip
      size={size}
      label={INCIDENT_STATE_LABELS[state] ?? state}
      className={classes[state]}
      data-testid={`state-chip-${state}`}
    />
  );
};
