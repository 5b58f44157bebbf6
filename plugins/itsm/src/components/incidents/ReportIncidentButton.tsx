import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { OpenDialogButton } from '../shared';
import { ReportIncidentDialog } from './ReportIncidentDialog';

/** The "Report incident" button with its dialog, as the tab, card and ITSM page use it. */
export const ReportIncidentButton = (props: {
  /** The CI when reporting from an entity page; asked for otherwise. */
  entityRef?: string;
  onCreated: (incident: Incident) => void;
  /** `contained` for page actions, `text` (small) inside cards. */
  variant?: 'contained' | 'text';
}) => (
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
