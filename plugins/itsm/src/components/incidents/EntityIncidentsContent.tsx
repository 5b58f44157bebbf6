import { useState } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ciEntityRef } from '../shared';
import { IncidentsTable } from './IncidentsTable';
import { ReportIncidentButton } from './ReportIncidentButton';

/** The entity's incidents and a way to report one: a section of the entity tab. */
export const EntityIncidentsContent = () => {
  const { entity } = useEntity();
  const entityRef = ciEntityRef(entity);
  const [reloadKey, setReloadKey] = useState(0);

  return (
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
  );
};
