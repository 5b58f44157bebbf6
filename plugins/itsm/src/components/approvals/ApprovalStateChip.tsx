import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  APPROVAL_STEP_STATE_LABELS,
  ApprovalStepState,
} from '@backstage-itsm/plugin-itsm-common';

const useStyles = makeStyles({
  waiting: { backgroundColor: '#cfd8dc', color: '#000' },
  pending: { backgroundColor: '#ef6c00', color: '#fff' },
  approved: { backgroundColor: '#2e7d32', color: '#fff' },
  rejected: { backgroundColor: '#b71c1c', color: '#fff' },
  canceled: { backgroundColor: '#9e9e9e', color: '#fff' },
});

/** An approval step's state as a chip. */
export const ApprovalStateChip = (props: { state: ApprovalStepState }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={APPROVAL_STEP_STATE_LABELS[props.state] ?? props.state}
      className={classes[props.state]}
      data-testid={`approval-state-${props.state}`}
    />
  );
};
