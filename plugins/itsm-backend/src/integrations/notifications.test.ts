import { mockServices } from '@backstage/backend-test-utils';
import { Change } from '@backstage-itsm/plugin-itsm-common';
import { createChangeNotifier } from './notifications';

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
