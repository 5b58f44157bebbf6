import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  Change,
  CreateChangeRequest,
  FreezeWindow,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { CatalogCis } from '../catalog/CatalogCis';
import { IncidentService } from '../incidents/IncidentService';
import { IncidentStore } from '../incidents/IncidentStore';
import { RecordStore } from '../records/RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { person, readsAll } from '../__testUtils__/users';
import { testEntities } from '../__testUtils__/catalog';
import { ChangeService } from './ChangeService';
import { createTestChangeService } from '../__testUtils__/services';
import { ApprovalEngine } from '../approvals/ApprovalEngine';
import { ApprovalStore } from '../approvals/ApprovalStore';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

const alice = person('alice', ['team-payments']);
const dave = person('dave', ['team-payments']);
const bob = person('bob', ['platform']);
const carol = person('carol', ['team-storefront']);
/** In every owner group of the test catalog: may raise standard changes on any CI. */
const operator = person('olga', [
  'team-payments',
  'platform',
  'team-storefront',
]);

const plans = {
  implementationPlan: 'Roll out with the pipeline',
  backoutPlan: 'Roll back to the previous release',
  testPlan: 'Smoke tests on /health and a test payment',
};

describe.each(ids)('changes on %s', databaseId => {
  let knex: Knex;
  let clock: Date;
  let freezeWindows: FreezeWindow[];

  const createService = () =>
    createTestChangeService(knex, {
      freezeWindows,
      now: () => {
        // Every act happens one second after the previous one.
        clock = new Date(clock.getTime() + 1000);
        return clock;
      },
    });
  let service: ChangeService;
  const pending = (who: typeof alice) =>
    new ApprovalEngine(new ApprovalStore(knex)).pendingFor(who, readsAll);

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    clock = new Date('2026-11-23T09:00:00.000Z');
    freezeWindows = [];
    service = createService();
  });

  const raise = (overrides: Partial<CreateChangeRequest> = {}, actor = alice) =>
    service.create(
      {
        title: 'Upgrade the payments API to Node 22',
        entityRef: 'component:default/payments-api',
        type: 'normal',
        risk: 'moderate',
        plannedStart: '2026-11-24T22:00:00Z',
        plannedEnd: '2026-11-24T23:00:00Z',
        ...plans,
        ...overrides,
      },
      actor,
    );

  const move = (change: Change, to: any, actor = alice, extra = {}) =>
    service.transition(
      change.number,
      { version: change.version, to, ...extra },
      actor,
    );

  /** Raises a normal change and takes it to authorize. */
  const toAuthorize = async (overrides: Partial<CreateChangeRequest> = {}) => {
    const change = await raise(overrides);
    return move(await move(change, 'assess'), 'authorize');
  };

  const pendingStep = async (change: Change, group: string) => {
    const steps = await service.approvalSteps(change.number);
    return steps.find(
      s => s.state === 'pending' && s.eligibleGroups.includes(group),
    )!;
  };

  it('goes draft → assess → authorize → scheduled → implement → review → closed', async () => {
    const created = await raise();
    expect(created).toMatchObject({
      number: 'CHG-000001',
      state: 'draft',
      priority: 'P3',
      assignmentGroup: 'group:default/team-payments',
      plannedStart: '2026-11-24T22:00:00.000Z',
      version: 1,
    });
    const authorizing = await toAuthorize();
    expect(authorizing.state).toBe('authorize');
    const steps = await service.approvalSteps(authorizing.number);
    expect(steps).toEqual([
      expect.objectContaining({
        round: 1,
        stage: 1,
        stageName: 'Owner approval',
        eligibleGroups: ['group:default/team-payments'],
        reason: 'owner of component:default/payments-api',
        state: 'pending',
      }),
    ]);

    const scheduled = await service.decide(
      authorizing.number,
      { stepId: steps[0].id, decision: 'approved', comment: 'Go' },
      dave,
    );
    expect(scheduled.state).toBe('scheduled');
    const implementing = await move(scheduled, 'implement');
    expect(implementing.actualStart).not.toBeNull();
    const reviewing = await move(implementing, 'review');
    expect(reviewing.actualEnd).not.toBeNull();
    await expect(move(reviewing, 'closed')).rejects.toThrow(
      'closeCode is required to close',
    );
    const closed = await move(reviewing, 'closed', alice, {
      closeCode: 'successful',
      closeNotes: 'No errors after rollout',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      closeCode: 'successful',
      closeNotes: 'No errors after rollout',
    });

    const timeline = await service.timeline(closed.number);
    expect(
      timeline.map(e =>
        e.type === 'state_changed' ? `${e.fromState}→${e.toState}` : e.type,
      ),
    ).toEqual([
      'created',
      'draft→assess',
      'assess→authorize',
      'approval_requested',
      'approval_decided',
      'authorize→scheduled',
      'scheduled→implement',
      'implement→review',
      'review→closed',
    ]);
    const decided = timeline.find(e => e.type === 'approval_decided')!;
    expect(decided).toMatchObject({ actor: dave.ref, body: 'Go' });
    expect(timeline.map(e => e.seq)).toEqual(timeline.map((_, i) => i + 1));
  });

  it('skips assess and authorize for standard changes and assess for emergencies', async () => {
    const standard = await raise({ type: 'standard', risk: 'low' });
    await expect(move(standard, 'assess')).rejects.toThrow(ConflictError);
    const scheduled = await move(standard, 'scheduled');
    expect(scheduled.state).toBe('scheduled');
    expect(await service.approvalSteps(scheduled.number)).toEqual([]);

    const emergency = await raise({ type: 'emergency', risk: 'high' });
    expect(emergency.priority).toBe('P1');
    const authorizing = await move(emergency, 'authorize');
    const [step] = await service.approvalSteps(authorizing.number);
    expect(step).toMatchObject({
      stageName: 'Emergency approval',
      eligibleGroups: ['group:default/platform', 'group:default/team-payments'],
    });
    // One approval from either the owners or the platform group is enough.
    const approved = await service.decide(
      emergency.number,
      { stepId: step.id, decision: 'approved' },
      bob,
    );
    expect(approved.state).toBe('scheduled');
  });

  it('lets only members of every CI owner group raise standard changes, and only low risk', async () => {
    await expect(raise({ type: 'standard', risk: 'moderate' })).rejects.toThrow(
      'risk: a standard change must be low risk; raise a normal change for moderate or high risk',
    );
    const foreign = raise({
      type: 'standard',
      risk: 'low',
      affectedEntityRefs: ['component:default/cart-service'],
    });
    await expect(foreign).rejects.toThrow(NotAllowedError);
    await expect(foreign).rejects.toThrow(
      /only members of the owner group of each CI raise one: component:default\/cart-service is owned by group:default\/team-storefront\./,
    );
    const own = await raise(
      {
        type: 'standard',
        risk: 'low',
        entityRef: 'component:default/cart-service',
      },
      carol,
    );
    expect(own.type).toBe('standard');
    // Re-planning into a standard change is held to the same rules.
    const normal = await raise({
      risk: 'low',
      affectedEntityRefs: ['component:default/cart-service'],
    });
    await expect(
      service.update(
        normal.number,
        { version: normal.version, type: 'standard' },
        alice,
      ),
    ).rejects.toThrow(NotAllowedError);
    const mine = await raise({ risk: 'moderate' });
    await expect(
      service.update(
        mine.number,
        { version: mine.version, type: 'standard' },
        alice,
      ),
    ).rejects.toThrow(InputError);
    expect(
      (
        await service.update(
          mine.number,
          { version: mine.version, type: 'standard', risk: 'low' },
          alice,
        )
      ).type,
    ).toBe('standard');
  });

  it('lets one person approve one stage of a round only (four eyes), unless configured', async () => {
    const erin = person('erin', ['platform']);
    const raiseHighRiskDbChange = async () => {
      const change = await toAuthorize({
        risk: 'high',
        entityRef: 'resource:default/payments-db',
      });
      return { change, steps: await service.approvalSteps(change.number) };
    };
    const { change, steps } = await raiseHighRiskDbChange();
    expect(steps.map(s => [s.stageName, s.eligibleGroups])).toEqual([
      ['Owner approval', ['group:default/platform']],
      ['Platform approval', ['group:default/platform']],
    ]);
    await service.decide(
      change.number,
      { stepId: steps[0].id, decision: 'approved' },
      bob,
    );
    // Bob approved as owner: the platform stage waits for someone else, and his
    // queue does not offer it.
    expect(await pending(bob)).toEqual([]);
    expect((await pending(erin)).map(i => i.step.id)).toEqual([steps[1].id]);
    await expect(
      service.decide(
        change.number,
        { stepId: steps[1].id, decision: 'approved' },
        bob,
      ),
    ).rejects.toThrow(
      `user:default/bob approved Owner approval of ${change.number}; Platform approval needs a second person (four eyes)`,
    );
    const scheduled = await service.decide(
      change.number,
      { stepId: steps[1].id, decision: 'approved' },
      erin,
    );
    expect(scheduled.state).toBe('scheduled');

    service = createTestChangeService(knex, { oneStagePerApprover: false });
    const other = await raiseHighRiskDbChange();
    for (const step of other.steps)
      await service.decide(
        other.change.number,
        { stepId: step.id, decision: 'approved' },
        bob,
      );
    expect((await service.get(other.change.number)).state).toBe('scheduled');
  });

  it('routes the work and approvals of CIs owned by a user or a missing group to the fallback group, and says so', async () => {
    const byUser = await raise({ entityRef: 'component:default/legacy-batch' });
    expect(byUser.assignmentGroup).toBe('group:default/platform');
    const [created] = await service.timeline(byUser.number);
    expect(created.body).toBe(
      'component:default/legacy-batch is owned by the user user:default/dave, not a group: routed to group:default/platform',
    );
    const authorizing = await move(await move(byUser, 'assess'), 'authorize');
    const [step] = await service.approvalSteps(authorizing.number);
    // The owning user decides, and so may the fallback group.
    expect(step.eligibleGroups).toEqual([
      'group:default/platform',
      'user:default/dave',
    ]);
    expect(step.reason).toBe(
      'owner of component:default/legacy-batch (user:default/dave is a user, not a group: group:default/platform decides too)',
    );
    expect((await pending(dave)).map(i => i.step.id)).toEqual([step.id]);
    expect(
      (
        await service.decide(
          authorizing.number,
          { stepId: step.id, decision: 'approved' },
          dave,
        )
      ).state,
    ).toBe('scheduled');
    const timeline = await service.timeline(authorizing.number);
    expect(timeline.find(e => e.type === 'approval_requested')?.body).toContain(
      'group:default/platform decides too',
    );

    const orphan = await toAuthorize({
      entityRef: 'component:default/orphan-service',
    });
    const [orphanStep] = await service.approvalSteps(orphan.number);
    expect(orphan.assignmentGroup).toBe('group:default/platform');
    expect(orphanStep.eligibleGroups).toEqual(['group:default/platform']);
    expect(orphanStep.reason).toContain(
      'group:default/ghosts is not a group in the catalog: group:default/platform decides too',
    );

    // Without a fallback group, a step nobody can decide is refused before it opens.
    service = createTestChangeService(knex, { fallbackGroup: null });
    const stuck = await move(
      await raise({ entityRef: 'component:default/orphan-service' }),
      'assess',
    );
    expect(stuck.assignmentGroup).toBeNull();
    await expect(move(stuck, 'authorize')).rejects.toThrow(
      'Owner approval cannot be routed: group:default/ghosts is not a group in the catalog, and no fallback group is configured (itsm.routing.fallbackGroup)',
    );
  });

  it('guards authorisation, plan edits and stale versions', async () => {
    const change = await raise({
      implementationPlan: '',
      testPlan: ' ',
      plannedEnd: undefined,
    });
    const assessing = await move(change, 'assess');
    const error = await move(assessing, 'authorize').catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'plannedStart and plannedEnd are required before scheduling; implementationPlan is required before authorisation; testPlan is required before authorisation',
    );
    await expect(
      service.update(
        change.number,
        {
          version: assessing.version,
          plannedStart: '2026-11-25T10:00:00Z',
          plannedEnd: '2026-11-25T09:00:00Z',
        },
        alice,
      ),
    ).rejects.toThrow('plannedEnd must be after plannedStart');
    const planned = await service.update(
      change.number,
      {
        version: assessing.version,
        plannedEnd: '2026-11-24T23:30:00+01:00',
        implementationPlan: 'Deploy',
        testPlan: 'Test',
        risk: 'high',
      },
      alice,
    );
    expect(planned).toMatchObject({
      plannedEnd: '2026-11-24T22:30:00.000Z',
      priority: 'P2',
      version: assessing.version + 1,
    });
    await expect(move(assessing, 'authorize')).rejects.toThrow(/stale/);
    const authorizing = await move(planned, 'authorize');
    await expect(
      service.update(
        change.number,
        { version: authorizing.version, risk: 'low' },
        alice,
      ),
    ).rejects.toThrow(
      /The plan \(risk\) of CHG-000001 can only change in draft or assess; it is authorize/,
    );
    // The title is not the plan: it may change in any open state.
    const renamed = await service.update(
      change.number,
      { version: authorizing.version, title: 'Node 22 for payments' },
      alice,
    );
    expect(renamed.title).toBe('Node 22 for payments');
  });

  it('routes approvals to the owner group of each CI, then to the platform group for high risk', async () => {
    const change = await toAuthorize({
      risk: 'high',
      affectedEntityRefs: ['component:default/cart-service'],
    });
    const steps = await service.approvalSteps(change.number);
    expect(
      steps.map(s => [s.stage, s.stageName, s.eligibleGroups, s.state]),
    ).toEqual([
      [1, 'Owner approval', ['group:default/team-storefront'], 'pending'],
      [1, 'Owner approval', ['group:default/team-payments'], 'pending'],
      [2, 'Platform approval', ['group:default/platform'], 'waiting'],
    ]);
    const platform = steps[2];
    await expect(
      service.decide(
        change.number,
        { stepId: platform.id, decision: 'approved' },
        bob,
      ),
    ).rejects.toThrow(
      /Platform approval of CHG-000001 opens once the earlier stages are approved/,
    );

    let current = await service.decide(
      change.number,
      { stepId: steps[0].id, decision: 'approved' },
      carol,
    );
    expect(current.state).toBe('authorize');
    current = await service.decide(
      change.number,
      { stepId: steps[1].id, decision: 'approved' },
      dave,
    );
    expect(current.state).toBe('authorize');
    expect((await pendingStep(current, 'group:default/platform')).id).toBe(
      platform.id,
    );
    // The queue of a platform member shows it; the requester's queue never does.
    expect((await pending(bob)).map(i => i.record.number)).toEqual([
      'CHG-000001',
    ]);
    expect(await pending(alice)).toEqual([]);
    current = await service.decide(
      change.number,
      { stepId: platform.id, decision: 'approved' },
      bob,
    );
    expect(current.state).toBe('scheduled');
    expect(await pending(bob)).toEqual([]);
  });

  it('refuses self-approval, non-members and decided steps', async () => {
    const change = await toAuthorize();
    const step = await pendingStep(change, 'group:default/team-payments');
    const self = await service
      .decide(change.number, { stepId: step.id, decision: 'approved' }, alice)
      .catch(e => e);
    expect(self).toBeInstanceOf(NotAllowedError);
    expect(self.message).toBe(
      'user:default/alice requested CHG-000001 and cannot approve it',
    );
    const outsider = await service
      .decide(change.number, { stepId: step.id, decision: 'approved' }, carol)
      .catch(e => e);
    expect(outsider).toBeInstanceOf(NotAllowedError);
    expect(outsider.message).toBe(
      'Deciding Owner approval of CHG-000001 requires membership of group:default/team-payments',
    );
    expect(await pending(carol)).toEqual([]);
    expect((await pending(dave)).map(i => i.step.id)).toEqual([step.id]);

    await service.decide(
      change.number,
      { stepId: step.id, decision: 'approved' },
      dave,
    );
    // Scheduled now: a second decision is refused as a conflict.
    await expect(
      service.decide(
        change.number,
        { stepId: step.id, decision: 'rejected', comment: 'no' },
        dave,
      ),
    ).rejects.toThrow(
      'CHG-000001 is not waiting for approval: it is scheduled',
    );
  });

  it('returns a rejected change to draft with the reason and starts a new round next time', async () => {
    const change = await toAuthorize({
      affectedEntityRefs: ['component:default/cart-service'],
    });
    const storefront = await pendingStep(
      change,
      'group:default/team-storefront',
    );
    await expect(
      service.decide(
        change.number,
        { stepId: storefront.id, decision: 'rejected' },
        carol,
      ),
    ).rejects.toThrow('comment: a reason is required to reject');
    const rejected = await service.decide(
      change.number,
      {
        stepId: storefront.id,
        decision: 'rejected',
        comment: 'Not during the cart migration',
      },
      carol,
    );
    expect(rejected.state).toBe('draft');
    const steps = await service.approvalSteps(change.number);
    expect(steps.map(s => s.state).sort()).toEqual(['canceled', 'rejected']);
    const timeline = await service.timeline(change.number);
    expect(timeline[timeline.length - 1]).toMatchObject({
      type: 'state_changed',
      fromState: 'authorize',
      toState: 'draft',
      body: 'Rejected by user:default/carol: Not during the cart migration',
    });

    const again = await move(await move(rejected, 'assess'), 'authorize');
    const round2 = (await service.approvalSteps(again.number)).filter(
      s => s.round === 2,
    );
    expect(round2).toHaveLength(2);
    // A step of the old round can no longer be decided.
    const old = steps.find(s => s.state === 'canceled')!;
    await expect(
      service.decide(
        again.number,
        { stepId: old.id, decision: 'approved' },
        dave,
      ),
    ).rejects.toThrow(/no longer open/);
  });

  describe('freeze windows', () => {
    const freeze: FreezeWindow = {
      name: 'Black Friday',
      start: '2026-11-27T00:00:00.000Z',
      end: '2026-11-30T00:00:00.000Z',
      systems: ['system:default/payments'],
    };
    const inFreeze = {
      plannedStart: '2026-11-28T22:00:00Z',
      plannedEnd: '2026-11-28T23:00:00Z',
    };

    it('add a platform stage to normal changes and block standard ones', async () => {
      freezeWindows = [freeze];
      service = createService();
      const normal = await toAuthorize(inFreeze);
      const steps = await service.approvalSteps(normal.number);
      expect(steps.map(s => [s.stageName, s.state])).toEqual([
        ['Owner approval', 'pending'],
        ['Platform approval', 'waiting'],
      ]);
      expect(
        (await service.conflicts(normal.number, alice, undefined)).freezes,
      ).toEqual([freeze]);

      const standard = await raise({
        type: 'standard',
        risk: 'low',
        ...inFreeze,
      });
      const error = await move(standard, 'scheduled').catch(e => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(
        /^CHG-000002 cannot be scheduled: its window falls into the freeze 'Black Friday' \(2026-11-27T00:00:00.000Z – 2026-11-30T00:00:00.000Z\)\. A standard change/,
      );
      // Outside the freeze's systems, or outside its period, nothing is blocked.
      const elsewhere = await raise(
        {
          type: 'standard',
          risk: 'low',
          entityRef: 'component:default/cart-service',
          ...inFreeze,
        },
        operator,
      );
      expect((await move(elsewhere, 'scheduled')).state).toBe('scheduled');

      // Emergencies are not held by a freeze.
      const emergency = await raise({ type: 'emergency', ...inFreeze });
      const authorizing = await move(emergency, 'authorize');
      const [step] = await service.approvalSteps(authorizing.number);
      expect(
        (
          await service.decide(
            emergency.number,
            { stepId: step.id, decision: 'approved' },
            dave,
          )
        ).state,
      ).toBe('scheduled');
    });

    it('ask the platform group when a freeze appears after approval started', async () => {
      const change = await toAuthorize(inFreeze);
      const step = await pendingStep(change, 'group:default/team-payments');
      freezeWindows = [freeze];
      service = createService();
      const held = await service.decide(
        change.number,
        { stepId: step.id, decision: 'approved' },
        dave,
      );
      expect(held.state).toBe('authorize');
      const platform = await pendingStep(held, 'group:default/platform');
      expect(platform).toMatchObject({
        stage: 2,
        stageName: 'Platform approval',
        reason: expect.stringContaining("the freeze 'Black Friday'"),
      });
      const scheduled = await service.decide(
        change.number,
        { stepId: platform.id, decision: 'approved' },
        bob,
      );
      expect(scheduled.state).toBe('scheduled');
    });
  });

  it('finds committed changes whose windows overlap on the same CIs or their dependencies', async () => {
    const schedule = async (overrides: Partial<CreateChangeRequest>) =>
      move(
        await raise({ type: 'standard', risk: 'low', ...overrides }, operator),
        'scheduled',
      );
    const db = await schedule({
      title: 'Failover payments-db',
      entityRef: 'resource:default/payments-db',
      plannedStart: '2026-11-24T21:30:00Z',
      plannedEnd: '2026-11-24T23:00:00Z',
    });
    const sameCi = await schedule({
      title: 'Rotate payments API keys',
      plannedStart: '2026-11-24T22:45:00Z',
      plannedEnd: '2026-11-24T23:15:00Z',
    });
    // Overlapping, but on an unrelated CI; and on the same CI but another time.
    await schedule({
      entityRef: 'component:default/cart-service',
      plannedStart: '2026-11-24T22:00:00Z',
      plannedEnd: '2026-11-24T23:00:00Z',
    });
    await schedule({
      plannedStart: '2026-11-25T22:00:00Z',
      plannedEnd: '2026-11-25T23:00:00Z',
    });
    // A draft occupies nothing yet.
    await raise({ entityRef: 'resource:default/payments-db' });

    const change = await raise();
    const { conflicts } = await service.conflicts(
      change.number,
      alice,
      undefined,
    );
    expect(
      conflicts.map(c => [c.change.number, c.entityRefs, c.reason]),
    ).toEqual([
      [
        db.number,
        ['resource:default/payments-db'],
        'component:default/payments-api depends on resource:default/payments-db',
      ],
      [
        sameCi.number,
        ['component:default/payments-api'],
        'both change component:default/payments-api',
      ],
    ]);
    // And the other way round: the database change sees the committed API change that
    // depends on it (through the catalog's dependencyOf relation).
    const dbView = await service.conflicts(db.number, alice, undefined);
    expect(dbView.conflicts.map(c => c.reason)).toEqual([
      'component:default/payments-api depends on resource:default/payments-db',
    ]);
  });

  it('shows changes and freezes in a calendar range, filtered by CI', async () => {
    freezeWindows = [
      {
        name: 'Black Friday',
        start: '2026-11-27T00:00:00.000Z',
        end: '2026-11-30T00:00:00.000Z',
        systems: ['system:default/payments'],
      },
    ];
    service = createService();
    await raise({ title: 'In range' });
    await raise({
      title: 'Other CI',
      entityRef: 'component:default/cart-service',
    });
    await raise({
      title: 'Later',
      plannedStart: '2026-12-10T10:00:00Z',
      plannedEnd: '2026-12-10T11:00:00Z',
    });
    const all = await service.calendar(
      { from: '2026-11-23T00:00:00Z', to: '2026-12-01T00:00:00Z' },
      alice,
    );
    expect(all.changes.map(c => c.title).sort()).toEqual([
      'In range',
      'Other CI',
    ]);
    expect(all.freezes.map(f => f.name)).toEqual(['Black Friday']);
    const cart = await service.calendar(
      {
        from: '2026-11-23T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
        entityRef: 'component:default/cart-service',
      },
      alice,
    );
    expect(cart.changes.map(c => c.title)).toEqual(['Other CI']);
    expect(cart.freezes).toEqual([]);
  });

  it('links incidents to the change that caused them', async () => {
    const records = new RecordStore(knex);
    const incidents = new IncidentService({
      records,
      incidents: new IncidentStore(records),
      cis: new CatalogCis(catalogServiceMock({ entities: testEntities })),
    });
    const change = await raise();
    const incident = await incidents.create(
      {
        title: 'Payments 502 after the upgrade',
        entityRef: 'component:default/payments-api',
        impact: 1,
        urgency: 1,
      },
      alice,
    );
    const linked = await incidents.update(
      incident.number,
      { version: incident.version, causedByChange: change.number },
      dave,
    );
    expect(linked.causedByChange).toBe('CHG-000001');
    expect(await service.causedIncidents(change.number, undefined)).toEqual([
      expect.objectContaining({ number: incident.number, priority: 'P1' }),
    ]);
    const changeTimeline = await service.timeline(change.number);
    expect(changeTimeline[changeTimeline.length - 1]).toMatchObject({
      type: 'link_added',
      actor: dave.ref,
      body: `${incident.number} (Payments 502 after the upgrade) was linked as caused by this change`,
    });
    const unlinked = await incidents.update(
      incident.number,
      { version: linked.version, causedByChange: null },
      dave,
    );
    expect(unlinked.causedByChange).toBeNull();
    await expect(
      incidents.update(
        incident.number,
        { version: unlinked.version, causedByChange: 'CHG-999999' },
        dave,
      ),
    ).rejects.toThrow('No change CHG-999999');
  });
});
