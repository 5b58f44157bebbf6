import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ItsmPermissionPolicy } from '@backstage-itsm/plugin-itsm-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** What the portal's other plugins get when this module is the only policy. */
function otherPermissionsPolicy(setting: string | undefined): PermissionPolicy {
  const result =
    setting === 'deny' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW;
  return { handle: async () => ({ result }) };
}

/**
 * Installs the ITSM permission policy as the portal's policy. ITSM permissions are
 * decided by {@link @backstage-itsm/plugin-itsm-node#ItsmPermissionPolicy} (tuned by
 * `itsm.permissions`); every other permission is allowed, or denied with
 * `itsm.permissions.otherPermissions: deny`. Portals with a policy of their own do not
 * install this module: they compose `ItsmPermissionPolicy` into theirs (see README).
 *
 * @public
 */
export const permissionModuleItsmPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'itsm-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          ItsmPermissionPolicy.fromConfig(config, {
            userInfo,
            delegate: otherPermissionsPolicy(
              config.getOptionalString('itsm.permissions.otherPermissions'),
            ),
          }),
        );
      },
    });
  },
});

export default permissionModuleItsmPolicy;
