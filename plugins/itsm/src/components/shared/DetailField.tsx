import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { formatDateTime } from './format';
import { RefLink } from './RefLink';

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

/** A labelled free text (notes) across the row, line breaks kept; nothing without one. */
export const NotesField = (props: {
  label: string;
  text: string | null | undefined;
}) =>
  props.text ? (
    <DetailField label={props.label} wide preWrap>
      {props.text}
    </DetailField>
  ) : null;

/** A card of a record's facts: labelled values in a grid. */
export const FactsCard = (props: { title: string; children: ReactNode }) => (
  <InfoCard title={props.title}>
    <Grid container spacing={2}>
      {props.children}
    </Grid>
  </InfoCard>
);
