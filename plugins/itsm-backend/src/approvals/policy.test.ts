import {
  ApprovalContext,
  DEFAULT_APPROVAL_POLICY,
  needsImpact,
  parseApprovalPolicy,
  planApprovalSteps,
} from './policy';

const context = (
  overrides: Partial<ApprovalContext> = {},
): ApprovalContext => ({
  type: 'normal',
  risk: 'low',
  tiers: [],
  inFreeze: false,
  cis: [
    { ref: 'component:default/payments-api', owner: 'group:default/payments' },
    { ref: 'resource:default/payments-db', owner: 'group:default/dba' },
    { ref: 'component:default/fraud', owner: 'group:default/payments' },
  ],
  platformGroup: 'group:default/platform',
  ...overrides,
});

const summary = (steps: ReturnType<typeof planApprovalSteps>) =>
  steps.map(
    s =>
      `${s.stage} ${s.stageName}: ${s.eligibleGroups.join('|')} (${s.reason})`,
  );

describe('the default approval policy', () => {
  it('asks each owner group once, in stage 1', () => {
    expect(
      summary(planApprovalSteps(DEFAULT_APPROVAL_POLICY, context())),
    ).toEqual([
      '1 Owner approval: group:default/payments (owner of component:default/payments-api, component:default/fraud)',
      '1 Owner approval: group:default/dba (owner of resource:default/payments-db)',
    ]);
  });

  it('adds one platform stage for high risk and for a freeze, not two', () => {
    const steps = planApprovalSteps(
      DEFAULT_APPROVAL_POLICY,
      context({ risk: 'high', inFreeze: true }),
    );
    expect(summary(steps).slice(2)).toEqual([
      '2 Platform approval: group:default/platform (platform group)',
    ]);
  });

  it('needs one approval from an owner or the platform group for an emergency, none for standard', () => {
    expect(
      summary(
        planApprovalSteps(
          DEFAULT_APPROVAL_POLICY,
          context({ type: 'emergency' }),
        ),
      ),
    ).toEqual([
      '1 Emergency approval: group:default/payments|group:default/dba|group:default/platform (any of: owner of component:default/payments-api; owner of resource:default/payments-db; owner of component:default/fraud; platform group)',
    ]);
    expect(
      planApprovalSteps(DEFAULT_APPROVAL_POLICY, context({ type: 'standard' })),
    ).toEqual([]);
  });

  it('explains what is missing to route an approval', () => {
    expect(() =>
      planApprovalSteps(
        DEFAULT_APPROVAL_POLICY,
        context({ cis: [{ ref: 'component:default/orphan' }] }),
      ),
    ).toThrow(
      'Owner approval needs the owners of the CIs, but the catalog names no owner for component:default/orphan',
    );
    expect(() =>
      planApprovalSteps(
        DEFAULT_APPROVAL_POLICY,
        context({ risk: 'high', platformGroup: undefined }),
      ),
    ).toThrow(
      'Platform approval needs the platform group, but itsm.changes.platformGroup is not configured',
    );
  });
});

describe('a configured approval policy', () => {
  const policy = parseApprovalPolicy([
    {
      name: 'CAB',
      when: { tier: ['tier-1'] },
      approvers: ['group:cab'],
      require: 'any',
    },
    {
      name: 'Owners',
      when: { type: ['normal', 'emergency'] },
      approvers: ['owners'],
    },
  ]);

  it('picks stages by the CIs’ tier and orders them as listed', () => {
    expect(
      summary(planApprovalSteps(policy, context({ tiers: ['tier-1'] }))),
    ).toEqual([
      '1 CAB: group:default/cab (any of: named by the approval policy)',
      '2 Owners: group:default/payments (owner of component:default/payments-api, component:default/fraud)',
      '2 Owners: group:default/dba (owner of resource:default/payments-db)',
    ]);
    expect(
      summary(planApprovalSteps(policy, context({ tiers: ['tier-3'] }))),
    ).toHaveLength(2);
  });

  it('adds a stage when the blast radius reaches a tier (impacts a tier-1 system)', () => {
    const impactPolicy = parseApprovalPolicy([
      { name: 'Owners', when: { type: ['normal'] }, approvers: ['owners'] },
      {
        name: 'Tier-1 impact',
        when: { type: ['normal'], impactedTier: ['tier-1'] },
        approvers: ['platform'],
      },
    ]);
    expect(needsImpact(impactPolicy)).toBe(true);
    expect(needsImpact(policy)).toBe(false);
    const stages = (impactedTiers?: string[]) => [
      ...new Set(
        planApprovalSteps(impactPolicy, context({ impactedTiers })).map(
          s => s.stageName,
        ),
      ),
    ];
    expect(stages(['tier-2', 'tier-1'])).toEqual(['Owners', 'Tier-1 impact']);
    expect(stages(['tier-2'])).toEqual(['Owners']);
    expect(stages(undefined)).toEqual(['Owners']);
  });

  it.each([
    [
      [{ name: '', approvers: ['owners'] }],
      'itsm.changes.approvalPolicy[0].name must be a non-empty string',
    ],
    [
      [{ name: 'A', approvers: [] }],
      'itsm.changes.approvalPolicy[0].approvers must list owners, platform or group refs',
    ],
    [
      [{ name: 'A', approvers: ['team x'] }],
      'itsm.changes.approvalPolicy[0].approvers[0] must be owners, platform or a group ref such as group:default/dba',
    ],
    [
      [{ name: 'A', approvers: ['owners'], when: { risk: ['huge'] } }],
      'itsm.changes.approvalPolicy[0].when.risk must be a list of low, moderate, high',
    ],
    [
      [{ name: 'A', approvers: ['owners'], when: { size: 1 } }],
      'itsm.changes.approvalPolicy[0].when.size is not a condition; use type, risk, tier, inFreeze or impactedTier',
    ],
    [
      [{ name: 'A', approvers: ['owners'], require: 'most' }],
      'itsm.changes.approvalPolicy[0].require must be each or any',
    ],
    [{}, 'itsm.changes.approvalPolicy must be a list of stages'],
  ])('rejects %j naming the bad key', (raw, message) => {
    expect(() => parseApprovalPolicy(raw)).toThrow(message);
  });
});
