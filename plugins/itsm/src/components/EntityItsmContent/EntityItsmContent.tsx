import Grid from '@material-ui/core/Grid';
import { Content } from '@backstage/core-components';
import {
  EntityIncidentsContent,
  EntityMajorIncidentBanner,
} from '../incidents';
import { EntityChangesContent } from '../changes';
import { EntityProblemsContent } from '../problems';
import { EntityServiceOfferingsContent } from '../offerings';
import { EntitySlaContent } from '../sla';

/**
 * The "Service management" tab of an entity: its incidents (report one), its changes
 * (request one) and its change calendar, its problems (open one; its problem candidate
 * and KPIs), its SLA (figures, trend, open timers, recent breaches); for a CI that
 * provides service offerings, those (to order) and the requests made of them.
 */
export const EntityItsmContent = () => (
  <Content noPadding>
    <EntityMajorIncidentBanner />
    <Grid container spacing={3} direction="column">
      <Grid item>
        <EntityIncidentsContent />
      </Grid>
      <Grid item>
        <EntityChangesContent />
      </Grid>
      <Grid item>
        <EntityProblemsContent />
      </Grid>
      <Grid item>
        <EntitySlaContent />
      </Grid>
      <Grid item>
        <EntityServiceOfferingsContent />
      </Grid>
    </Grid>
  </Content>
);
