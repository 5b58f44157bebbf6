import {
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  ChangeRisk,
  ChangeType,
} from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, CodeChip } from '../shared';

const RISK_COLORS: Record<ChangeRisk, ChipColors> = {
  low: { bg: '#2e7d32', fg: '#fff' },
  moderate: { bg: '#f9a825', fg: '#000' },
  high: { bg: '#b71c1c', fg: '#fff', bold: true },
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
export const RiskChip = (props: { risk: ChangeRisk }) => (
  <CodeChip
    label={`${CHANGE_RISK_LABELS[props.risk] ?? props.risk} risk`}
    colors={RISK_COLORS[props.risk]}
  />
);
