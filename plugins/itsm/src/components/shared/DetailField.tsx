import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';

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
