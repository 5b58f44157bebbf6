/**
 * Development-only "demo users" sign-in: the browser names a user of the demo catalog
 * (examples/org.yaml) in a request header and is signed in as that catalog user, with
 * the group memberships (ownership refs) the catalog gives it.
 *
 * It trusts the header blindly, so, like Backstage's guest provider, it refuses to
 * authenticate outside NODE_ENV=development unless
 * `auth.providers.demo.dangerouslyAllowOutsideDevelopment: true` is set, and it is only
 * served when `auth.providers.demo` is present in the config.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/** The auth provider id: served under /api/auth/demo (GET or POST /refresh). */
export const DEMO_PROVIDER_ID = 'demo';

/** The request header naming the user to sign in as, e.g. `x-itsm-demo-user: alice`. */
export const DEMO_USER_HEADER = 'x-itsm-demo-user';

/** Lowercase letters, digits and inner dashes, like the user names in examples/org.yaml. */
const USER_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** What the authenticator hands to the profile transform and the sign-in resolver. */
export type DemoUserResult = { userName: string };

type DemoUsersContext = { allowed: boolean };

/**
 * Whether the provider may sign anyone in: only in development, unless the provider's
 * config sets `dangerouslyAllowOutsideDevelopment: true`.
 */
export function isDemoSignInAllowed(
  providerConfig: Config,
  nodeEnv: string | undefined = process.env.NODE_ENV,
): boolean {
  return (
    nodeEnv === 'development' ||
    providerConfig.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
      true
  );
}

/**
 * The user name from the header value (as Node gives it: a string, an array when
 * repeated, or undefined), trimmed and validated. Throws an AuthenticationError (401)
 * when it is missing and an InputError (400) when it is not a plain user name.
 */
export function parseDemoUserHeader(
  value: string | string[] | undefined,
): string {
  if (Array.isArray(value)) {
    throw new InputError(
      `The ${DEMO_USER_HEADER} header must be given once, it was given ${value.length} times`,
    );
  }
  const userName = value?.trim();
  if (!userName) {
    throw new AuthenticationError(
      `Missing ${DEMO_USER_HEADER} header: name the demo user to sign in as, e.g. '${DEMO_USER_HEADER}: alice'`,
    );
  }
  if (!USER_NAME_PATTERN.test(userName)) {
    throw new InputError(
      `Invalid demo user name ${JSON.stringify(
        userName.slice(0, 64),
      )} in the ${DEMO_USER_HEADER} header: use the user's catalog name, lowercase letters, digits and dashes (e.g. 'alice')`,
    );
  }
  return userName;
}

function catalogUserRef(userName: string) {
  return { kind: 'user', namespace: 'default', name: userName };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export const demoUsersAuthenticator = createProxyAuthenticator<
  DemoUsersContext,
  DemoUserResult,
  undefined
>({
  // The profile (name, email, picture) of the catalog user; empty when it is not
  // found, the sign-in resolver then reports the unknown user.
  async defaultProfileTransform(result, ctx) {
    try {
      const { entity } = await ctx.findCatalogUser({
        entityRef: catalogUserRef(result.userName),
      });
      const profile = (entity.spec?.profile ?? {}) as Record<string, unknown>;
      return {
        profile: {
          displayName: optionalString(profile.displayName),
          email: optionalString(profile.email),
          picture: optionalString(profile.picture),
        },
      };
    } catch {
      return { profile: {} };
    }
  },
  initialize({ config }) {
    return { allowed: isDemoSignInAllowed(config) };
  },
  async authenticate({ req }, { allowed }) {
    if (!allowed) {
      throw new NotAllowedError(
        `The ${DEMO_PROVIDER_ID} provider cannot be used outside of a development environment unless 'auth.providers.${DEMO_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment' is enabled`,
      );
    }
    return {
      result: { userName: parseDemoUserHeader(req.headers[DEMO_USER_HEADER]) },
    };
  },
});

/**
 * Signs in as the catalog user user:default/<name>: the token's ownership refs are the
 * user and its groups, as the catalog says. An unknown user is a NotFoundError (404).
 */
export const signInAsDemoUser: SignInResolver<DemoUserResult> = async (
  { result },
  ctx,
) => {
  try {
    return await ctx.signInWithCatalogUser({
      entityRef: catalogUserRef(result.userName),
    });
  } catch (error) {
    if ((error as Error)?.name === 'NotFoundError') {
      throw new NotFoundError(
        `No user '${result.userName}' in the catalog (user:default/${result.userName}): sign in as one of the demo users of examples/org.yaml, e.g. alice or bob`,
      );
    }
    throw error;
  }
};

/** Registers the `demo` auth provider; served only when `auth.providers.demo` is configured. */
export const authModuleDemoUsersProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-users-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        const providerConfig = config.getOptionalConfig(
          `auth.providers.${DEMO_PROVIDER_ID}`,
        );
        if (providerConfig && !isDemoSignInAllowed(providerConfig)) {
          logger.warn(
            `The ${DEMO_PROVIDER_ID} auth provider is configured but refuses every sign-in: NODE_ENV is '${process.env.NODE_ENV}', not 'development'`,
          );
        }
        providers.registerProvider({
          providerId: DEMO_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: demoUsersAuthenticator,
            signInResolver: signInAsDemoUser,
          }),
        });
      },
    });
  },
});

export default authModuleDemoUsersProvider;
