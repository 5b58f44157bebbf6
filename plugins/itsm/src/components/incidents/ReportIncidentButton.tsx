import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { OpenDialogButton, useCreatePermission } from '../shared';
import { ReportIncidentDialog } from './ReportIncidentDialog';

/**
 * The "Report incident" button with its dialog, as the tab, card and ITSM page use it;
 * only for those who may create incidents.
 */
export const ReportIncidentButton = (props: {
  /** The CI when reporting from an entity page; asked for otherwise. */
  entityRef?: string;
  onCreated: (incident: Incident) => void;
  /** `contained` for page actions, `text` (small) inside cards. */
  variant?: 'contained' | 'text';
}) => {
  const create = useCreatePermission('incident');
  if (!create.allowed) return null;
  return (
    <OpenDialogButton label="Report incident" variant={props.variant}>
      {({ open, close }) => (
        <ReportIncidentDialog
          open={open}
          entityRef={props.entityRef}
          onClose={close}
          onCreated={incident => {
            close();
            props.onCreated(incident);
          }}
        />
      )}
    </OpenDialogButton>
  );
};
