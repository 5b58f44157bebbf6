import { ImpactLevel, UrgencyLevel } from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod/v4';
import { configObject } from '../config/schemas';

/** How alerts become incidents (`itsm.alerts`, docs/alerts.md). */
export interface AlertPolicy {
  /**
   * Labels naming the alert's entity, in the order tried: `backstage_entity` first,
   * then the configured fallbacks (e.g. `service`, `job`).
   */
  entityLabels: string[];
  /** The label holding the alert's severity. */
  severityLabel: string;
  /** Severity (lower-cased label value) → the new incident's impact and urgency. */
  severities: Record<string, Levels>;
  /** For a severity the table does not name, or an alert without one. */
  defaultLevels: Levels;
  /** Resolve the incident when every alert on it has resolved. */
  resolveIncidents: boolean;
}

export interface Levels {
  impact: ImpactLevel;
  urgency: UrgencyLevel;
}

/** The label that names the entity whatever else is configured. */
export const ENTITY_LABEL = 'backstage_entity';

const levelsMessage =
  'must be { impact, urgency }, each 1 (high), 2 or 3 (low)';
const level = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: levelsMessage,
});
const levels = configObject(
  { impact: level, urgency: level },
  { notObject: levelsMessage, unknownKey: 'is not impact or urgency' },
);

// Prometheus label names are [a-zA-Z_][a-zA-Z0-9_]*: no dots or slashes.
const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, {
  error: 'must be a Prometheus label name such as service',
});

export const alertPolicySchema = configObject(
  {
    entityLabels: z
      .array(labelName, { error: 'must be a list of label names' })
      .default(['service', 'job']),
    severityLabel: labelName.default('severity'),
    severities: z
      .record(z.string(), levels, {
        error: 'must map severities to { impact, urgency }',
      })
      .default({
        critical: { impact: 1, urgency: 1 },
        error: { impact: 2, urgency: 1 },
        warning: { impact: 2, urgency: 2 },
        info: { impact: 3, urgency: 3 },
      }),
    defaultLevels: levels.default({ impact: 2, urgency: 2 }),
    resolveIncidents: z
      .boolean({ error: 'must be true or false' })
      .default(false),
  },
  { notObject: 'must be an object', unknownKey: 'is not an alerts setting' },
).transform(
  (value): AlertPolicy => ({
    ...value,
    entityLabels: [
      ENTITY_LABEL,
      ...value.entityLabels.filter(l => l !== ENTITY_LABEL),
    ],
    severities: Object.fromEntries(
      Object.entries(value.severities).map(([k, v]) => [
        k.toLocaleLowerCase('en-US'),
        v as Levels,
      ]),
    ),
    defaultLevels: value.defaultLevels as Levels,
  }),
);
