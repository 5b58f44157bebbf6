import { mockServices } from '@backstage/backend-test-utils';
import { Change, Incident } from '@backstage-itsm/plugin-itsm-common';
import {
  createChangeNotifier,
  createIncidentNotifier,
  createSlaNotifier,
} from './notifications';

const change = {
  number: 'CHG-000007',
  kind: 'change',
  title: 'Upgrade Kafka',
  priority: 'P2',
  requester: 'user:default/bob',
  state: 'authorize',
} as Change;

describe('change notifications', () => {
  it('asks each group of the opened steps, never the requester or the actor', async () => {
    const send = jest.fn();
    const notify = createChangeNotifier({
      notifications: { send } as any,
      logger: mockServices.logger.mock(),
    });
    await notify({
      type: 'approval_requested',
      change,
      actor: 'user:default/bob',
      steps: [
        { eligibleGroups: ['group:default/platform-team'] },
        {
          eligibleGroups: ['group:default/dba', 'group:default/platform-team'],
        },
      ] as any,
    });
    expect(send.mock.calls.map(([n]) => n.recipients)).toEqual([
      {
        type: 'entity',
        entityRef: 'group:default/platform-team',
        excludeEntityRef: ['user:default/bob'],
      },
      {
        type: 'entity',
        entityRef: 'group:default/dba',
        excludeEntityRef: ['user:default/bob'],
      },
    ]);
    expect(send.mock.calls[0][0].payload).toMatchObject({
      title: 'CHG-000007 waits for your approval',
      link: '/itsm/changes/CHG-000007',
      severity: 'high',
    });
  });

  it('tells the requester of a rejection with the reason, and logs a failed send', async () => {
    const logger = mockServices.logger.mock();
    const send = jest.fn().mockRejectedValue(new Error('down'));
    const notify = createChangeNotifier({
      notifications: { send } as any,
      logger,
    });
    await notify({
      type: 'rejected',
      change,
      comment: 'Not during the sale',
      actor: 'user:default/erin',
    });
    expect(send.mock.calls[0][0]).toMatchObject({
      recipients: { entityRef: 'user:default/bob' },
      payload: { title: 'CHG-000007 was rejected: Not during the sale' },
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Could not notify user:default/bob about CHG-000007',
      ),
    );
  });
});

describe('incident notifications', () => {
  it('tells no machine caller that raised the record, and excludes none from groups', async () => {
    const send = jest.fn();
    const notify = createIncidentNotifier({
      notifications: { send } as any,
      logger: mockServices.logger.mock(),
    });
    const incident = {
      number: 'INC-000016',
      kind: 'incident',
      title: 'HighErrorRate on payments-api',
      priority: 'P2',
      requester: 'alertmanager',
      state: 'in_progress',
      assignmentGroup: 'group:default/team-payments',
    } as Incident;
    await notify({
      type: 'state_changed',
      incident,
      actor: 'alertmanager',
    } as any);
    await notify({ type: 'created', incident, actor: 'alertmanager' } as any);
    // The group hears of the new incident; the requester, a machine, hears nothing.
    expect(send.mock.calls.map(([n]) => n.recipients)).toEqual([
      {
        type: 'entity',
        entityRef: 'group:default/team-payments',
        excludeEntityRef: [],
      },
    ]);
  });
});

describe('SLA notifications', () => {
  const record = {
    id: 'r1',
    kind: 'incident' as const,
    number: 'INC-000042',
    title: 'Checkout is slow',
    priority: 'P3' as const,
    assignee: 'user:default/carol',
    assignmentGroup: 'group:default/team-payments',
  };

  it('tells the assignee and, without them, the assignment group; breaches are critical', async () => {
    const send = jest.fn();
    const notify = createSlaNotifier({
      notifications: { send } as any,
      logger: mockServices.logger.mock(),
    });
    await notify({
      type: 'sla_breached',
      record,
      metric: 'resolution',
      cycle: 1,
      dueAt: null,
    });
    expect(send.mock.calls.map(([n]) => n.recipients)).toEqual([
      {
        type: 'entity',
        entityRef: 'user:default/carol',
        excludeEntityRef: ['user:default/itsm-automation'],
      },
      {
        type: 'entity',
        entityRef: 'group:default/team-payments',
        excludeEntityRef: [
          'user:default/itsm-automation',
          'user:default/carol',
        ],
      },
    ]);
    expect(send.mock.calls[0][0].payload).toMatchObject({
      title: 'INC-000042: Resolution SLA breached',
      link: '/itsm/incidents/INC-000042',
      severity: 'critical',
      scope: 'itsm:INC-000042:sla_breached-resolution-1',
    });

    // Below the app's ITSM page when it is mounted elsewhere (itsm.pagePath).
    send.mockClear();
    await createSlaNotifier({
      notifications: { send } as any,
      logger: mockServices.logger.mock(),
      pagePath: '/service-desk',
    })({
      type: 'sla_breached',
      record,
      metric: 'resolution',
      cycle: 1,
      dueAt: null,
    });
    expect(send.mock.calls[0][0].payload.link).toBe(
      '/service-desk/incidents/INC-000042',
    );

    send.mockClear();
    await notify({
      type: 'sla_warning',
      record: { ...record, assignee: null },
      metric: 'response',
      cycle: 1,
      threshold: 0.75,
      dueAt: '2026-11-23T10:00:00.000Z',
    });
    // Unassigned: only the group hears it.
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].payload).toMatchObject({
      title: 'INC-000042: Response SLA at 75 % of its target',
      severity: 'high',
    });
  });
});
