import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { formatDateTime } from './format';
import {
  ImpactLevel,
  LEVEL_LABELS,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { RefLink, RefList } from './RefLink';

function mdWidth(props: { wide?: boolean; half?: boolean }): 12 | 6 | 4 {
  if (props.wide) return 12;
  return props.half ? 6 : 4;
}

/**
 * One labelled value in a record's details grid; `wide` spans the whole row, `half` half
 * of it (for narrow cards).
 */
export const DetailField = (props: {
  label: string;
  wide?: boolean;
  half?: boolean;
  /** Keeps line breaks of free text (plans, notes). */
  preWrap?: boolean;
  children: ReactNode;
}) => (
  <Grid
    item
    xs={props.half ? 6 : 12}
    sm={props.wide ? 12 : 6}
    md={mdWidth(props)}
  >
    <Typography variant="caption" color="textSecondary" display="block">
      {props.label}
    </Typography>
    <Typography
      variant="body2"
      component="div"
      style={props.preWrap ? { whiteSpace: 'pre-wrap' } : undefined}
    >
      {props.children}
    </Typography>
  </Grid>
);

/** A labelled user, group or CI ref, as a link; `empty` when there is none (`—`). */
export const RefField = (props: {
  label: string;
  entityRef: string | null | undefined;
  empty?: string;
}) => (
  <DetailField label={props.label}>
    <RefLink entityRef={props.entityRef} empty={props.empty} />
  </DetailField>
);

/** Labelled CIs (or users, groups), as links; nothing without any unless `always`. */
export const RefListField = (props: {
  label: string;
  refs: string[];
  always?: boolean;
}) =>
  props.refs.length > 0 || props.always ? (
    <DetailField label={props.label}>
      <RefList refs={props.refs} />
    </DetailField>
  ) : null;

/** A record's rating: "High / Medium" (impact / urgency). */
export const LevelsField = (props: {
  impact: ImpactLevel;
  urgency: UrgencyLevel;
}) => (
  <DetailField label="Impact / urgency">
    {LEVEL_LABELS[props.impact]} / {LEVEL_LABELS[props.urgency]}
  </DetailField>
);

/** Who works the record, "Unassigned" while nobody does. */
export const AssigneeField = (props: { assignee: string | null }) => (
  <RefField label="Assignee" entityRef={props.assignee} empty="Unassigned" />
);

/**
 * A labelled point in time, for people; without one, `empty` (e.g. `—`), or nothing at
 * all when `empty` is not given (a record not resolved has no "Resolved").
 */
export const TimeField = (props: {
  label: string;
  at: string | null | undefined;
  empty?: string;
}) => {
  if (!props.at && props.empty === undefined) return null;
  return (
    <DetailField label={props.label}>
      {formatDateTime(props.at) || props.empty}
    </DetailField>
  );
};

/** A labelled code (a hold reason, a close code) by its label; nothing without one. */
export const CodeField = <C extends string>(props: {
  label: string;
  code: C | null | undefined;
  labels: Record<C, string>;
}) =>
  props.code ? (
    <DetailField label={props.label}>{props.labels[props.code]}</DetailField>
  ) : null;

/**
 * A labelled free text (notes) across the row, line breaks kept; without one, nothing,
 * or "Not written yet" where the record is `expected` to have it (a plan, a root cause).
 */
export const NotesField = (props: {
  label: string;
  text: string | null | undefined;
  expected?: boolean;
}) => {
  if (!props.text && !props.expected) return null;
  return (
    <DetailField label={props.label} wide preWrap>
      {props.text || (
        <Typography component="span" variant="inherit" color="textSecondary">
          Not written yet
        </Typography>
      )}
    </DetailField>
  );
};

/** A card of a record's facts: labelled values in a grid. */
export const FactsCard = (props: { title: string; children: ReactNode }) => (
  <InfoCard title={props.title}>
    <Grid container spacing={2}>
      {props.children}
    </Grid>
  </InfoCard>
);

/** The fields of how a record ends: `resolutionCode` and `resolutionNotes`, or `close…`. */
type OutcomeOf<O extends string, C extends string> = Record<
  `${O}Code`,
  C | null | undefined
> &
  Record<`${O}Notes`, string | null | undefined>;

/**
 * How a record ended: its code ("Resolution code", "Close code") by its label, and its
 * notes, each only once there is one.
 */
export const OutcomeFields = <
  O extends 'resolution' | 'close',
  C extends string,
>(props: {
  record: OutcomeOf<O, C>;
  outcome: O;
  labels: Record<C, string>;
}) => {
  const { record, outcome } = props;
  const word = outcome === 'close' ? 'Close' : 'Resolution';
  return (
    <>
      <CodeField
        label={`${word} code`}
        code={record[`${outcome}Code`]}
        labels={props.labels}
      />
      <NotesField label={`${word} notes`} text={record[`${outcome}Notes`]} />
    </>
  );
};

/** The points in time of a record's life that its details show. */
export interface RecordTimestamps {
  createdAt: string;
  updatedAt: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
}

/**
 * When a record was opened and last updated; acknowledged (`acknowledged`: `—` until
 * then), resolved and closed once it was.
 */
export const RecordTimes = (props: {
  record: RecordTimestamps;
  acknowledged?: boolean;
}) => {
  const { record } = props;
  return (
    <>
      <TimeField label="Opened" at={record.createdAt} />
      <TimeField label="Updated" at={record.updatedAt} />
      {props.acknowledged && (
        <TimeField label="Acknowledged" at={record.acknowledgedAt} empty="—" />
      )}
      <TimeField label="Resolved" at={record.resolvedAt} />
      <TimeField label="Closed" at={record.closedAt} />
    </>
  );
};
