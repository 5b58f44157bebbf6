import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory, eventsServiceRef } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { testItsmConfig } from '../__testUtils__/backend';
import { testEntities } from '../__testUtils__/catalog';
import { as, userInfoFactory } from '../__testUtils__/users';
import { recordEventPayload } from './recordEvents';

jest.setTimeout(60_000);

/** What another backend plugin hears on the events service, by topic. */
const heard: Array<{ topic: string; eventPayload: any }> = [];
const listener = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'test-listener',
  register(env) {
    env.registerInit({
      deps: { events: eventsServiceRef, logger: coreServices.logger },
      async init({ events }) {
        await events.subscribe({
          id: 'itsm-test-listener',
          topics: ['itsm.record', 'signals'],
          onEvent: async event => {
            heard.push(event as any);
          },
        });
      },
    });
  },
});

const until = async (found: () => boolean) => {
  for (let i = 0; i < 100 && !found(); i++)
    await new Promise(r => setTimeout(r, 50));
  expect(found()).toBe(true);
};

describe('record events and signals', () => {
  it('publishes what happens to records on the events service (itsm.record) and as signals (itsm:record)', async () => {
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        listener,
        eventsServiceFactory,
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({ data: { itsm: testItsmConfig } }),
        userInfoFactory,
      ],
    });
    const created = await request(server)
      .post('/api/itsm/incidents')
      .set(as('alice'))
      .send({
        title: 'Refunds stuck',
        entityRef: 'component:default/payments-api',
        impact: 2,
        urgency: 2,
      });
    expect(created.status).toBe(201);
    const moved = await request(server)
      .post(`/api/itsm/incidents/${created.body.number}/transitions`)
      .set(as('alice'))
      .send({ to: 'in_progress', version: created.body.version });
    expect(moved.status).toBe(200);

    const records = () =>
      heard.filter(e => e.topic === 'itsm.record').map(e => e.eventPayload);
    await until(() => records().length >= 2);
    expect(records()).toEqual([
      expect.objectContaining({
        type: 'created',
        kind: 'incident',
        id: created.body.id,
        number: created.body.number,
        title: 'Refunds stuck',
        state: 'new',
        priority: 'P3',
        entityRefs: ['component:default/payments-api'],
        assignmentGroup: 'group:default/team-payments',
        actor: 'user:default/alice',
      }),
      expect.objectContaining({
        type: 'moved',
        from: 'new',
        state: 'in_progress',
        number: created.body.number,
      }),
    ]);
    // The signals carry the kind and id only: they are broadcast.
    await until(
      () => heard.filter(e => e.topic === 'signals').length >= 2,
    );
    const signal = heard.find(e => e.topic === 'signals')!.eventPayload;
    expect(signal).toMatchObject({
      recipients: { type: 'broadcast' },
      channel: 'itsm:record',
      message: { kind: 'incident', id: created.body.id },
    });
    expect(Object.keys(signal.message).sort()).toEqual(['id', 'kind']);
  });

  it('tells an approval, a rejection and other moves apart', () => {
    const change = (state: string) => ({
      id: 'c1',
      number: 'CHG-000001',
      title: 'Upgrade',
      state,
      priority: 'P3',
      entityRef: 'component:default/payments-api',
      affectedEntityRefs: [],
      assignmentGroup: null,
    });
    const at = '2026-12-01T12:00:00.000Z';
    const typeOf = (from: string, to: string) =>
      recordEventPayload(
        'change',
        { type: 'state_changed', actor: 'user:default/bob', from, change: change(to) },
        at,
      ).type;
    expect(typeOf('authorize', 'scheduled')).toBe('approved');
    expect(typeOf('authorize', 'draft')).toBe('moved');
    expect(typeOf('scheduled', 'implement')).toBe('moved');
    expect(
      recordEventPayload(
        'request',
        {
          type: 'state_changed',
          actor: 'user:default/bob',
          from: 'awaiting_approval',
          request: { ...change('rejected'), number: 'REQ-000001' },
        },
        at,
      ).type,
    ).toBe('rejected');
    expect(
      recordEventPayload(
        'change',
        { type: 'rejected', actor: 'user:default/bob', change: change('draft') },
        at,
      ).type,
    ).toBe('rejected');
  });
});
