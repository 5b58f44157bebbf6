import { Config } from '@backstage/config';
import { normalizeEntityRef } from '@backstage-itsm/plugin-itsm-common';
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
  Priority,
  PriorityMatrix,
} from '@backstage-itsm/plugin-itsm-common';

export interface ItsmConfig {
  priorityMatrix: PriorityMatrix;
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
}

/** Reads `itsm.*`, failing start-up with a message that names the bad key. */
export function readItsmConfig(config: Config): ItsmConfig {
  const incidents = config.getOptionalConfig('itsm.incidents');
  const matrix = incidents?.getOptional<unknown>('priorityMatrix');
  if (matrix !== undefined) {
    const valid =
      Array.isArray(matrix) &&
      matrix.length === 3 &&
      matrix.every(
        row =>
          Array.isArray(row) &&
          row.length === 3 &&
          row.every(p => PRIORITIES.includes(p as Priority)),
      );
    if (!valid) {
      throw new Error(
        'itsm.incidents.priorityMatrix must be 3 rows (impact high→low) of 3 priorities P1–P5 (urgency high→low)',
      );
    }
  }
  const autoCloseAfterDays =
    incidents?.getOptionalNumber('autoCloseAfterDays') ?? 7;
  if (!(autoCloseAfterDays > 0)) {
    throw new Error(
      'itsm.incidents.autoCloseAfterDays must be a positive number of days',
    );
  }
  const changes = readChangePolicy(config);
  return {
    priorityMatrix: (matrix as PriorityMatrix) ?? DEFAULT_PRIORITY_MATRIX,
    autoCloseAfterDays,
    demoDataFile: config.getOptionalString('itsm.demoData.file'),
    changes,
    routing: readRouting(config, changes.platformGroup),
    approvals: {
      oneStagePerApprover:
        config.getOptionalBoolean('itsm.approvals.oneStagePerApprover') ??
        true,
    },
    sla: readSlaConfig(config),
  };
}

/** `itsm.changes`: the platform group, the approval policy and the freeze windows. */
function readChangePolicy(config: Config): ChangePolicy {
  const changes = config.getOptionalConfig('itsm.changes');
  const platform = changes?.getOptionalString('platformGroup');
  const platformGroup = platform ? normalizeEntityRef(platform) : undefined;
  if (platform && !platformGroup?.startsWith('group:')) {
    throw new Error(
      `itsm.changes.platformGroup must be a group ref such as group:default/platform-team, got '${platform}'`,
    );
  }
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
  const raw = config.getOptionalString('itsm.routing.fallbackGroup');
  if (raw === undefined) return { fallbackGroup: platformGroup };
  const fallbackGroup = normalizeEntityRef(raw);
  if (!fallbackGroup?.startsWith('group:'))
    throw new Error(
      `itsm.routing.fallbackGroup must be a group ref such as group:default/platform-team, got '${raw}'`,
    );
  return { fallbackGroup };
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
