import { SlaTimerStatus } from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, CodeChip } from '../shared';
import { SLA_STATUS_LABELS } from './format';

/** The colours of a timer status: its chip and its progress bar. */
export const SLA_STATUS_COLORS: Record<SlaTimerStatus, ChipColors> = {
  running: { bg: '#1565c0', fg: '#fff' },
  paused: { bg: '#757575', fg: '#fff' },
  at_risk: { bg: '#ffa000', fg: '#000', bold: true },
  breached: { bg: '#c62828', fg: '#fff', bold: true },
  met: { bg: '#2e7d32', fg: '#fff' },
  canceled: { bg: '#bdbdbd', fg: '#424242' },
};

/** A timer's status as a chip: "At risk" in amber, "Breached" in red… */
export const SlaStatusChip = (props: { status: SlaTimerStatus }) => (
  <CodeChip
    label={SLA_STATUS_LABELS[props.status] ?? props.status}
    colors={SLA_STATUS_COLORS[props.status]}
    testId={`sla-status-${props.status}`}
  />
);
