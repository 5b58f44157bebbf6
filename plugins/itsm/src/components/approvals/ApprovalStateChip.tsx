import {
  APPROVAL_STEP_STATE_LABELS,
  ApprovalStepState,
} from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, CodeChip } from '../shared';

const COLORS: Record<ApprovalStepState, ChipColors> = {
  waiting: { bg: '#cfd8dc', fg: '#000' },
  pending: { bg: '#ef6c00', fg: '#fff' },
  approved: { bg: '#2e7d32', fg: '#fff' },
  rejected: { bg: '#b71c1c', fg: '#fff' },
  canceled: { bg: '#9e9e9e', fg: '#fff' },
};

/** An approval step's state as a chip. */
export const ApprovalStateChip = (props: { state: ApprovalStepState }) => (
  <CodeChip
    label={APPROVAL_STEP_STATE_LABELS[props.state] ?? props.state}
    colors={COLORS[props.state]}
    testId={`approval-state-${props.state}`}
  />
);
