import Grid from '@material-ui/core/Grid';
import { Content } from '@backstage/core-components';
import { EntityIncidentsContent } from '../incidents';
import { EntityChangesContent } from '../changes';

/**
 * The "Service management" tab of an entity: its incidents (report one), its changes
 * (request one) and its change calendar.
 */
export const EntityItsmContent = () => (
  <Content noPadding>
    <Grid container spacing={3} direction="column">
      <Grid item>
        <EntityIncidentsContent />
      </Grid>
      <Grid item>
        <EntityChangesContent />
      </Grid>
    </Grid>
  </Content>
);
