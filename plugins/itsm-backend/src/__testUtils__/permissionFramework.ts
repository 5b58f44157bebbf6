import {
  AuthService,
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ItsmPermissionPolicy } from '@backstage-itsm/plugin-itsm-node';

/**
 * The mock auth service, except that a plugin calling another on behalf of a user
 * sends a user token that names the plugin as its actor, as Backstage's real auth
 * does. The permission backend depends on that: it only evaluates conditional
 * decisions for requests made by a plugin on a user's behalf, and a plugin's
 * apply-conditions endpoint only answers those.
 */
const onBehalfOfAuthFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => inner.authenticate(token, options),
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      isPrincipal: ((credentials: any, type: any) =>
        inner.isPrincipal(credentials, type)) as AuthService['isPrincipal'],
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        const principal = options.onBehalfOf.principal as
          | BackstageUserPrincipal
          | { type: 'service' | 'none' };
        if (principal.type !== 'user')
          return inner.getPluginRequestToken(options);
        return {
          token: mockCredentials.user.token(principal.userEntityRef, {
            actor: principal.actor ?? { subject: `plugin:${plugin.getId()}` },
          }),
        };
      },
    };
  },
});

/**
 * The real permission framework in a test backend: the permission backend with the
 * ITSM permission policy (configured by `itsm.permissions` of the test config), real
 * permissions and permissions-registry services in every plugin. `denied` users get a
 * DENY for everything, composed around the ITSM policy as an adopter's policy would.
 */
export function permissionFramework(options: { denied?: string[] } = {}) {
  const denied = new Set(options.denied ?? []);
  const policyModule = createBackendModule({
    pluginId: 'permission',
    moduleId: 'itsm-test-policy',
    register(reg) {
      reg.registerInit({
        deps: {
          policy: policyExtensionPoint,
          config: coreServices.rootConfig,
          userInfo: coreServices.userInfo,
        },
        async init({ policy, config, userInfo }) {
          const itsm = ItsmPermissionPolicy.fromConfig(config, { userInfo });
          policy.setPolicy({
            async handle(request, user) {
              const principal = user?.credentials.principal as
                | { userEntityRef?: string }
                | undefined;
              if (
                principal?.userEntityRef &&
                denied.has(principal.userEntityRef)
              )
                return { result: AuthorizeResult.DENY };
              return itsm.handle(request, user);
            },
          });
        },
      });
    },
  });
  return [
    permissionPlugin,
    policyModule,
    permissionsServiceFactory,
    permissionsRegistryServiceFactory,
    onBehalfOfAuthFactory,
  ];
}
