import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { Knex } from 'knex';
import { ApprovalEngine } from '../approvals/ApprovalEngine';
import { ApprovalStore } from '../approvals/ApprovalStore';
import { RecordStore } from '../records/RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { person, readsAll } from '../__testUtils__/users';
import { createTestRequestService } from '../__testUtils__/services';
import { RequestService } from './RequestService';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

const alice = person('alice', ['team-payments']);
const dave = person('dave', ['team-payments']);
const bob = person('bob', ['platform']);
const carol = person('carol', ['team-storefront']);

describe.each(ids)('service requests on %s', databaseId => {
  let knex: Knex;
  let service: RequestService;
  let clock: Date;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    clock = new Date('2026-11-23T09:00:00.000Z');
    service = createTestRequestService(knex, {
      now: () => {
        clock = new Date(clock.getTime() + 1000);
        return clock;
      },
    });
  });

  const order = (
    offering: string,
    parameters: Record<string, unknown>,
    who = alice,
  ) =>
    service.create(
      { offeringRef: `serviceoffering:default/${offering}`, parameters },
      who,
    );
  const stepFor = async (number: string, group: string) =>
    (await service.approvalSteps(number)).find(
      s => s.state === 'pending' && s.eligibleGroups.includes(group),
    )!;

  it('is approved by the offering owner, then fulfilled by the owner group with a note', async () => {
    const request = await order('new-database', {
      name: 'refunds',
      size: 'small',
    });
    expect(request).toMatchObject({
      number: 'REQ-000001',
      title: 'New database',
      state: 'awaiting_approval',
      offeringRef: 'serviceoffering:default/new-database',
      offeringTitle: 'New database',
      entityRef: 'resource:default/payments-db',
      assignmentGroup: 'group:default/platform',
      parameters: { name: 'refunds', size: 'small' },
      fulfillmentTarget: 'P2D',
      dueAt: '2026-11-25T09:00:01.000Z',
    });
    const step = await stepFor(request.number, 'group:default/platform');
    expect(step).toMatchObject({ stageName: 'Owner approval' });
    // The shared approval queue shows requests too.
    const queue = await new ApprovalEngine(new ApprovalStore(knex)).pendingFor(
      bob,
      readsAll,
    );
    expect(queue.map(i => [i.record.kind, i.record.number])).toEqual([
      ['request', 'REQ-000001'],
    ]);

    const approved = await service.decide(
      request.number,
      { stepId: step.id, decision: 'approved' },
      bob,
    );
    expect(approved.state).toBe('approved');
    const working = await service.transition(
      request.number,
      { version: approved.version, to: 'in_fulfillment' },
      bob,
    );
    expect(working).toMatchObject({
      state: 'in_fulfillment',
      assignee: 'user:default/bob',
    });
    await expect(
      service.transition(
        request.number,
        { version: working.version, to: 'fulfilled' },
        bob,
      ),
    ).rejects.toThrow('note: say what was done to fulfil the request');
    const done = await service.transition(
      request.number,
      {
        version: working.version,
        to: 'fulfilled',
        note: 'Created refunds on pg-01; credentials in the vault',
      },
      bob,
    );
    expect(done).toMatchObject({
      state: 'fulfilled',
      fulfilledAt: expect.any(String),
      resolutionNote: 'Created refunds on pg-01; credentials in the vault',
    });
    const timeline = await service.timeline(request.number);
    expect(
      timeline.map(e =>
        e.type === 'state_changed' ? `${e.fromState}→${e.toState}` : e.type,
      ),
    ).toEqual([
      'created',
      'submitted→awaiting_approval',
      'approval_requested',
      'approval_decided',
      'awaiting_approval→approved',
      'approved→in_fulfillment',
      'in_fulfillment→fulfilled',
    ]);
  });

  it('refuses parameters that do not fit the offering’s form, naming each field, and stores nothing', async () => {
    const error = await order('new-database', {
      name: 'Refunds!',
      retentionDays: 90,
      colour: 'blue',
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message.split('; ').sort()).toEqual([
      'parameters.colour is not a field of this form',
      'parameters.name must match pattern "^[a-z][a-z0-9_]{2,30}$"',
      'parameters.retentionDays must be <= 35',
      'parameters.size is required',
    ]);
    await expect(
      order('new-database', { name: 'ok_name', size: 'huge' }),
    ).rejects.toThrow('parameters.size must be one of: small, medium, large');
    await expect(
      service.create(
        {
          offeringRef: 'component:default/payments-api',
          parameters: {},
        },
        alice,
      ),
    ).rejects.toThrow(
      'offeringRef: component:default/payments-api is not a service offering in the catalog',
    );
    expect(await new RecordStore(knex).count('request')).toBe(0);
  });

  it('lets only the groups the offering is available for order it', async () => {
    await expect(order('sandbox', {}, carol)).rejects.toThrow(
      new NotAllowedError(
        'Sandbox environment is not available to members of group:default/team-storefront',
      ),
    );
    await expect(order('repo-access', { role: 'read' }, bob)).rejects.toThrow(
      'Payments repository access is only available to members of group:default/team-payments, group:default/team-storefront',
    );
    // No approval: approved at once, for the owner group to fulfil.
    const sandbox = await order('sandbox', { ttlDays: 3 }, bob);
    expect(sandbox.state).toBe('approved');
    const [, moved] = await service.timeline(sandbox.number);
    expect(moved.body).toBe('Sandbox environment needs no approval');
  });

  it('asks each listed group in turn, and a rejection ends the request', async () => {
    const request = await order('repo-access', { role: 'write' }, carol);
    const payments = await stepFor(
      request.number,
      'group:default/team-payments',
    );
    const steps = await service.approvalSteps(request.number);
    expect(steps.map(s => [s.stage, s.eligibleGroups, s.state])).toEqual([
      [1, ['group:default/team-payments'], 'pending'],
      [2, ['group:default/platform'], 'waiting'],
    ]);
    await service.decide(
      request.number,
      { stepId: payments.id, decision: 'approved' },
      dave,
    );
    const platform = await stepFor(request.number, 'group:default/platform');
    const rejected = await service.decide(
      request.number,
      {
        stepId: platform.id,
        decision: 'rejected',
        comment: 'Write access only through a change',
      },
      bob,
    );
    expect(rejected).toMatchObject({
      state: 'rejected',
      resolutionNote: 'Write access only through a change',
    });
    await expect(
      service.transition(
        request.number,
        { version: rejected.version, to: 'canceled' },
        carol,
      ),
    ).rejects.toThrow(ConflictError);
  });

  it('lets the requester cancel and the owner group work it, nobody else', async () => {
    const request = await order('new-database', {
      name: 'ledger',
      size: 'large',
    });
    const step = await stepFor(request.number, 'group:default/platform');
    const approved = await service.decide(
      request.number,
      { stepId: step.id, decision: 'approved' },
      bob,
    );
    await expect(
      service.transition(
        request.number,
        { version: approved.version, to: 'in_fulfillment' },
        alice,
      ),
    ).rejects.toThrow(
      new NotAllowedError(
        'Moving REQ-000001 to in fulfilment requires membership of group:default/platform',
      ),
    );
    await expect(
      service.transition(
        request.number,
        { version: approved.version, to: 'canceled' },
        bob,
      ),
    ).rejects.toThrow(
      'Only the requester (user:default/alice) may cancel REQ-000001',
    );
    const canceled = await service.transition(
      request.number,
      { version: approved.version, to: 'canceled', note: 'Not needed' },
      alice,
    );
    expect(canceled.state).toBe('canceled');

    // Canceled while awaiting approval: its open steps go with it.
    const other = await order('new-database', { name: 'audit', size: 'small' });
    await service.transition(
      other.number,
      { version: other.version, to: 'canceled' },
      alice,
    );
    expect(
      (await service.approvalSteps(other.number)).map(s => s.state),
    ).toEqual(['canceled']);
    expect(
      (
        await service.list(
          { offeringRef: 'serviceoffering:default/new-database' },
          { limit: 10 },
        )
      ).items.map(r => r.number),
    ).toEqual(['REQ-000002', 'REQ-000001']);
  });
});
