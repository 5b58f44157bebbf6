import { Config } from '@backstage/config';
import { z } from 'zod/v4';
import {
  DEFAULT_APPROVAL_POLICY,
  parseApprovalPolicy,
} from './approvals/policy';
import { ApprovalRules } from './approvals/ApprovalEngine';
import { RoutingOptions } from './catalog/CatalogCis';
import { ChangePolicy } from './changes/ChangeService';
import { parseFreezeWindows } from './changes/freezes';
import {
  parseCalendars,
  parseSlaPolicies,
  SlaCalendar,
  SlaPolicy,
} from './sla';
import {
  DEFAULT_PRIORITY_MATRIX,
  PRIORITIES,
  PriorityMatrix,
} from '@backstage-itsm/plugin-itsm-common';
import { parseConfig } from './config/parseConfig';
import { groupRef, wholeValue } from './config/schemas';
import { AlertPolicy, alertPolicySchema } from './alerts/policy';
import { GateSettings } from './gates/DeployGates';
import {
  BlastRadiusSettings,
  DEFAULT_BLAST_RADIUS_LIMITS,
} from './impact/BlastRadius';

export interface ItsmConfig {
  priorityMatrix: PriorityMatrix;
  /** `itsm.incidents.majorIncidentGroup`: accepts or rejects major-incident proposals. */
  majorIncidentGroup?: string;
  autoCloseAfterDays: number;
  /** A YAML file of demo records to load into an empty database. */
  demoDataFile?: string;
  changes: ChangePolicy;
  /** `itsm.routing`: where work goes when the catalog names no group for it. */
  routing: RoutingOptions;
  /** `itsm.approvals`: rules every approvable kind follows. */
  approvals: ApprovalRules;
  /** `itsm.sla`: calendars and policies, checked at start-up (the SLA clock uses them). */
  sla: { calendars: Record<string, SlaCalendar>; policies: SlaPolicy[] };
  /** `itsm.problems`: problem management. */
  problems: {
    /**
     * Recurring incidents that suggest a problem: at least `minIncidents` incidents
     * within the last `days` days.
     */
    candidates: { minIncidents: number; days: number };
  };
  /** `itsm.alerts`: how monitoring alerts become incidents. */
  alerts: AlertPolicy;
  /** `itsm.impact`: how far a record's blast radius is followed in the catalog. */
  impact: BlastRadiusSettings;
  /** `itsm.gates`: the deploy gate for CI/CD. */
  gates: GateSettings;
}

const priorityMatrix = wholeValue(
  z.array(z.array(z.enum(PRIORITIES)).length(3)).length(3),
  'must be 3 rows (impact high→low) of 3 priorities P1–P5 (urgency high→low)',
)
  .optional()
  .transform(matrix => (matrix as PriorityMatrix) ?? DEFAULT_PRIORITY_MATRIX);

const positiveDays = 'must be a positive number of days';
const autoCloseAfterDays = z
  .number({ error: positiveDays })
  .positive({ error: positiveDays })
  .default(7);

/** A whole number from `min` to `max`, `fallback` when absent; `message` says so. */
function wholeNumber(
  min: number,
  max: number,
  fallback: number,
  message = `must be a whole number from ${min} to ${max}`,
) {
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .default(fallback);
}

const minIncidents = wholeNumber(
  2,
  Number.MAX_SAFE_INTEGER,
  3,
  'must be a whole number of at least 2',
);
const candidateDays = wholeNumber(
  1,
  365,
  30,
  'must be a whole number of days from 1 to 365',
);

const groupSetting = groupRef(
  value =>
    `must be a group ref such as group:default/platform-team, got '${String(
      value,
    )}'`,
).optional();

/**
 * Reads `itsm.*`, failing start-up with a message that names the bad key. Single
 * values are read through Backstage's config reader (which also converts `"7"` from
 * an environment variable to 7), lists and maps as they are; zod schemas check both.
 */
export function readItsmConfig(config: Config): ItsmConfig {
  const incidents = config.getOptionalConfig('itsm.incidents');
  const matrix = parseConfig(
    priorityMatrix,
    incidents?.getOptional('priorityMatrix'),
    'itsm.incidents.priorityMatrix',
  );
  const autoClose = parseConfig(
    autoCloseAfterDays,
    incidents?.getOptionalNumber('autoCloseAfterDays'),
    'itsm.incidents.autoCloseAfterDays',
  );
  const changes = readChangePolicy(config);
  return {
    priorityMatrix: matrix,
    majorIncidentGroup: parseConfig(
      groupSetting,
      incidents?.getOptionalString('majorIncidentGroup'),
      'itsm.incidents.majorIncidentGroup',
    ),
    autoCloseAfterDays: autoClose,
    demoDataFile: config.getOptionalString('itsm.demoData.file'),
    changes,
    routing: readRouting(config, changes.platformGroup),
    approvals: {
      oneStagePerApprover:
        config.getOptionalBoolean('itsm.approvals.oneStagePerApprover') ?? true,
    },
    sla: readSlaConfig(config),
    problems: readProblems(config),
    alerts: parseConfig(
      alertPolicySchema,
      config.getOptional('itsm.alerts') ?? {},
      'itsm.alerts',
    ),
    impact: {
      maxDepth: parseConfig(
        wholeNumber(1, 20, DEFAULT_BLAST_RADIUS_LIMITS.maxDepth),
        config.getOptionalNumber('itsm.impact.maxDepth'),
        'itsm.impact.maxDepth',
      ),
      maxEntities: parseConfig(
        wholeNumber(1, 100_000, DEFAULT_BLAST_RADIUS_LIMITS.maxEntities),
        config.getOptionalNumber('itsm.impact.maxEntities'),
        'itsm.impact.maxEntities',
      ),
      notifyOwners:
        config.getOptionalBoolean('itsm.impact.notifyOwners') ?? false,
    },
    gates: {
      allowWithoutChange:
        config.getOptionalBoolean('itsm.gates.allowWithoutChange') ?? false,
    },
  };
}

/** `itsm.changes`: the platform group, the approval policy and the freeze windows. */
function readChangePolicy(config: Config): ChangePolicy {
  const changes = config.getOptionalConfig('itsm.changes');
  const platformGroup = parseConfig(
    groupSetting,
    changes?.getOptionalString('platformGroup'),
    'itsm.changes.platformGroup',
  );
  const policy = changes?.getOptional<unknown>('approvalPolicy');
  return {
    platformGroup,
    standardChangesByOwnersOnly:
      changes?.getOptionalBoolean('standardChanges.ownersOnly') ?? true,
    approvalPolicy:
      policy === undefined
        ? DEFAULT_APPROVAL_POLICY
        : parseApprovalPolicy(policy),
    freezeWindows: parseFreezeWindows(changes?.getOptional('freezeWindows')),
  };
}

/** `itsm.routing.fallbackGroup`, the platform group unless configured. */
function readRouting(
  config: Config,
  platformGroup: string | undefined,
): RoutingOptions {
  const fallbackGroup = parseConfig(
    groupSetting,
    config.getOptionalString('itsm.routing.fallbackGroup'),
    'itsm.routing.fallbackGroup',
  );
  return { fallbackGroup: fallbackGroup ?? platformGroup };
}

/** `itsm.sla`: business-hours calendars and the policies that use them. */
function readSlaConfig(config: Config): ItsmConfig['sla'] {
  const calendars = parseCalendars(config.getOptional('itsm.sla.calendars'));
  return {
    calendars,
    policies: parseSlaPolicies(
      config.getOptional('itsm.sla.policies'),
      calendars,
    ),
  };
}

/** `itsm.problems.candidates`: how many incidents within how many days suggest a problem. */
function readProblems(config: Config): ItsmConfig['problems'] {
  const key = 'itsm.problems.candidates';
  const candidates = config.getOptionalConfig(key);
  return {
    candidates: {
      minIncidents: parseConfig(
        minIncidents,
        candidates?.getOptionalNumber('minIncidents'),
        `${key}.minIncidents`,
      ),
      days: parseConfig(
        candidateDays,
        candidates?.getOptionalNumber('days'),
        `${key}.days`,
      ),
    },
  };
}
