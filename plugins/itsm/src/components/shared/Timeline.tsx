import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import AddCircleOutlineIcon from '@material-ui/icons/AddCircleOutline';
import EditIcon from '@material-ui/icons/Edit';
import SwapHorizIcon from '@material-ui/icons/SwapHoriz';
import ChatBubbleOutlineIcon from '@material-ui/icons/ChatBubbleOutline';
import LockIcon from '@material-ui/icons/Lock';
import {
  FieldChange,
  HOLD_REASON_LABELS,
  HoldReason,
  INCIDENT_STATE_LABELS,
  IncidentState,
  LEVEL_LABELS,
  RESOLUTION_CODE_LABELS,
  ResolutionCode,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { StateChip } from './StateChip';
import { RefLink } from './RefLink';
import {
  formatDateTime,
  formatRelativeTime,
  humanizeCode,
  humanizeRef,
} from './format';

const useStyles = makeStyles((theme: Theme) => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  entry: {
    display: 'flex',
    gap: theme.spacing(1.5),
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  icon: { color: theme.palette.text.secondary, marginTop: 2 },
  body: { flex: 1, minWidth: 0 },
  meta: { color: theme.palette.text.secondary },
  text: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  // Comments are seen by the requester; work notes are internal. They must never be
  // mistaken for each other, hence the distinct background, border and label.
  comment: {
    marginTop: theme.spacing(0.5),
    padding: theme.spacing(1, 1.5),
    borderLeft: `4px solid ${theme.palette.primary.main}`,
    backgroundColor: theme.palette.background.default,
  },
  workNote: {
    marginTop: theme.spacing(0.5),
    padding: theme.spacing(1, 1.5),
    borderLeft: `4px solid ${theme.palette.warning.main}`,
    backgroundColor:
      theme.palette.type === 'dark' ? 'rgba(255, 167, 38, 0.12)' : '#fff8e1',
  },
}));

function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'impact' || field === 'urgency') {
    return LEVEL_LABELS[value as 1 | 2 | 3] ?? String(value);
  }
  if (field === 'state') {
    return INCIDENT_STATE_LABELS[value as IncidentState] ?? String(value);
  }
  if (field === 'holdReason') {
    return HOLD_REASON_LABELS[value as HoldReason] ?? String(value);
  }
  if (field === 'resolutionCode') {
    return RESOLUTION_CODE_LABELS[value as ResolutionCode] ?? String(value);
  }
  if (Array.isArray(value)) {
    return value.length
      ? value.map(v => humanizeRef(String(v))).join(', ')
      : 'none';
  }
  if (typeof value === 'string') {
    const text = humanizeRef(value);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  }
  return String(value);
}

const Changes = (props: { changes?: FieldChange[] }) => {
  if (!props.changes?.length) return null;
  return (
    <Box component="ul" m={0} pl={2}>
      {props.changes.map(change => (
        <li key={change.field}>
          <Typography variant="body2">
            {humanizeCode(change.field)}:{' '}
            <s>{describeValue(change.field, change.from)}</s> →{' '}
            <strong>{describeValue(change.field, change.to)}</strong>
          </Typography>
        </li>
      ))}
    </Box>
  );
};

const EntryIcon = (props: { type: TimelineEntry['type'] }) => {
  const classes = useStyles();
  switch (props.type) {
    case 'created':
      return <AddCircleOutlineIcon className={classes.icon} fontSize="small" />;
    case 'field_changed':
      return <EditIcon className={classes.icon} fontSize="small" />;
    case 'state_changed':
      return <SwapHorizIcon className={classes.icon} fontSize="small" />;
    case 'work_note':
      return <LockIcon className={classes.icon} fontSize="small" />;
    default:
      return (
        <ChatBubbleOutlineIcon className={classes.icon} fontSize="small" />
      );
  }
};

const EntryContent = (props: { entry: TimelineEntry }) => {
  const classes = useStyles();
  const { entry } = props;
  switch (entry.type) {
    case 'created':
      return <Typography variant="body2">opened the incident</Typography>;
    case 'field_changed':
      return (
        <>
          <Typography variant="body2">changed</Typography>
          <Changes changes={entry.changes} />
        </>
      );
    case 'state_changed':
      return (
        <>
          <Typography variant="body2" component="div">
            moved it from{' '}
            {entry.fromState ? (
              <StateChip state={entry.fromState as IncidentState} />
            ) : (
              '?'
            )}{' '}
            to{' '}
            {entry.toState ? (
              <StateChip state={entry.toState as IncidentState} />
            ) : (
              '?'
            )}
          </Typography>
          <Changes
            changes={entry.changes?.filter(change => change.field !== 'state')}
          />
        </>
      );
    case 'comment':
      return (
        <div className={classes.comment} data-testid="timeline-comment">
          <Typography variant="overline" display="block">
            Comment (visible to the requester)
          </Typography>
          <Typography variant="body2" className={classes.text}>
            {entry.body}
          </Typography>
        </div>
      );
    case 'work_note':
      return (
        <div className={classes.workNote} data-testid="timeline-work-note">
          <Typography variant="overline" display="block">
            Work note (internal)
          </Typography>
          <Typography variant="body2" className={classes.text}>
            {entry.body}
          </Typography>
        </div>
      );
    default:
      return (
        <Typography variant="body2">{humanizeCode(entry.type)}</Typography>
      );
  }
};

/** A record's history, oldest first, as the backend returns it. */
export const Timeline = (props: { entries: TimelineEntry[] }) => {
  const classes = useStyles();
  if (props.entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="Timeline">
      {props.entries.map(entry => (
        <li key={entry.id} className={classes.entry}>
          <EntryIcon type={entry.type} />
          <div className={classes.body}>
            <Typography variant="body2" className={classes.meta}>
              <RefLink entityRef={entry.actor} />{' '}
              <span title={formatDateTime(entry.at)}>
                {formatRelativeTime(entry.at)}
              </span>
            </Typography>
            <EntryContent entry={entry} />
          </div>
        </li>
      ))}
    </ul>
  );
};
