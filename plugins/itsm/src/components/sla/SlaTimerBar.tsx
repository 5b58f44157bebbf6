import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { lighten, makeStyles } from '@material-ui/core/styles';
import { SlaTimerStatus } from '@backstage-itsm/plugin-itsm-common';
import { describeTimer, TimerFigures } from './format';
import { SLA_STATUS_COLORS, SlaStatusChip } from './SlaStatusChip';

const STATUSES = Object.keys(SLA_STATUS_COLORS) as SlaTimerStatus[];

// One class per status for the track and one for the filled part; doubled (`&&`) to
// win over LinearProgress's own colour classes whatever order the sheets load in.
const useStyles = makeStyles({
  root: { height: 8, borderRadius: 4 },
  bar: { borderRadius: 4 },
  ...Object.fromEntries(
    STATUSES.flatMap(status => [
      [
        `track_${status}`,
        {
          '&&': {
            backgroundColor: lighten(SLA_STATUS_COLORS[status].bg, 0.75),
          },
        },
      ],
      [
        `bar_${status}`,
        {
          '&&': {
            backgroundColor: SLA_STATUS_COLORS[status].bg,
            opacity: status === 'canceled' ? 0.6 : 1,
          },
        },
      ],
    ]),
  ),
});

/**
 * One timer as a bar of elapsed over target in its status colour, its status chip, and
 * the line "2h 10m of 4h · due in 1h 50m". `name` labels the bar for assistive
 * technology ("Resolution", "INC-000001 resolution"); `title` is what is shown above it
 * (the name by default).
 */
export const SlaTimerBar = (props: {
  name: string;
  title?: ReactNode;
  timer: TimerFigures;
  /** Shown after the chip, e.g. when a past cycle ran. */
  extra?: ReactNode;
}) => {
  const { name, timer } = props;
  const classes: Record<string, string> = useStyles();
  const text = describeTimer(timer);
  const percent =
    timer.target > 0 ? Math.min(100, (timer.elapsed / timer.target) * 100) : 0;
  return (
    <Box mb={1.5}>
      <Box display="flex" alignItems="center" gridGap={8} mb={0.5}>
        <Typography variant="body2" component="span">
          {props.title ?? name}
        </Typography>
        <SlaStatusChip status={timer.status} />
        {props.extra}
      </Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        classes={{
          root: `${classes.root} ${classes[`track_${timer.status}`]}`,
          bar: `${classes.bar} ${classes[`bar_${timer.status}`]}`,
        }}
        aria-label={name}
        aria-valuetext={text}
      />
      <Typography variant="caption" color="textSecondary" component="p">
        {text}
      </Typography>
    </Box>
  );
};
