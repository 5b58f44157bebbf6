import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { CreateRecordButton } from '../records';
import { incidentDescriptor } from './descriptor';

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
}) => <CreateRecordButton kind={incidentDescriptor} {...props} />;
