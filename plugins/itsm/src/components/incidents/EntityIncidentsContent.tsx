import { useState } from 'react';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { IncidentsTable } from './IncidentsTable';
import { ReportIncidentButton } from './ReportIncidentButton';
import { incidentEntityRef } from './entityRef';

/** The "Service management" tab of an entity: its incidents and a way to report one. */
export const EntityIncidentsContent = () => {
  const { entity } = useEntity();
  const entityRef = incidentEntityRef(entity);
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <Content noPadding>
      <IncidentsTable
        title="Incidents"
        filter={{ entityRef }}
        reloadKey={reloadKey}
        actions={
          <ReportIncidentButton
            entityRef={entityRef}
            // The new incident is open and newest, so it shows at the top after reload.
            onCreated={() => setReloadKey(k => k + 1)}
          />
        }
      />
    </Content>
  );
};
