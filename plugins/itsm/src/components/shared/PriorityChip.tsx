import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { Priority } from '@backstage-itsm/plugin-itsm-common';

const useStyles = makeStyles({
  P1: { backgroundColor: '#b71c1c', color: '#fff', fontWeight: 700 },
  P2: { backgroundColor: '#e65100', color: '#fff', fontWeight: 700 },
  P3: { backgroundColor: '#f9a825', color: '#000' },
  P4: { backgroundColor: '#0277bd', color: '#fff' },
  P5: { backgroundColor: '#78909c', color: '#fff' },
});

/** A priority (P1–P5) as a chip whose colour goes from red (P1) to grey (P5). */
export const PriorityChip = (props: { priority: Priority }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.priority}
      className={classes[props.priority]}
    />
  );
};
