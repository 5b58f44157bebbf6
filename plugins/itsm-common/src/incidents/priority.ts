import { Priority } from '../records/types';

/** 1 = high, 2 = medium, 3 = low. */
export type ImpactLevel = 1 | 2 | 3;
export type UrgencyLevel = 1 | 2 | 3;

export const LEVEL_LABELS: Record<1 | 2 | 3, string> = {
  1: 'High',
  2: 'Medium',
  3: 'Low',
};

/** `matrix[impact - 1][urgency - 1]`. */
export type PriorityMatrix = readonly (readonly Priority[])[];

/** The ITIL default: 1/1→P1, 1/2 and 2/1→P2, 1/3, 2/2, 3/1→P3, 2/3 and 3/2→P4, 3/3→P5. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P5'],
];

export function computePriority(
  impact: ImpactLevel,
  urgency: UrgencyLevel,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): Priority {
  return matrix[impact - 1][urgency - 1];
}
