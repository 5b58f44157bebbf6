import {
  APPROVAL_STEP_STATE_LABELS,
  ApprovalStepState,
} from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, codeTableChip, whiteOn } from '../shared';

const COLORS: Record<ApprovalStepState, ChipColors> = {
  waiting: { bg: '#cfd8dc', fg: '#000' },
  pending: whiteOn('#ef6c00'),
  approved: whiteOn('#2e7d32'),
  rejected: whiteOn('#b71c1c'),
  canceled: whiteOn('#9e9e9e'),
};

/** An approval step's state as a chip. */
export const ApprovalStateChip = codeTableChip('state', {
  labels: APPROVAL_STEP_STATE_LABELS,
  colors: COLORS,
  testId: 'approval-state',
});
