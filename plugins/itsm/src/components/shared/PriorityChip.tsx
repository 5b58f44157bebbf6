import { Priority } from '@backstage-itsm/plugin-itsm-common';
import { ChipColors, CodeChip, whiteOn } from './CodeChip';

const COLORS: Record<Priority, ChipColors> = {
  P1: whiteOn('#b71c1c', true),
  P2: whiteOn('#e65100', true),
  P3: { bg: '#f9a825', fg: '#000' },
  P4: whiteOn('#0277bd'),
  P5: whiteOn('#78909c'),
};

/** A priority (P1–P5) as a chip whose colour goes from red (P1) to grey (P5). */
export const PriorityChip = (props: { priority: Priority }) => (
  <CodeChip label={props.priority} colors={COLORS[props.priority]} />
);
