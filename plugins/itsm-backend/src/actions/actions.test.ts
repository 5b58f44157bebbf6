import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  actionsServiceRef,
  ActionsService,
} from '@backstage/backend-plugin-api/alpha';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itsmPlugin } from '../plugin';
import {
  INVOLVED_ONLY_PERMISSIONS,
  testItsmConfig,
} from '../__testUtils__/backend';
import { testEntities } from '../__testUtils__/catalog';
import { permissionFramework } from '../__testUtils__/permissionFramework';
import { userInfoFactory } from '../__testUtils__/users';

jest.setTimeout(60_000);

/** The actions service as the MCP actions backend uses it (another plugin's). */
let actions: ActionsService;
const mcpClient = createBackendModule({
  pluginId: 'mcp-actions',
  moduleId: 'test-client',
  register(env) {
    env.registerInit({
      deps: { service: actionsServiceRef, logger: coreServices.logger },
      async init({ service }) {
        actions = service;
      },
    });
  },
});
const user = (name: string) => mockCredentials.user(`user:default/${name}`);

// The ITSM actions through Backstage's actions service, under the real permission
// framework with the ITSM policy (only the people involved read a record).
describe('the ITSM actions', () => {
  beforeAll(async () => {
    await startTestBackend({
      features: [
        itsmPlugin,
        mcpClient,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        ...permissionFramework(),
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['itsm'] } },
            permission: { enabled: true },
            itsm: {
              ...testItsmConfig,
              permissions: INVOLVED_ONLY_PERMISSIONS,
            },
          },
        }),
        userInfoFactory,
      ],
    });
  });

  const invoke = (name: string, input: object, as = 'alice') =>
    actions.invoke({
      id: `itsm:${name}`,
      input: input as any,
      credentials: user(as),
    });

  it('lists the six actions with their schemas', async () => {
    const { actions: listed } = await actions.list({ credentials: user('alice') });
    expect(listed.map(a => [a.id, a.attributes.readOnly]).sort()).toEqual([
      ['itsm:comment', false],
      ['itsm:entity-sla', true],
      ['itsm:find-incidents', true],
      ['itsm:get-record', true],
      ['itsm:open-incident', false],
      ['itsm:pending-approvals', true],
    ]);
    const open = listed.find(a => a.id === 'itsm:open-incident')!;
    expect(open.schema.input).toMatchObject({
      required: expect.arrayContaining(['title', 'entityRef', 'impact', 'urgency']),
    });
  });

  it('opens, finds, comments on and reads an incident as the calling user', async () => {
    const { output: opened } = (await invoke('open-incident', {
      title: 'Refunds stuck in pending',
      entityRef: 'component:default/payments-api',
      impact: 2,
      urgency: 1,
    })) as any;
    expect(opened.incident).toMatchObject({
      kind: 'incident',
      state: 'new',
      priority: 'P2',
      assignmentGroup: 'group:default/team-payments',
    });
    const { number } = opened.incident;

    const found = (await invoke('find-incidents', {
      entityRef: 'component:default/payments-api',
    })) as any;
    expect(found.output.incidents.map((i: any) => i.number)).toContain(number);

    await invoke('comment', { number, body: 'Looking at the refund worker' });
    await invoke('comment', {
      number,
      body: 'Worker queue is stuck',
      visibility: 'work_note',
    });
    const { output: read } = (await invoke('get-record', { number })) as any;
    expect(read.record.number).toBe(number);
    expect(read.timeline.map((e: any) => [e.type, e.body ?? null])).toEqual([
      ['created', null],
      ['comment', 'Looking at the refund worker'],
      ['work_note', 'Worker queue is stuck'],
    ]);
    // The actor is the user, not the plugin.
    expect(read.timeline[1].actor).toBe('user:default/alice');

    const sla = (await invoke('entity-sla', {
      entityRef: 'component:default/payments-api',
    })) as any;
    expect(sla.output.sla).toHaveProperty('openBreaches');
    const approvals = (await invoke('pending-approvals', {})) as any;
    expect(approvals.output.approvals).toEqual([]);
  });

  it('refuses what the user may not do: carol is not involved in alice’s incident', async () => {
    const { output } = (await invoke('open-incident', {
      title: 'Card declines',
      entityRef: 'component:default/payments-api',
      impact: 3,
      urgency: 3,
    })) as any;
    await expect(
      invoke('get-record', { number: output.incident.number }, 'carol'),
    ).rejects.toThrow(/404|not found/i);
    await expect(
      invoke(
        'comment',
        { number: output.incident.number, body: 'hi', visibility: 'work_note' },
        'carol',
      ),
    ).rejects.toThrow();
    const found = (await invoke(
      'find-incidents',
      { entityRef: 'component:default/payments-api' },
      'carol',
    )) as any;
    expect(found.output.incidents).toEqual([]);
    // Not a record number: a 400 (the action's InputError).
    await expect(invoke('get-record', { number: 'XYZ-1' })).rejects.toThrow(
      /400/,
    );
  });
});
