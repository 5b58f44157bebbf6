import {
  ChangeRisk,
  ChangeType,
  CHANGE_RISKS,
  CHANGE_TYPES,
} from '@backstage-itsm/plugin-itsm-common';
import { ConflictError } from '@backstage/errors';
import { z } from 'zod/v4';
import { parseConfig } from '../config/parseConfig';
import {
  configObject,
  listsAsObjects,
  nonEmptyString,
  readWith,
  toGroupRef,
  wholeValue,
} from '../config/schemas';

/** Who approves a stage: the owner group of each CI, the platform group, or a fixed group. */
export type ApproverSpec = 'owners' | 'platform' | string;

/**
 * One stage of the approval policy (`itsm.changes.approvalPolicy[]`). Stages whose
 * `when` matches the change are applied in the order listed; stages with the same name
 * are one stage (so two rules may both ask for "Platform approval" without doubling it).
 */
export interface ApprovalStageRule {
  name: string;
  when: {
    type?: ChangeType[];
    risk?: ChangeRisk[];
    /** Matches when any CI has one of these `itsm.backstage.io/tier` annotation values. */
    tier?: string[];
    /** Matches when the planned window falls into a freeze window for the CIs. */
    inFreeze?: boolean;
    /**
     * Matches when anything in the change's blast radius (what its CIs impact through
     * the catalog, not the CIs) has one of these tiers, e.g. "impacts a tier-1 system".
     */
    impactedTier?: string[];
  };
  approvers: ApproverSpec[];
  /**
   * `each`: one step per approver group (every owner group must approve);
   * `any`: one step that any member of any of the groups may decide.
   */
  require: 'each' | 'any';
}

/**
 * The default policy of docs/domain-rules.md §3: owners of each CI approve normal changes; high
 * risk or a window in a freeze adds the platform group; an emergency needs one approval
 * from an owner or the platform group; standard changes are pre-approved.
 */
export const DEFAULT_APPROVAL_POLICY: ApprovalStageRule[] = [
  {
    name: 'Owner approval',
    when: { type: ['normal'] },
    approvers: ['owners'],
    require: 'each',
  },
  {
    name: 'Platform approval',
    when: { type: ['normal'], risk: ['high'] },
    approvers: ['platform'],
    require: 'each',
  },
  {
    name: 'Platform approval',
    when: { type: ['normal'], inFreeze: true },
    approvers: ['platform'],
    require: 'each',
  },
  {
    name: 'Emergency approval',
    when: { type: ['emergency'] },
    approvers: ['owners', 'platform'],
    require: 'any',
  },
];

/** What the policy is evaluated against, read from the catalog and the change. */
export interface ApprovalContext {
  type: ChangeType;
  risk: ChangeRisk;
  tiers: string[];
  inFreeze: boolean;
  /** The tiers of what the CIs impact (read only when a rule asks, see needsImpact). */
  impactedTiers?: string[];
  /** The CIs with their owner group (undefined when the catalog names none). */
  cis: Array<{ ref: string; owner?: string }>;
  platformGroup?: string;
  /** Approves for CIs the catalog names no owner of (`itsm.routing.fallbackGroup`). */
  fallbackGroup?: string;
}

/** A step to create: stages are numbered from 1 in the order they are decided. */
export interface PlannedStep {
  stage: number;
  stageName: string;
  eligibleGroups: string[];
  reason: string;
}

/** Evaluates the policy: the ordered steps a change needs, empty when pre-approved. */
export function planApprovalSteps(
  policy: ApprovalStageRule[],
  context: ApprovalContext,
): PlannedStep[] {
  const matching = policy.filter(rule => matches(rule, context));
  const stageNames = [...new Set(matching.map(rule => rule.name))];
  const steps: PlannedStep[] = [];
  for (const [index, stageName] of stageNames.entries()) {
    const seen = new Set<string>();
    for (const rule of matching.filter(r => r.name === stageName)) {
      const groups = rule.approvers.flatMap(spec =>
        approverGroups(spec, context, stageName),
      );
      const candidates =
        rule.require === 'any'
          ? [
              {
                groups: [...new Set(groups.map(g => g.group))],
                reason: `any of: ${groups
                  .map(g => g.reason)
                  .filter((r, i, all) => all.indexOf(r) === i)
                  .join('; ')}`,
              },
            ]
          : mergeByGroup(groups).map(g => ({
              groups: [g.group],
              reason: g.reason,
            }));
      for (const candidate of candidates) {
        const key = [...candidate.groups].sort().join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        steps.push({
          stage: index + 1,
          stageName,
          eligibleGroups: candidate.groups,
          reason: candidate.reason,
        });
      }
    }
  }
  return steps;
}

function matches(rule: ApprovalStageRule, context: ApprovalContext): boolean {
  const { when } = rule;
  if (when.type && !when.type.includes(context.type)) return false;
  if (when.risk && !when.risk.includes(context.risk)) return false;
  if (when.tier && !context.tiers.some(tier => when.tier!.includes(tier)))
    return false;
  if (when.inFreeze !== undefined && when.inFreeze !== context.inFreeze)
    return false;
  if (
    when.impactedTier &&
    !(context.impactedTiers ?? []).some(t => when.impactedTier!.includes(t))
  )
    return false;
  return true;
}

/** Whether evaluating the policy needs the blast radius (a rule names impactedTier). */
export function needsImpact(policy: ApprovalStageRule[]): boolean {
  return policy.some(rule => rule.when.impactedTier !== undefined);
}

function approverGroups(
  spec: ApproverSpec,
  context: ApprovalContext,
  stageName: string,
): Array<{ group: string; reason: string }> {
  if (spec === 'owners') {
    const unowned = context.cis.filter(ci => !ci.owner).map(ci => ci.ref);
    if (unowned.length && !context.fallbackGroup) {
      throw new ConflictError(
        `${stageName} needs the owners of the CIs, but the catalog names no owner for ${unowned.join(
          ', ',
        )} and no fallback group is configured (itsm.routing.fallbackGroup)`,
      );
    }
    return context.cis.map(ci =>
      ci.owner
        ? { group: ci.owner, reason: `owner of ${ci.ref}` }
        : {
            group: context.fallbackGroup!,
            reason: `fallback group: the catalog names no owner of ${ci.ref}`,
          },
    );
  }
  if (spec === 'platform') {
    if (!context.platformGroup) {
      throw new ConflictError(
        `${stageName} needs the platform group, but itsm.changes.platformGroup is not configured`,
      );
    }
    return [{ group: context.platformGroup, reason: 'platform group' }];
  }
  return [{ group: spec, reason: `named by the approval policy` }];
}

/** One entry per group, its reasons joined (a team owning two CIs approves once). */
function mergeByGroup(
  groups: Array<{ group: string; reason: string }>,
): Array<{ group: string; reason: string }> {
  const merged = new Map<string, string[]>();
  for (const { group, reason } of groups) {
    merged.set(group, [...(merged.get(group) ?? []), reason]);
  }
  return [...merged].map(([group, reasons]) => ({
    group,
    reason: reasons.length > 1 ? joinOwnerReasons(reasons) : reasons[0],
  }));
}

function joinOwnerReasons(reasons: string[]): string {
  const refs = reasons
    .filter(r => r.startsWith('owner of '))
    .map(r => r.slice('owner of '.length));
  const rest = reasons.filter(r => !r.startsWith('owner of '));
  return [
    ...(refs.length ? [`owner of ${refs.join(', ')}`] : []),
    ...rest,
  ].join('; ');
}

/** A condition list: only the allowed values when there are some. */
const conditionList = (allowed?: readonly string[]) =>
  wholeValue(
    z.array(allowed ? z.enum(allowed as [string, ...string[]]) : z.string()),
    `must be a list${allowed ? ` of ${allowed.join(', ')}` : ' of strings'}`,
  ).optional();

const inFreeze = z.boolean({ error: 'must be true or false' }).optional();

/** A stage's fields; its condition lists are read after them (approvalStage). */
const stageFields = listsAsObjects(
  configObject(
    {
      name: nonEmptyString('must be a non-empty string'),
      when: listsAsObjects(
        configObject(
          {
            type: z.unknown().optional(),
            risk: z.unknown().optional(),
            tier: z.unknown().optional(),
            inFreeze,
            impactedTier: z.unknown().optional(),
          },
          {
            notObject: 'must be an object',
            unknownKey:
              'is not a condition; use type, risk, tier, inFreeze or impactedTier',
          },
        ),
      ).optional(),
      approvers: z
        .array(
          readWith(
            spec =>
              spec === 'owners' || spec === 'platform'
                ? spec
                : toGroupRef(spec),
            'must be owners, platform or a group ref such as group:default/dba',
          ),
          { error: 'must list owners, platform or group refs' },
        )
        .min(1, { error: 'must list owners, platform or group refs' }),
      require: z
        .enum(['each', 'any'], { error: 'must be each or any' })
        .optional(),
    },
    // Other keys of a stage are ignored.
    { notObject: 'must be an object' },
  ),
);

/**
 * A stage: its fields, then its condition lists, so that of several faults the first
 * named is the one named before the schemas.
 */
const approvalStage = stageFields
  .pipe(
    z.object({
      name: z.string(),
      when: z
        .object({
          type: conditionList(CHANGE_TYPES),
          risk: conditionList(CHANGE_RISKS),
          tier: conditionList(),
          inFreeze,
          impactedTier: conditionList(),
        })
        .optional(),
      approvers: z.array(z.string()),
      require: z.enum(['each', 'any']).optional(),
    }),
  )
  .transform(
    (stage): ApprovalStageRule => ({
      name: stage.name,
      when: {
        type: stage.when?.type as ChangeType[] | undefined,
        risk: stage.when?.risk as ChangeRisk[] | undefined,
        tier: stage.when?.tier,
        inFreeze: stage.when?.inFreeze,
        impactedTier: stage.when?.impactedTier,
      },
      approvers: stage.approvers,
      require: stage.require ?? 'each',
    }),
  );

/**
 * Reads and checks `itsm.changes.approvalPolicy` (already parsed from config), naming
 * the bad key in the error.
 */
export function parseApprovalPolicy(
  raw: unknown,
  key = 'itsm.changes.approvalPolicy',
): ApprovalStageRule[] {
  return parseConfig(
    z.array(approvalStage, { error: 'must be a list of stages' }),
    raw,
    key,
  );
}
