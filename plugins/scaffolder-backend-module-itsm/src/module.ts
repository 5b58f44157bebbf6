import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readItsmPagePath } from '@backstage-itsm/plugin-itsm-common';
import { createItsmActions } from './actions';

/**
 * The ITSM template actions in the scaffolder: `itsm:incident:create`,
 * `itsm:change:create` and `itsm:request:create` open records in the ITSM backend as
 * the user who runs the template.
 *
 * @public
 */
export const scaffolderModuleItsmActions = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'itsm-actions',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scaffolder: scaffolderActionsExtensionPoint,
      },
      async init({ auth, config, discovery, scaffolder }) {
        scaffolder.addActions(
          ...createItsmActions({
            auth,
            discovery,
            appBaseUrl: config.getOptionalString('app.baseUrl'),
            pagePath: readItsmPagePath(config),
          }),
        );
      },
    });
  },
});
