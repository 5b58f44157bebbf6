import { useState } from 'react';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { IncidentsTable } from './IncidentsTable';
import { ReportIncidentDialog } from './ReportIncidentDialog';
import { incidentEntityRef } from './entityRef';

/** The "Service management" tab of an entity: its incidents and a way to report one. */
export const EntityIncidentsContent = () => {
  const { entity } = useEntity();
  const entityRef = incidentEntityRef(entity);
  const [reporting, setReporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <Content noPadding>
      <IncidentsTable
        title="Incidents"
        filter={{ entityRef }}
        reloadKey={reloadKey}
        actions={
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setReporting(true)}
          >
            Report incident
          </Button>
        }
      />
      <ReportIncidentDialog
        open={reporting}
        entityRef={entityRef}
        onClose={() => setReporting(false)}
        onCreated={() => {
          setReporting(false);
          // The new incident is open and newest, so it shows at the top after reload.
          setReloadKey(k => k + 1);
        }}
      />
    </Content>
  );
};
