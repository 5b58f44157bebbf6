import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { EntityRecordsContent } from '../records';
import { ChangeCalendar } from './ChangeCalendar';
import { changeDescriptor } from './descriptor';

/**
 * The entity's changes with "Request change", and its change calendar: sections of the
 * entity tab.
 */
export const EntityChangesContent = () => (
  <EntityRecordsContent
    kind={changeDescriptor}
    below={({ entityRef, reloadKey }) => (
      <Grid item>
        <InfoCard title="Change calendar">
          <ChangeCalendar entityRef={entityRef} reloadKey={reloadKey} />
        </InfoCard>
      </Grid>
    )}
  />
);
