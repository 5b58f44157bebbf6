import { SlaTimerStatus } from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, codeTableChip, whiteOn } from '../shared';
import { SLA_STATUS_LABELS } from './format';

/** The colours of a timer status: its chip and its progress bar. */
export const SLA_STATUS_COLORS: Record<SlaTimerStatus, ChipColors> = {
  running: whiteOn('#1565c0'),
  paused: whiteOn('#757575'),
  at_risk: { bg: '#ffa000', fg: '#000', bold: true },
  breached: whiteOn('#c62828', true),
  met: whiteOn('#2e7d32'),
  canceled: { bg: '#bdbdbd', fg: '#424242' },
};

/** A timer's status as a chip: "At risk" in amber, "Breached" in red… */
export const SlaStatusChip = codeTableChip('status', {
  labels: SLA_STATUS_LABELS,
  colors: SLA_STATUS_COLORS,
  testId: 'sla-status',
});
