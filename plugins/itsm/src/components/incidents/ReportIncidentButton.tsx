import { useState } from 'react';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { ReportIncidentDialog } from './ReportIncidentDialog';

/** The "Report incident" button with its dialog, as the tab, card and ITSM page use it. */
export const ReportIncidentButton = (props: {
  /** The CI when reporting from an entity page; asked for otherwise. */
  entityRef?: string;
  onCreated: (incident: Incident) => void;
  /** `contained` for page actions, `text` (small) inside cards. */
  variant?: 'contained' | 'text';
}) => {
  const { entityRef, onCreated, variant = 'contained' } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        size={variant === 'text' ? 'small' : 'medium'}
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setOpen(true)}
      >
        Report incident
      </Button>
      <ReportIncidentDialog
        open={open}
        entityRef={entityRef}
        onClose={() => setOpen(false)}
        onCreated={incident => {
          setOpen(false);
          onCreated(incident);
        }}
      />
    </>
  );
};
