import { Priority } from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, CodeChip } from './CodeChip';

const COLORS: Record<Priority, ChipColors> = {
  P1: { bg: '#b71c1c', fg: '#fff', bold: true },
  P2: { bg: '#e65100', fg: '#fff', bold: true },
  P3: { bg: '#f9a825', fg: '#000' },
  P4: { bg: '#0277bd', fg: '#fff' },
  P5: { bg: '#78909c', fg: '#fff' },
};

/** A priority (P1–P5) as a chip whose colour goes from red (P1) to grey (P5). */
export const PriorityChip = (props: { priority: Priority }) => (
  <CodeChip label={props.priority} colors={COLORS[props.priority]} />
);
