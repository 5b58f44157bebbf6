import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  readItsmPagePath,
  RECORD_KINDS,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmCollatorFactory } from './collator/ItsmCollatorFactory';

/** As the catalog collator: every ten minutes, starting soon after the backend. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/**
 * The ITSM records in Backstage search: one collator per record kind (document types
 * `itsm-incident`, `itsm-change`, `itsm-request`, `itsm-problem`), each filtered at
 * search time by its kind's read permission. `search.collators.itsm.schedule` sets
 * how often they are collated.
 *
 * @public
 */
export const searchModuleItsmCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'itsm-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, config, discovery, scheduler, indexRegistry }) {
        const settings = config.getOptionalConfig('search.collators.itsm');
        const schedule = settings?.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              settings.getConfig('schedule'),
            )
          : DEFAULT_SCHEDULE;
        for (const kind of RECORD_KINDS) {
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(schedule),
            factory: new ItsmCollatorFactory(kind, {
              auth,
              discovery,
              batchSize: settings?.getOptionalNumber('batchSize'),
              pagePath: readItsmPagePath(config),
            }),
          });
        }
      },
    });
  },
});
