import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import AddCircleOutlineIcon from '@material-ui/icons/AddCircleOutline';
import EditIcon from '@material-ui/icons/Edit';
import SwapHorizIcon from '@material-ui/icons/SwapHoriz';
import ChatBubbleOutlineIcon from '@material-ui/icons/ChatBubbleOutline';
import LockIcon from '@material-ui/icons/Lock';
import LinkIcon from '@material-ui/icons/Link';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import BuildIcon from '@material-ui/icons/Build';
import HowToVoteIcon from '@material-ui/icons/HowToVote';
import AlarmIcon from '@material-ui/icons/Alarm';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import AnnouncementIcon from '@material-ui/icons/Announcement';
import {
  CHANGE_CLOSE_CODE_LABELS,
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  FieldChange,
  HOLD_REASON_LABELS,
  kindDeclaration,
  LEVEL_LABELS,
  PROBLEM_RESOLUTION_CODE_LABELS,
  RecordKind,
  RESOLUTION_CODE_LABELS,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordState, STATE_LABELS, StateChip } from './StateChip';
import { RefLink } from './RefLink';
import {
  formatDateTime,
  formatRelativeTime,
  humanizeCode,
  humanizeRef,
} from './format';

/** The box of a written entry: a coloured left border on its own background. */
function writtenBox(theme: Theme, border: string, background?: string) {
  return {
    marginTop: theme.spacing(0.5),
    padding: theme.spacing(1, 1.5),
    borderLeft: `4px solid ${border}`,
    backgroundColor: background ?? theme.palette.background.default,
  };
}

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
  comment: writtenBox(theme, theme.palette.primary.main),
  workNote: writtenBox(
    theme,
    theme.palette.warning.main,
    theme.palette.type === 'dark' ? 'rgba(255, 167, 38, 0.12)' : '#fff8e1',
  ),
  // What to do until a problem is fixed: it must stand out on an incident's timeline.
  workaround: writtenBox(theme, theme.palette.success.main),
  // A monitoring alert that fired or resolved on the incident.
  alert: writtenBox(theme, theme.palette.error.main),
  // A major incident's update sent to the owners of what it impacts.
  stakeholderUpdate: writtenBox(theme, theme.palette.info.main),
}));

/** Label tables of coded fields, by field name. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  impact: LEVEL_LABELS,
  urgency: LEVEL_LABELS,
  state: STATE_LABELS,
  holdReason: HOLD_REASON_LABELS,
  resolutionCode: RESOLUTION_CODE_LABELS,
  type: CHANGE_TYPE_LABELS,
  risk: CHANGE_RISK_LABELS,
  closeCode: CHANGE_CLOSE_CODE_LABELS,
  knownError: { true: 'published', false: 'not published' },
};

/** Label tables of a kind whose codes differ from the others' (by field name). */
const KIND_VALUE_LABELS: Partial<
  Record<RecordKind, Record<string, Record<string, string>>>
> = {
  problem: { resolutionCode: PROBLEM_RESOLUTION_CODE_LABELS },
};

const DATE_FIELDS = [
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'dueAt',
  'fulfilledAt',
];

function describeValue(
  field: string,
  value: unknown,
  kind: RecordKind,
): string {
  if (value === null || value === undefined || value === '') return 'none';
  const labels = KIND_VALUE_LABELS[kind]?.[field] ?? VALUE_LABELS[field];
  const label = labels?.[String(value)];
  if (label) return label;
  if (DATE_FIELDS.includes(field) && typeof value === 'string') {
    return formatDateTime(value);
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

const Changes = (props: { changes?: FieldChange[]; kind: RecordKind }) => {
  const { kind } = props;
  if (!props.changes?.length) return null;
  return (
    <Box component="ul" m={0} pl={2}>
      {props.changes.map(change => (
        <li key={change.field}>
          <Typography variant="body2">
            {humanizeCode(change.field)}:{' '}
            <s>{describeValue(change.field, change.from, kind)}</s> →{' '}
            <strong>{describeValue(change.field, change.to, kind)}</strong>
          </Typography>
        </li>
      ))}
    </Box>
  );
};

/** A table's own entry for a type (never an inherited one, for types unknown here). */
function ownEntry<T>(table: Partial<Record<string, T>>, type: string) {
  return Object.hasOwn(table, type) ? table[type] : undefined;
}

/** The icon of each entry type; a speech bubble for the others (comments). */
const ENTRY_ICONS: Partial<Record<TimelineEntry['type'], typeof EditIcon>> = {
  created: AddCircleOutlineIcon,
  field_changed: EditIcon,
  state_changed: SwapHorizIcon,
  work_note: LockIcon,
  approval_requested: HowToVoteIcon,
  approval_decided: HowToVoteIcon,
  link_added: LinkIcon,
  link_removed: LinkOffIcon,
  workaround: BuildIcon,
  sla_warning: AlarmIcon,
  sla_breached: AlarmIcon,
  alert: NotificationsActiveIcon,
  stakeholder_update: AnnouncementIcon,
};

const EntryIcon = (props: { type: TimelineEntry['type'] }) => {
  const classes = useStyles();
  // An entry type this frontend does not know yet gets the speech bubble.
  const Icon = ownEntry(ENTRY_ICONS, props.type) ?? ChatBubbleOutlineIcon;
  return <Icon className={classes.icon} fontSize="small" />;
};

/** Entry types whose code does not read well humanised. */
const TYPE_TEXT: Partial<Record<TimelineEntry['type'], string>> = {
  sla_warning: 'SLA warning',
  sla_breached: 'SLA breached',
};

/** Entries that are a text someone wrote: their box's class, test id and heading. */
const WRITTEN: Partial<
  Record<
    TimelineEntry['type'],
    {
      box:
        | 'comment'
        | 'workNote'
        | 'workaround'
        | 'alert'
        | 'stakeholderUpdate';
      testId: string;
      title: string;
    }
  >
> = {
  comment: {
    box: 'comment',
    testId: 'timeline-comment',
    title: 'Comment (visible to the requester)',
  },
  work_note: {
    box: 'workNote',
    testId: 'timeline-work-note',
    title: 'Work note (internal)',
  },
  // A linked problem's workaround, offered to the people working the incident.
  workaround: {
    box: 'workaround',
    testId: 'timeline-workaround',
    title: 'Workaround',
  },
  // A monitoring alert that fired or resolved, in the alert source's words.
  alert: {
    box: 'alert',
    testId: 'timeline-alert',
    title: 'Alert',
  },
  // A major incident's update, sent to the owners of what it impacts.
  stakeholder_update: {
    box: 'stakeholderUpdate',
    testId: 'timeline-stakeholder-update',
    title: 'Stakeholder update',
  },
};

const EntryContent = (props: { entry: TimelineEntry; kind: RecordKind }) => {
  const classes = useStyles();
  const { entry } = props;
  const written = ownEntry(WRITTEN, entry.type);
  if (written) {
    return (
      <div className={classes[written.box]} data-testid={written.testId}>
        <Typography variant="overline" display="block">
          {written.title}
        </Typography>
        <Typography variant="body2" className={classes.text}>
          {entry.body ?? ''}
        </Typography>
      </div>
    );
  }
  switch (entry.type) {
    case 'created':
      // The body says where the record was routed when not to its CI's owner group.
      return (
        <>
          <Typography variant="body2">
            {kindDeclaration(props.kind).labels.created}
          </Typography>
          {entry.body && (
            <Typography variant="body2" className={classes.text}>
              {entry.body}
            </Typography>
          )}
        </>
      );
    case 'field_changed':
      return (
        <>
          <Typography variant="body2">changed</Typography>
          <Changes changes={entry.changes} kind={props.kind} />
        </>
      );
    case 'state_changed':
      return (
        <>
          <Typography variant="body2" component="div">
            moved it from{' '}
            {entry.fromState ? (
              <StateChip state={entry.fromState as RecordState} />
            ) : (
              '?'
            )}{' '}
            to{' '}
            {entry.toState ? (
              <StateChip state={entry.toState as RecordState} />
            ) : (
              '?'
            )}
          </Typography>
          <Changes
            changes={entry.changes?.filter(change => change.field !== 'state')}
            kind={props.kind}
          />
        </>
      );
    default:
      // Approvals, links, SLA warnings and breaches: what happened, in the server's words.
      return (
        <>
          <Typography variant="body2">
            {ownEntry(TYPE_TEXT, entry.type) ??
              humanizeCode(String(entry.type ?? ''))}
          </Typography>
          {entry.body && (
            <Typography variant="body2" className={classes.text}>
              {entry.body}
            </Typography>
          )}
          <Changes changes={entry.changes} kind={props.kind} />
        </>
      );
  }
};

/** A record's history, oldest first, as the backend returns it. */
export const Timeline = (props: {
  entries: TimelineEntry[];
  kind?: RecordKind;
}) => {
  const { kind = 'incident' } = props;
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
            <EntryContent entry={entry} kind={kind} />
          </div>
        </li>
      ))}
    </ul>
  );
};
