import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { SlaTrendPoint } from '@backstage-itsm/plugin-itsm-common';
import { formatCompliance } from './format';

// Drawn in a fixed coordinate space and scaled to the width of its container.
const WIDTH = 560;
const HEIGHT = 150;
const PAD = { left: 40, right: 28, top: 10, bottom: 22 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const GRID = [0, 0.5, 1];

/**
 * `24 Nov` for a week starting Monday 00:00 UTC, read in UTC: in a zone west of UTC the
 * local date would be the Sunday before.
 */
function weekDay(weekStart: string): string {
  return new Date(weekStart).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** "Week of 24 Nov: 90% (9 met, 1 breached)" or "…: nothing measured". */
export function describeWeek(point: SlaTrendPoint): string {
  const week = `Week of ${weekDay(point.weekStart)}`;
  return point.compliance === null
    ? `${week}: nothing measured`
    : `${week}: ${formatCompliance(point.compliance)} (${point.met} met, ${
        point.breached
      } breached)`;
}

/**
 * Weekly compliance as a line over 0–100 %, oldest week left. Weeks without measured
 * timers break the line. Each week has a tooltip with its met and breached counts; the
 * chart as a whole is an image named by what it shows and the latest figure.
 */
export const SlaTrendChart = (props: { trend: SlaTrendPoint[] }) => {
  const theme = useTheme();
  const { trend } = props;
  const measured = trend.filter(point => point.compliance !== null);
  if (trend.length === 0 || measured.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No SLA timers were measured in these weeks.
      </Typography>
    );
  }

  const step = trend.length > 1 ? PLOT_W / (trend.length - 1) : 0;
  const x = (i: number) =>
    PAD.left + (trend.length > 1 ? i * step : PLOT_W / 2);
  const y = (fraction: number) => PAD.top + (1 - fraction) * PLOT_H;

  // One path segment per run of measured weeks.
  let path = '';
  let drawing = false;
  trend.forEach((point, i) => {
    if (point.compliance === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(
      point.compliance,
    ).toFixed(1)} `;
    drawing = true;
  });

  const latest = measured[measured.length - 1];
  const first = weekDay(trend[0].weekStart);
  const last = weekDay(trend[trend.length - 1].weekStart);
  const label = `SLA compliance per week, ${first} to ${last}; latest: ${describeWeek(
    latest,
  )}`;
  const labelWeeks = [0, Math.floor((trend.length - 1) / 2), trend.length - 1];
  const textColor = theme.palette.text.secondary;

  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
    >
      {GRID.map(fraction => (
        <g key={fraction}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(fraction)}
            y2={y(fraction)}
            stroke={theme.palette.divider}
            strokeDasharray={fraction === 0 ? undefined : '3 3'}
          />
          <text
            x={PAD.left - 6}
            y={y(fraction) + 4}
            textAnchor="end"
            fontSize={11}
            fill={textColor}
          >
            {fraction * 100}%
          </text>
        </g>
      ))}
      {labelWeeks
        .filter((week, i) => labelWeeks.indexOf(week) === i)
        .map(week => (
          <text
            key={week}
            x={x(week)}
            y={HEIGHT - 6}
            textAnchor="middle"
            fontSize={11}
            fill={textColor}
          >
            {weekDay(trend[week].weekStart)}
          </text>
        ))}
      <path
        d={path}
        fill="none"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
      />
      {trend.map((point, i) => (
        <g key={point.weekStart}>
          <title>{describeWeek(point)}</title>
          {/* A full-height strip, so that the tooltip is easy to hit. */}
          <rect
            x={x(i) - step / 2}
            y={PAD.top}
            width={Math.max(step, 8)}
            height={PLOT_H}
            fill="transparent"
          />
          {point.compliance !== null && (
            <circle
              cx={x(i)}
              cy={y(point.compliance)}
              r={3.5}
              fill={
                point.breached > 0
                  ? theme.palette.error.main
                  : theme.palette.primary.main
              }
            />
          )}
        </g>
      ))}
    </svg>
  );
};
