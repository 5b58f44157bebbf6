import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ActionContext,
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
// Test only: the module calls the ITSM backend over HTTP and never imports it; here
// the real backend runs beside it to check the API contract.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import itsmPlugin from '@backstage-itsm/plugin-itsm-backend';
import scaffolderModuleItsm from '.';

jest.setTimeout(120_000);

// The actions against the real ITSM backend (its routes, validation, permissions and
// change rules; SQLite in memory, a mock catalog): the API contract as it is.

const group = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

const entities = [
  group('team-payments'),
  group('team-storefront'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-payments' }],
  },
  {
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ServiceOffering',
    metadata: { name: 'sandbox', namespace: 'default', title: 'Sandbox' },
    spec: {
      type: 'environment',
      owner: 'group:default/team-payments',
      providedBy: 'component:default/payments-api',
      approval: 'none',
      fulfillmentTarget: 'P1D',
      parameters: {
        type: 'object',
        required: ['ttlDays'],
        properties: { ttlDays: { type: 'integer', minimum: 1 } },
      },
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-payments' }],
  },
];

/** Group membership, as the auth backend would put it in each user's token. */
const MEMBERS: Record<string, string[]> = {
  'user:default/alice': ['group:default/team-payments'],
  'user:default/carol': ['group:default/team-storefront'],
};

const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref: string = credentials.principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(MEMBERS[ref] ?? [])],
      };
    },
  }),
});

const standardChange = {
  title: 'Rotate the TLS certificate',
  description: '',
  entityRef: 'component:default/payments-api',
  type: 'standard',
  risk: 'low',
  plannedStart: '2026-12-08T20:00:00.000Z',
  plannedEnd: '2026-12-08T21:00:00.000Z',
  implementationPlan: 'Deploy the new certificate',
  backoutPlan: 'Redeploy the old one',
  testPlan: 'Check the served certificate',
};

describe('the ITSM create actions against the real ITSM backend', () => {
  const actions: TemplateAction<any, any, any>[] = [];
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...added: any[]) => actions.push(...added) },
        ],
      ],
      features: [
        scaffolderModuleItsm,
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory(),
        mockServices.database.factory(),
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
        userInfo,
      ],
    });
  });
  afterAll(() => backend.stop());

  /** Runs an action as `user`; its outputs. */
  const run = async (id: string, input: object, user: string) => {
    const outputs: Record<string, unknown> = {};
    const ctx: ActionContext<any, any> = {
      ...createMockActionContext<any>({
        input,
        logger: mockServices.logger.mock(),
      }),
      output: (name, value) => {
        outputs[name as string] = value;
      },
      getInitiatorCredentials: async () => mockCredentials.user(user),
    };
    await actions.find(action => action.id === id)!.handler(ctx);
    return outputs;
  };

  /** A record as the ITSM API gives it to alice. */
  const read = async (path: string) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}/api${path}`,
      {
        headers: {
          Authorization: mockCredentials.user.header('user:default/alice'),
        },
      },
    );
    expect(response.status).toBe(200);
    return response.json();
  };

  it('raises a standard change, opens an incident and submits a request as the user', async () => {
    const change = await run(
      'itsm:change:create',
      standardChange,
      'user:default/alice',
    );
    expect(change).toEqual({
      number: 'CHG-000001',
      id: expect.any(String),
      path: '/itsm/changes/CHG-000001',
      url: 'http://localhost:3000/itsm/changes/CHG-000001',
    });
    expect(await read('/itsm/changes/CHG-000001')).toMatchObject({
      id: change.id,
      requester: 'user:default/alice',
      state: 'draft',
      type: 'standard',
      risk: 'low',
      plannedStart: '2026-12-08T20:00:00.000Z',
      assignmentGroup: 'group:default/team-payments',
    });

    const incident = await run(
      'itsm:incident:create',
      {
        title: 'Checkout returns 502',
        entityRef: 'component:default/payments-api',
        impact: 1,
        urgency: 1,
      },
      'user:default/carol',
    );
    expect(incident.path).toBe('/itsm/incidents/INC-000001');
    expect(await read('/itsm/incidents/INC-000001')).toMatchObject({
      requester: 'user:default/carol',
      priority: 'P1',
    });

    const request = await run(
      'itsm:request:create',
      {
        offeringRef: 'serviceoffering:default/sandbox',
        parameters: { ttlDays: 3 },
      },
      'user:default/alice',
    );
    expect(request.path).toBe('/itsm/requests/REQ-000001');
    expect(await read('/itsm/requests/REQ-000001')).toMatchObject({
      requester: 'user:default/alice',
      title: 'Sandbox',
      parameters: { ttlDays: 3 },
    });
  });

  it("fails with the backend's reasons: a 403 for a standard change on another team's CI, a 400 naming the bad field", async () => {
    await expect(
      run('itsm:change:create', standardChange, 'user:default/carol'),
    ).rejects.toThrow(
      'ITSM did not create the change: POST /changes answered 403 Forbidden; caused by NotAllowedError: A standard change is pre-approved, so only members of the owner group of each CI raise one: component:default/payments-api is owned by group:default/team-payments. Raise a normal change for its owners to approve.',
    );
    await expect(
      run(
        'itsm:incident:create',
        {
          title: 'Down',
          entityRef: 'component:default/no-such-thing',
          impact: 1,
          urgency: 1,
        },
        'user:default/alice',
      ),
    ).rejects.toThrow(
      'ITSM did not create the incident: POST /incidents answered 400 Bad Request; caused by InputError: entityRef: component:default/no-such-thing is not in the catalog',
    );
    await expect(
      run(
        'itsm:request:create',
        {
          offeringRef: 'serviceoffering:default/sandbox',
          parameters: { ttlDays: 0 },
        },
        'user:default/alice',
      ),
    ).rejects.toThrow(
      /answered 400 Bad Request; caused by InputError: .*ttlDays/,
    );
  });
});
