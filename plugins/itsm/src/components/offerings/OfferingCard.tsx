import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ServiceOfferingEntity } from '@backstage-itsm/plugin-itsm-common';
import { OfferingFacts } from './OfferingFacts';
import { OrderLink } from './OrderLink';
import { offeringTitle } from './offering';

const useStyles = makeStyles(theme => ({
  card: { height: '100%', display: 'flex', flexDirection: 'column' },
  content: { flexGrow: 1 },
  description: { margin: theme.spacing(1, 0, 2) },
}));

/**
 * One offering: title, description, what to know before ordering and "Order". An
 * article named by its title; `headingLevel` fits it into the page's outline.
 */
export const OfferingCard = (props: {
  entity: ServiceOfferingEntity;
  headingLevel?: 'h2' | 'h3';
}) => {
  const { entity, headingLevel = 'h3' } = props;
  const classes = useStyles();
  const id = `itsm-offering-${entity.metadata.namespace ?? 'default'}-${
    entity.metadata.name
  }`;
  return (
    <Card
      className={classes.card}
      variant="outlined"
      component="article"
      aria-labelledby={id}
    >
      <CardContent className={classes.content}>
        <Typography variant="h6" component={headingLevel} id={id}>
          {offeringTitle(entity)}
        </Typography>
        {entity.metadata.description && (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.description}
          >
            {entity.metadata.description}
          </Typography>
        )}
        <Grid container spacing={2}>
          <OfferingFacts entity={entity} />
        </Grid>
      </CardContent>
      <CardActions>
        <OrderLink entity={entity} />
      </CardActions>
    </Card>
  );
};
