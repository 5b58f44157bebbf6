import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ciEntityRef } from '../shared';
import { ChangesTable } from './ChangesTable';
import { ChangeCalendar } from './ChangeCalendar';
import { RequestChangeButton } from './RequestChangeButton';

/**
 * The entity's changes with "Request change", and its change calendar: sections of the
 * entity tab.
 */
export const EntityChangesContent = () => {
  const { entity } = useEntity();
  const entityRef = ciEntityRef(entity);
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <ChangesTable
          title="Changes"
          filter={{ entityRef }}
          reloadKey={reloadKey}
          actions={
            <RequestChangeButton
              entityRef={entityRef}
              onCreated={() => setReloadKey(k => k + 1)}
            />
          }
        />
      </Grid>
      <Grid item>
        <InfoCard title="Change calendar">
          <ChangeCalendar entityRef={entityRef} reloadKey={reloadKey} />
        </InfoCard>
      </Grid>
    </Grid>
  );
};
