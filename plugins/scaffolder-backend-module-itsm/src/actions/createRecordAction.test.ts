import { InputError, NotAllowedError } from '@backstage/errors';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  APP_BASE_URL,
  startItsmTestBackend,
} from '../__testUtils__/startItsmTestBackend';
import { createItsmActions } from '.';

jest.setTimeout(60_000);

/** The user who runs the template (not the mock default user, so a missing token shows). */
const alice = mockCredentials.user('user:default/alice');

type Context = ActionContext<any, any>;

/**
 * A mock action context; createMockActionContext takes the input and the logger, and
 * these overrides (the initiator, dry run, checkpoint) are set on what it returns.
 */
function actionContext(
  input: Record<string, unknown>,
  overrides: Partial<Context> = {},
): Context {
  const logger = overrides.logger ?? mockServices.logger.mock();
  return {
    ...createMockActionContext<any>({ input, logger }),
    getInitiatorCredentials: async () => alice,
    ...overrides,
  };
}

const incidentInput = {
  title: 'Checkout returns 502',
  description: 'Since 10:00, for card payments',
  entityRef: 'component:default/payments-api',
  impact: 2,
  urgency: 1,
};

const standardChange = {
  title: 'Rotate the TLS certificate',
  entityRef: 'component:default/payments-api',
  type: 'standard',
  risk: 'low',
  plannedStart: '2026-12-08T20:00:00Z',
  plannedEnd: '2026-12-08T21:00:00Z',
  implementationPlan: 'Deploy the new certificate',
  backoutPlan: 'Redeploy the old one',
  testPlan: 'Check the served certificate',
};

describe('the ITSM create actions', () => {
  let itsm: Awaited<ReturnType<typeof startItsmTestBackend>>;

  beforeAll(async () => {
    itsm = await startItsmTestBackend();
  });
  afterAll(() => itsm.backend.stop());
  beforeEach(() => {
    itsm.received.length = 0;
    itsm.answer(request => ({
      id: `id-of-${request.path.slice(1)}`,
      number: {
        '/incidents': 'INC-000042',
        '/changes': 'CHG-000007',
        '/requests': 'REQ-000123',
      }[request.path],
    }));
  });

  /** Runs an action as alice, returning its outputs and logs. */
  const run = async (
    id: string,
    input: Record<string, unknown>,
    overrides: Partial<Context> = {},
  ) => {
    const logger = mockServices.logger.mock();
    const ctx = actionContext(input, { logger, ...overrides });
    await itsm.action(id).handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls as [string, unknown][],
    );
    const logs = logger.info.mock.calls.map(call => call[0]);
    return { outputs, logs };
  };

  it('opens an incident as the user who runs the template', async () => {
    const { outputs, logs } = await run('itsm:incident:create', incidentInput);

    expect(itsm.received).toEqual([
      {
        method: 'POST',
        path: '/incidents',
        // a token for the ITSM plugin, on behalf of alice
        authorization: mockCredentials.service.header({
          onBehalfOf: alice,
          targetPluginId: 'itsm',
        }),
        user: 'user:default/alice',
        body: incidentInput,
      },
    ]);
    expect(outputs).toEqual({
      number: 'INC-000042',
      id: 'id-of-incidents',
      path: '/itsm/incidents/INC-000042',
      url: `${APP_BASE_URL}/itsm/incidents/INC-000042`,
    });
    expect(logs).toContain(
      `Created INC-000042: ${APP_BASE_URL}/itsm/incidents/INC-000042`,
    );
  });

  it('raises a change with its type, risk, window and plans', async () => {
    const { outputs } = await run('itsm:change:create', {
      ...standardChange,
      affectedEntityRefs: ['component:default/checkout-web'],
    });

    expect(itsm.received).toHaveLength(1);
    expect(itsm.received[0]).toMatchObject({
      path: '/changes',
      user: 'user:default/alice',
      body: {
        ...standardChange,
        affectedEntityRefs: ['component:default/checkout-web'],
      },
    });
    expect(outputs).toMatchObject({
      number: 'CHG-000007',
      path: '/itsm/changes/CHG-000007',
    });
  });

  it('submits a service request for an offering with its parameters', async () => {
    const input = {
      offeringRef: 'serviceoffering:default/new-postgres-database',
      parameters: { name: 'orders', size: 'small', backups: true },
      description: 'For the orders service',
    };
    const { outputs } = await run('itsm:request:create', input);

    expect(itsm.received).toEqual([
      expect.objectContaining({ path: '/requests', body: input }),
    ]);
    expect(outputs).toMatchObject({
      number: 'REQ-000123',
      path: '/itsm/requests/REQ-000123',
    });
  });

  it('sends only the API fields, leaving out those not given', async () => {
    await run('itsm:change:create', {
      title: 'Scale out',
      entityRef: 'component:default/cart-service',
      type: 'normal',
      risk: 'moderate',
    });
    expect(itsm.received[0].body).toEqual({
      title: 'Scale out',
      entityRef: 'component:default/cart-service',
      type: 'normal',
      risk: 'moderate',
    });
  });

  describe('in a dry run', () => {
    it('logs what it would create, writes nothing and outputs placeholders', async () => {
      const { outputs, logs } = await run(
        'itsm:change:create',
        standardChange,
        {
          isDryRun: true,
        },
      );

      expect(itsm.received).toEqual([]);
      expect(outputs).toEqual({
        number: 'CHG-DRYRUN',
        id: 'dry-run',
        path: '/itsm/changes/CHG-DRYRUN',
        url: `${APP_BASE_URL}/itsm/changes/CHG-DRYRUN`,
      });
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(
        /^Dry run: would create the standard change 'Rotate the TLS certificate' on component:default\/payments-api \(risk low, planned 2026-12-08T20:00:00Z – 2026-12-08T21:00:00Z\) as user:default\/alice \(POST \/changes \{.*"type":"standard".*\}\); nothing was written to ITSM$/,
      );
    });

    it('still checks the rules of the kind', async () => {
      await expect(
        run(
          'itsm:change:create',
          {
            ...standardChange,
            risk: 'high',
            plannedEnd: '2026-12-08T19:00:00Z',
          },
          { isDryRun: true },
        ),
      ).rejects.toThrow(
        new InputError(
          'Invalid input for itsm:change:create: risk: a standard change must be low risk; raise a normal change for moderate or high risk; plannedEnd must be after plannedStart',
        ),
      );
      await expect(
        run(
          'itsm:incident:create',
          { ...incidentInput, entityRef: 'payments-api' },
          { isDryRun: true },
        ),
      ).rejects.toThrow(
        "Invalid input for itsm:incident:create: entityRef: 'payments-api' is not an entity ref (kind:namespace/name)",
      );
      expect(itsm.received).toEqual([]);
    });
  });

  it("surfaces the ITSM backend's 400 with its message", async () => {
    itsm.answer(() => {
      throw new InputError(
        'risk: a standard change must be low risk; raise a normal change for moderate or high risk',
      );
    });
    const error = await run('itsm:change:create', standardChange).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'ITSM did not create the change: POST /changes answered 400 Bad Request; caused by InputError: risk: a standard change must be low risk; raise a normal change for moderate or high risk',
    );
  });

  it("surfaces the ITSM backend's 403 with its message", async () => {
    itsm.answer(() => {
      throw new NotAllowedError(
        'A standard change is pre-approved, so only members of the owner group of each CI raise one',
      );
    });
    await expect(run('itsm:change:create', standardChange)).rejects.toThrow(
      /^ITSM did not create the change: POST \/changes answered 403 Forbidden; caused by NotAllowedError: A standard change is pre-approved/,
    );
  });

  it('does not create the record twice when a task resumes after its checkpoint', async () => {
    const keys: string[] = [];
    const resumed = async ({ key }: { key: string }) => {
      keys.push(key);
      return { id: 'id-before-restart', number: 'INC-000041' };
    };
    const { outputs } = await run('itsm:incident:create', incidentInput, {
      checkpoint: resumed as Context['checkpoint'],
    });
    expect(itsm.received).toEqual([]);
    expect(outputs).toMatchObject({
      number: 'INC-000041',
      id: 'id-before-restart',
    });

    // one checkpoint per body, so that a step run for each of several items
    // creates each of them once
    await run('itsm:incident:create', incidentInput, {
      checkpoint: resumed as Context['checkpoint'],
    });
    await run(
      'itsm:incident:create',
      { ...incidentInput, title: 'Cart is empty' },
      { checkpoint: resumed as Context['checkpoint'] },
    );
    expect(keys[0]).toMatch(/^itsm\.create\.incident\.[0-9a-f]{16}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});

describe('the ITSM create actions, on their own', () => {
  it('refuse a task that was not started by a user, asking nothing of ITSM', async () => {
    const discovery = mockServices.discovery.mock();
    const [incident] = createItsmActions({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery,
    });
    const ctx = actionContext(incidentInput, {
      getInitiatorCredentials: async () => mockCredentials.service(),
    });

    await expect(incident.handler(ctx)).rejects.toThrow(
      new NotAllowedError(
        'itsm:incident:create acts as the user who runs the template, but this task was not started by a signed-in user',
      ),
    );
    expect(discovery.getBaseUrl).not.toHaveBeenCalled();
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('output the path as the url without app.baseUrl', async () => {
    const [incident] = createItsmActions({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: mockServices.discovery(),
    });
    const ctx = actionContext(incidentInput, { isDryRun: true });
    await incident.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'url',
      '/itsm/incidents/INC-DRYRUN',
    );
  });
});
