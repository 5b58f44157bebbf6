import {
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  ChangeRisk,
  ChangeType,
} from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, CodeChip, codeTableChip, whiteOn } from '../shared';

const RISK_COLORS: Record<ChangeRisk, ChipColors> = {
  low: whiteOn('#2e7d32'),
  moderate: { bg: '#f9a825', fg: '#000' },
  high: whiteOn('#b71c1c', true),
};

/** `Normal`, `Standard (pre-approved)`, `Emergency` (outlined red). */
export const ChangeTypeChip = (props: { type: ChangeType }) => (
  <CodeChip
    outlined
    label={CHANGE_TYPE_LABELS[props.type] ?? props.type}
    colors={
      props.type === 'emergency'
        ? { bg: '#b71c1c', fg: '', bold: true }
        : undefined
    }
  />
);

/** `Low risk`, `Moderate risk`, `High risk`, green to red. */
export const RiskChip = codeTableChip('risk', {
  labels: CHANGE_RISK_LABELS,
  colors: RISK_COLORS,
  suffix: ' risk',
});
