import { ConfigReader } from '@backstage/config';
import {
  AuthResolverContext,
  createProxyAuthRouteHandlers,
} from '@backstage/plugin-auth-node';
import {
  DEMO_USER_HEADER,
  demoUsersAuthenticator,
  isDemoSignInAllowed,
  parseDemoUserHeader,
  signInAsDemoUser,
} from './demoUsersProvider';

const bob = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'bob', namespace: 'default' },
  spec: {
    profile: { displayName: 'Bob Baker', email: 'bob@example.com' },
    memberOf: ['platform-team'],
  },
};

/** An (unsigned) token like the one the catalog sign-in issues for bob. */
const bobToken = [
  { alg: 'none' },
  {
    sub: 'user:default/bob',
    ent: ['user:default/bob', 'group:default/platform-team'],
  },
]
  .map(part => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('signature')
  .join('.');

function notFound() {
  return Object.assign(new Error('User not found'), { name: 'NotFoundError' });
}

/** A resolver context whose catalog knows only bob. */
function mockResolverContext() {
  const isBob = (query: any) => query.entityRef?.name === 'bob';
  return {
    findCatalogUser: jest.fn(async (query: any) => {
      if (!isBob(query)) throw notFound();
      return { entity: bob };
    }),
    signInWithCatalogUser: jest.fn(async (query: any) => {
      if (!isBob(query)) throw notFound();
      return { token: bobToken };
    }),
    issueToken: jest.fn(),
    resolveOwnershipEntityRefs: jest.fn(),
  } as unknown as jest.Mocked<AuthResolverContext>;
}

function request(headers: Record<string, string | string[]> = {}) {
  return { headers } as any;
}

describe('parseDemoUserHeader', () => {
  it('returns the trimmed user name', () => {
    expect(parseDemoUserHeader('alice')).toBe('alice');
    expect(parseDemoUserHeader('  bob ')).toBe('bob');
    expect(parseDemoUserHeader('team-lead-2')).toBe('team-lead-2');
  });

  it.each([undefined, '', '   '])(
    'rejects a missing name (%j) as unauthenticated',
    value => {
      expect(() => parseDemoUserHeader(value)).toThrow(
        expect.objectContaining({
          name: 'AuthenticationError',
          message: expect.stringContaining(
            `Missing ${DEMO_USER_HEADER} header`,
          ),
        }),
      );
    },
  );

  it.each([
    'Alice',
    'user:default/alice',
    'alice bob',
    '-alice',
    'alice-',
    '../alice',
    'a'.repeat(64),
  ])('rejects %j as an invalid user name', value => {
    expect(() => parseDemoUserHeader(value)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining('Invalid demo user name'),
      }),
    );
  });

  it('rejects a repeated header', () => {
    expect(() => parseDemoUserHeader(['alice', 'bob'])).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});

describe('isDemoSignInAllowed', () => {
  const empty = new ConfigReader({});
  const dangerous = new ConfigReader({
    dangerouslyAllowOutsideDevelopment: true,
  });

  it('allows development only, unless dangerously allowed', () => {
    expect(isDemoSignInAllowed(empty, 'development')).toBe(true);
    expect(isDemoSignInAllowed(empty, 'production')).toBe(false);
    expect(isDemoSignInAllowed(empty, 'test')).toBe(false);
    expect(isDemoSignInAllowed(empty, undefined)).toBe(false);
    expect(isDemoSignInAllowed(dangerous, 'production')).toBe(true);
    expect(
      isDemoSignInAllowed(
        new ConfigReader({ dangerouslyAllowOutsideDevelopment: false }),
        'development',
      ),
    ).toBe(true);
  });
});

describe('demoUsersAuthenticator', () => {
  const originalNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    (process.env as any).NODE_ENV = originalNodeEnv;
  });

  it('is disabled in production unless dangerously allowed', () => {
    (process.env as any).NODE_ENV = 'production';
    expect(
      demoUsersAuthenticator.initialize({ config: new ConfigReader({}) }),
    ).toEqual({ allowed: false });
    expect(
      demoUsersAuthenticator.initialize({
        config: new ConfigReader({ dangerouslyAllowOutsideDevelopment: true }),
      }),
    ).toEqual({ allowed: true });
    (process.env as any).NODE_ENV = 'development';
    expect(
      demoUsersAuthenticator.initialize({ config: new ConfigReader({}) }),
    ).toEqual({ allowed: true });
  });

  it('reads the user name from the header', async () => {
    await expect(
      demoUsersAuthenticator.authenticate(
        { req: request({ [DEMO_USER_HEADER]: 'carol' }) },
        { allowed: true },
      ),
    ).resolves.toEqual({ result: { userName: 'carol' } });
  });

  it('refuses to authenticate when disabled, whatever the header', async () => {
    await expect(
      demoUsersAuthenticator.authenticate(
        { req: request({ [DEMO_USER_HEADER]: 'carol' }) },
        { allowed: false },
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'auth.providers.demo.dangerouslyAllowOutsideDevelopment',
      ),
    });
  });

  it('rejects a request without the header', async () => {
    await expect(
      demoUsersAuthenticator.authenticate(
        { req: request() },
        { allowed: true },
      ),
    ).rejects.toMatchObject({ name: 'AuthenticationError' });
  });

  it("takes the profile from the catalog user, empty when it isn't there", async () => {
    const ctx = mockResolverContext();
    await expect(
      demoUsersAuthenticator.defaultProfileTransform({ userName: 'bob' }, ctx),
    ).resolves.toEqual({
      profile: {
        displayName: 'Bob Baker',
        email: 'bob@example.com',
        picture: undefined,
      },
    });
    expect(ctx.findCatalogUser).toHaveBeenCalledWith({
      entityRef: { kind: 'user', namespace: 'default', name: 'bob' },
    });
    await expect(
      demoUsersAuthenticator.defaultProfileTransform({ userName: 'zoe' }, ctx),
    ).resolves.toEqual({ profile: {} });
  });
});

describe('signInAsDemoUser', () => {
  it('signs in with the catalog user, so that ownership comes from the catalog', async () => {
    const ctx = mockResolverContext();
    await expect(
      signInAsDemoUser({ result: { userName: 'bob' }, profile: {} }, ctx),
    ).resolves.toEqual({ token: bobToken });
    expect(ctx.signInWithCatalogUser).toHaveBeenCalledWith({
      entityRef: { kind: 'user', namespace: 'default', name: 'bob' },
    });
    expect(ctx.issueToken).not.toHaveBeenCalled();
  });

  it('reports an unknown user clearly', async () => {
    await expect(
      signInAsDemoUser(
        { result: { userName: 'zoe' }, profile: {} },
        mockResolverContext(),
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining("No user 'zoe' in the catalog"),
    });
  });

  it('passes other errors on', async () => {
    const ctx = mockResolverContext();
    ctx.signInWithCatalogUser.mockRejectedValueOnce(new Error('catalog down'));
    await expect(
      signInAsDemoUser({ result: { userName: 'bob' }, profile: {} }, ctx),
    ).rejects.toThrow('catalog down');
  });
});

describe('the refresh route of the demo provider', () => {
  function handlers(nodeEnv: string) {
    const originalNodeEnv = process.env.NODE_ENV;
    (process.env as any).NODE_ENV = nodeEnv;
    try {
      return createProxyAuthRouteHandlers({
        authenticator: demoUsersAuthenticator,
        config: new ConfigReader({}),
        resolverContext: mockResolverContext(),
        signInResolver: signInAsDemoUser,
      });
    } finally {
      (process.env as any).NODE_ENV = originalNodeEnv;
    }
  }

  function response() {
    const res = { status: jest.fn(), json: jest.fn() } as any;
    res.status.mockReturnValue(res);
    return res;
  }

  it('answers with the profile and the identity of the named user', async () => {
    const res = response();
    await handlers('development').refresh!(
      request({ [DEMO_USER_HEADER]: 'bob' }),
      res,
    );
    expect(res.status).toHaveBeenCalledWith(200);
    expect(res.json).toHaveBeenCalledWith(
      expect.objectContaining({
        profile: expect.objectContaining({ displayName: 'Bob Baker' }),
        backstageIdentity: expect.objectContaining({
          token: bobToken,
          identity: {
            type: 'user',
            userEntityRef: 'user:default/bob',
            ownershipEntityRefs: [
              'user:default/bob',
              'group:default/platform-team',
            ],
          },
        }),
      }),
    );
  });

  it('refuses outside development', async () => {
    await expect(
      handlers('production').refresh!(
        request({ [DEMO_USER_HEADER]: 'bob' }),
        response(),
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});
