import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ChevronLeftIcon from '@material-ui/icons/ChevronLeft';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import TodayIcon from '@material-ui/icons/Today';
import { Link as RouterLink } from 'react-router-dom';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import {
  CHANGE_STATE_LABELS,
  CHANGE_STATES,
  Change,
  ChangeState,
  FreezeWindow,
  normalizeEntityRef,
  OPEN_CHANGE_STATES,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  ChangeLink,
  formatDay,
  formatWindow,
  StateChip,
  StateFilter,
  STATE_COLORS,
  StateFilterField,
  Toolbar,
  useChangeLink,
} from '../shared';
import {
  addDays,
  daysOf,
  placeOnRange,
  startOfDay,
  startOfWeek,
} from './calendarRange';

const useStyles = makeStyles((theme: Theme) => ({
  grid: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflowX: 'auto',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(14em, 22%) 1fr',
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  label: {
    padding: theme.spacing(0.75, 1),
    borderRight: `1px solid ${theme.palette.divider}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  track: { position: 'relative', minHeight: 36 },
  dayLine: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  today: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(144, 202, 249, 0.08)'
        : 'rgba(25, 118, 210, 0.06)',
  },
  // The day labels: one per column of a grid over the track, so that they never overlap
  // (the row's minimum width keeps each column wide enough for its two short lines).
  dayLabels: {
    position: 'relative',
    display: 'grid',
    height: '100%',
  },
  dayLabel: {
    boxSizing: 'border-box',
    minWidth: 0,
    padding: theme.spacing(0.25, 0.5),
    fontSize: '0.75rem',
    lineHeight: 1.3,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  freezeShade: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    background:
      'repeating-linear-gradient(135deg, rgba(183, 28, 28, 0.10) 0 6px, rgba(183, 28, 28, 0.18) 6px 12px)',
  },
  freezeBand: {
    position: 'absolute',
    top: 4,
    bottom: 4,
    padding: theme.spacing(0, 0.5),
    color: theme.palette.type === 'dark' ? '#ffcdd2' : '#b71c1c',
    border: '1px dashed #b71c1c',
    borderRadius: 2,
    fontSize: '0.75rem',
    lineHeight: '26px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    background:
      'repeating-linear-gradient(135deg, rgba(183, 28, 28, 0.10) 0 6px, rgba(183, 28, 28, 0.18) 6px 12px)',
  },
  bar: {
    position: 'absolute',
    top: 6,
    bottom: 6,
    minWidth: 6,
    borderRadius: 4,
    color: '#fff',
    fontSize: '0.75rem',
    lineHeight: '24px',
    padding: theme.spacing(0, 0.5),
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textDecoration: 'none',
    boxShadow: theme.shadows[1],
    '&:focus-visible': {
      outline: `3px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
}));

/** How wide a day's column is at least, so that its label fits: "Mon" over "24 Nov". */
const DAY_MIN_WIDTH_EM = 3.25;

/** A day's date in the browser's time zone, `2025-11-24`: the test id of its label. */
function localDate(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(
    day.getDate(),
  )}`;
}

/**
 * The two lines of a day's column label: the weekday ("Mon") and the day of the month,
 * with its month on the first column and on the first of a month ("24 Nov", "25", …,
 * "1 Dec"), short enough for the narrowest column.
 */
export function dayColumnLabel(
  day: Date,
  index: number,
): { weekday: string; date: string } {
  return {
    weekday: day.toLocaleDateString('en-GB', { weekday: 'short' }),
    date:
      index === 0 || day.getDate() === 1
        ? formatDay(day)
        : String(day.getDate()),
  };
}

/** The accessible name of a change's bar: number, title and window. */
export function barLabel(change: Change): string {
  return `${change.number} ${change.title}, ${formatWindow(
    change.plannedStart,
    change.plannedEnd,
  )}`;
}

/** The accessible name of a freeze band. */
export function freezeLabel(freeze: FreezeWindow): string {
  return `Freeze window ${freeze.name}, ${formatWindow(
    freeze.start,
    freeze.end,
  )}`;
}

/** A text filter holding a catalog ref: applied when empty or a valid ref. */
const RefFilterField = (props: {
  id: string;
  label: string;
  placeholder: string;
  onApply: (ref: string | undefined) => void;
}) => {
  const [text, setText] = useState('');
  const valid = !text.trim() || !!normalizeEntityRef(text);
  useDebounce(
    () => {
      if (valid) props.onApply(normalizeEntityRef(text) ?? undefined);
    },
    300,
    [text, valid],
  );
  return (
    <TextField
      id={props.id}
      label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={e => setText(e.target.value)}
      error={!valid}
      helperText={valid ? undefined : 'Not an entity ref'}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
    />
  );
};

/** @public */
export interface ChangeCalendarProps {
  /** The CI of an entity page: only its changes, and no entity filter. */
  entityRef?: string;
  /** How many days the grid shows; previous and next move by as many. */
  days?: number;
  /** A day in the first week to show; today by default. */
  initialDate?: Date;
  /** Change it to reload, e.g. after a change was requested. */
  reloadKey?: number;
}

/**
 * The change calendar: changes by planned window over a range of days (a row each, a
 * bar for the window, linking to the change), freeze windows as shaded bands with their
 * names; previous / today / next, and filters for state, assignment group and entity.
 */
export const ChangeCalendar = (props: ChangeCalendarProps) => {
  const {
    entityRef: fixedEntityRef,
    days = 14,
    initialDate,
    reloadKey = 0,
  } = props;
  const classes = useStyles();
  const itsmApi = useApi(itsmApiRef);
  const changeLink = useChangeLink();
  const [from, setFrom] = useState(() =>
    startOfWeek(initialDate ?? new Date()),
  );
  const [stateFilter, setStateFilter] =
    useState<StateFilter<ChangeState>>('open');
  const [group, setGroup] = useState<string>();
  const [entity, setEntity] = useState<string>();

  const to = useMemo(() => addDays(from, days), [from, days]);
  const dayList = useMemo(() => daysOf(from, days), [from, days]);
  const entityRef = fixedEntityRef ?? entity;

  const { value, loading, error } = useAsync(() => {
    let state: ChangeState[] | undefined;
    if (stateFilter === 'open') state = [...OPEN_CHANGE_STATES];
    else if (stateFilter !== 'all') state = [stateFilter];
    return itsmApi.getChangeCalendar({
      from: from.toISOString(),
      to: to.toISOString(),
      ...(entityRef ? { entityRef } : {}),
      ...(group ? { assignmentGroup: group } : {}),
      ...(state ? { state } : {}),
    });
  }, [itsmApi, from, to, entityRef, group, stateFilter, reloadKey]);

  const dayPlace = (day: Date) =>
    placeOnRange(
      { start: day.toISOString(), end: addDays(day, 1).toISOString() },
      from,
      to,
    );
  const todayPlace = dayPlace(startOfDay(new Date()));
  const rangeLabel = `${formatDay(from)} – ${formatDay(
    addDays(to, -1),
  )} ${addDays(to, -1).getFullYear()}`;

  const changes = (value?.changes ?? [])
    .filter(change =>
      placeOnRange(
        { start: change.plannedStart, end: change.plannedEnd },
        from,
        to,
      ),
    )
    .sort(
      (a, b) =>
        Date.parse(a.plannedStart ?? '') - Date.parse(b.plannedStart ?? ''),
    );
  const freezes = (value?.freezes ?? []).filter(freeze =>
    placeOnRange(freeze, from, to),
  );

  // Day lines, today's column and freeze shading: the background of every track.
  const background = (
    <>
      {todayPlace && (
        <div
          aria-hidden
          className={classes.today}
          style={{ left: `${todayPlace.left}%`, width: `${todayPlace.width}%` }}
        />
      )}
      {dayList.map(day => {
        const place = dayPlace(day);
        return place ? (
          <div
            aria-hidden
            key={day.toISOString()}
            className={classes.dayLine}
            style={{ left: `${place.left}%` }}
          />
        ) : null;
      })}
      {freezes.map(freeze => {
        const place = placeOnRange(freeze, from, to)!;
        return (
          <div
            aria-hidden
            key={`${freeze.name}-${freeze.start}`}
            className={classes.freezeShade}
            style={{ left: `${place.left}%`, width: `${place.width}%` }}
          />
        );
      })}
    </>
  );

  return (
    <section aria-label="Change calendar">
      <Toolbar>
        <Button
          variant="outlined"
          size="small"
          startIcon={<ChevronLeftIcon />}
          onClick={() => setFrom(f => addDays(f, -days))}
        >
          Previous
        </Button>
        <Button
          variant="outlined"
          size="small"
          startIcon={<TodayIcon />}
          onClick={() => setFrom(startOfWeek(new Date()))}
        >
          Today
        </Button>
        <Button
          variant="outlined"
          size="small"
          endIcon={<ChevronRightIcon />}
          onClick={() => setFrom(f => addDays(f, days))}
        >
          Next
        </Button>
        <Typography
          variant="h6"
          component="h2"
          aria-live="polite"
          style={{ marginLeft: 8 }}
        >
          {rangeLabel}
        </Typography>
        <Box flexGrow={1} />
        <StateFilterField
          id="itsm-calendar-state"
          value={stateFilter}
          states={CHANGE_STATES}
          labels={CHANGE_STATE_LABELS}
          onChange={setStateFilter}
        />
        <RefFilterField
          id="itsm-calendar-group"
          label="Assignment group"
          placeholder="group:default/sre"
          onApply={setGroup}
        />
        {!fixedEntityRef && (
          <RefFilterField
            id="itsm-calendar-entity"
            label="Configuration item"
            placeholder="component:default/payments"
            onApply={setEntity}
          />
        )}
      </Toolbar>
      {error && <ResponseErrorPanel error={error} />}
      {loading && <Progress />}
      {!error && (
        <div className={classes.grid}>
          <div
            data-testid="calendar-rows"
            // Every row is at least as wide as its label and a readable column per day.
            style={{ minWidth: `${14 + days * DAY_MIN_WIDTH_EM}em` }}
          >
            <div className={classes.row}>
              <div className={classes.label}>
                <Typography variant="caption" color="textSecondary">
                  Change
                </Typography>
              </div>
              <div className={classes.track} aria-hidden>
                {background}
                <div
                  className={classes.dayLabels}
                  data-testid="calendar-days"
                  // A column per day, as wide as the day is long on the range (DST).
                  style={{
                    gridTemplateColumns: dayList
                      .map(day => `minmax(0, ${dayPlace(day)!.width}fr)`)
                      .join(' '),
                  }}
                >
                  {dayList.map((day, index) => {
                    const label = dayColumnLabel(day, index);
                    return (
                      <span
                        key={day.toISOString()}
                        className={classes.dayLabel}
                        data-testid={`calendar-day-${localDate(day)}`}
                        style={{ gridColumn: index + 1 }}
                        title={`${label.weekday} ${formatDay(day)}`}
                      >
                        {label.weekday}
                        <br />
                        {label.date}
                      </span>
                    );
                  })}
                </div>
              </div>
            </div>
            {freezes.length > 0 && (
              <div className={classes.row}>
                <div className={classes.label}>
                  <Typography variant="body2">Freeze windows</Typography>
                </div>
                <ul
                  className={`${classes.track} ${classes.list}`}
                  aria-label="Freeze windows"
                >
                  {freezes.map(freeze => {
                    const place = placeOnRange(freeze, from, to)!;
                    const label = freezeLabel(freeze);
                    return (
                      <li
                        key={`${freeze.name}-${freeze.start}`}
                        className={classes.freezeBand}
                        style={{
                          left: `${place.left}%`,
                          width: `${place.width}%`,
                        }}
                        title={label}
                        aria-label={label}
                      >
                        {freeze.name}
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
            <ul className={classes.list} aria-label="Planned changes">
              {changes.map(change => {
                const place = placeOnRange(
                  { start: change.plannedStart, end: change.plannedEnd },
                  from,
                  to,
                )!;
                const label = barLabel(change);
                return (
                  <li key={change.id} className={classes.row}>
                    <div className={classes.label}>
                      <ChangeLink number={change.number} />{' '}
                      <StateChip state={change.state} /> {change.title}
                    </div>
                    <div className={classes.track}>
                      {background}
                      <RouterLink
                        to={changeLink(change.number)}
                        className={classes.bar}
                        style={{
                          left: `${place.left}%`,
                          width: `${place.width}%`,
                          backgroundColor: STATE_COLORS[change.state].bg,
                        }}
                        aria-label={label}
                        title={label}
                        data-testid={`calendar-bar-${change.number}`}
                      >
                        {change.number}
                      </RouterLink>
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
          {!loading && changes.length === 0 && (
            <Box p={2} textAlign="center">
              <Typography variant="body2" color="textSecondary">
                No changes planned in this period.
              </Typography>
            </Box>
          )}
        </div>
      )}
    </section>
  );
};
