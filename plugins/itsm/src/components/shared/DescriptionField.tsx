import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { MarkdownContent } from '@backstage/core-components';

/** A record's description (Markdown, rendered sanitised) across a details grid. */
export const DescriptionField = (props: { description: string }) => (
  <Grid item xs={12}>
    {props.description ? (
      <MarkdownContent content={props.description} />
    ) : (
      <Typography variant="body2" color="textSecondary">
        No description.
      </Typography>
    )}
  </Grid>
);
