import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  ChangeRisk,
  ChangeType,
} from '@backstage-itsm/plugin-itsm-common';

const useStyles = makeStyles({
  low: { backgroundColor: '#2e7d32', color: '#fff' },
  moderate: { backgroundColor: '#f9a825', color: '#000' },
  high: { backgroundColor: '#b71c1c', color: '#fff', fontWeight: 700 },
  emergency: { borderColor: '#b71c1c', color: '#b71c1c', fontWeight: 700 },
});

/** `Normal`, `Standard (pre-approved)`, `Emergency` (outlined red). */
export const ChangeTypeChip = (props: { type: ChangeType }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={CHANGE_TYPE_LABELS[props.type] ?? props.type}
      className={props.type === 'emergency' ? classes.emergency : undefined}
    />
  );
};

/** `Low risk`, `Moderate risk`, `High risk`, green to red. */
export const RiskChip = (props: { risk: ChangeRisk }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={`${CHANGE_RISK_LABELS[props.risk] ?? props.risk} risk`}
      className={classes[props.risk]}
    />
  );
};
