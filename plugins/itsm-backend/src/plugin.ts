import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  itsmPermissions,
  itsmRecordPermissions,
} from '@backstage-itsm/plugin-itsm-common';
import { CatalogCis } from './catalog/CatalogCis';
import { readItsmConfig } from './config';
import { seedDemoData } from './demo/demoData';
import { IncidentService } from './incidents/IncidentService';
import { IncidentStore } from './incidents/IncidentStore';
import {
  createChangeNotifier,
  createIncidentNotifier,
  createRequestNotifier,
  createSlaNotifier,
} from './integrations/notifications';
import { SlaClock } from './sla/SlaClock';
import { SlaMonitor } from './sla/SlaMonitor';
import { SlaReports } from './sla/SlaReports';
import { SlaTimerStore } from './sla/SlaTimerStore';
import { ApprovalEngine } from './approvals/ApprovalEngine';
import { ApprovalStore } from './approvals/ApprovalStore';
import { ChangeService } from './changes/ChangeService';
import { ChangeStore } from './changes/ChangeStore';
import { OfferingCatalog } from './requests/offerings';
import { RequestService } from './requests/RequestService';
import { RequestStore } from './requests/RequestStore';
import {
  itsmRecordPermissionRules,
  itsmRecordResourceRef,
} from '@backstage-itsm/plugin-itsm-node';
import { RecordStore } from './records/RecordStore';
import { SYSTEM_ACTOR } from './records/actor';
import { Authorizer } from './router/authorization';
import { createRouter } from './router/createRouter';

/**
 * The ITSM backend plugin: incidents (changes and requests follow) on catalog
 * entities, at /api/itsm. Wiring only: services in, router out.
 *
 * @public
 */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readItsmConfig(deps.config);
        const records = await RecordStore.create({ database: deps.database });
        // SLA timers follow every transition from here on (same transaction).
        const slaClock = new SlaClock(config.sla.policies);
        const slaTimers = new SlaTimerStore(records, slaClock).attach();
        const incidentStore = new IncidentStore(records);
        const cis = new CatalogCis(deps.catalog, config.routing);
        const serviceOptions = {
          records,
          incidents: incidentStore,
          cis,
          priorityMatrix: config.priorityMatrix,
          onEvent: createIncidentNotifier(deps),
        };
        const incidents = new IncidentService(serviceOptions);
        const approvals = new ApprovalEngine(
          new ApprovalStore(records.db),
          config.approvals,
        );
        const changeServiceOptions = {
          records,
          changes: new ChangeStore(records),
          incidents: incidentStore,
          approvals,
          cis,
          policy: config.changes,
          onEvent: createChangeNotifier(deps),
        };
        const changes = new ChangeService(changeServiceOptions);
        const requestServiceOptions = {
          records,
          requests: new RequestStore(records),
          approvals,
          offerings: new OfferingCatalog(deps.catalog),
          cis,
          sla: slaClock,
          onEvent: createRequestNotifier(deps),
        };
        const requests = new RequestService(requestServiceOptions);

        deps.permissionsRegistry.addPermissions(itsmPermissions);
        deps.permissionsRegistry.addResourceType({
          resourceRef: itsmRecordResourceRef,
          permissions: itsmRecordPermissions,
          rules: Object.values(itsmRecordPermissionRules),
          getResources: ids => records.getPermissionResources(ids),
        });

        await deps.scheduler.scheduleTask({
          id: 'itsm-incidents-auto-close',
          frequency: { minutes: 30 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const closed = await incidents.autoClose(
              config.autoCloseAfterDays,
              SYSTEM_ACTOR,
            );
            if (closed) deps.logger.info(`Closed ${closed} resolved incidents`);
          },
        });

        const slaMonitor = new SlaMonitor({
          records,
          timers: slaTimers,
          onEvent: createSlaNotifier(deps),
        });
        // Timers of records from before this version, or under a changed policy.
        await deps.scheduler.scheduleTask({
          id: 'itsm-sla-refresh',
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 10 },
          fn: async () => {
            const count = await slaMonitor.refresh();
            deps.logger.info(`Re-derived the SLA timers of ${count} records`);
          },
        });
        // Warnings and breaches, recorded once whichever instance runs the sweep.
        await deps.scheduler.scheduleTask({
          id: 'itsm-sla-sweep',
          frequency: { minutes: 1 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 20 },
          fn: async () => {
            const events = await slaMonitor.sweep();
            if (events.length)
              deps.logger.info(
                `Recorded ${events.length} SLA warnings/breaches`,
              );
          },
        });

        if (config.demoDataFile) {
          const file = config.demoDataFile;
          const membership = async (userRef: string) =>
            cis.groupsOf(userRef, await deps.auth.getOwnServiceCredentials());
          await deps.scheduler.scheduleTask({
            id: 'itsm-demo-data',
            frequency: { seconds: 15 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 5 },
            fn: async () => {
              await seedDemoData({
                file,
                records,
                createService: now =>
                  new IncidentService({ ...serviceOptions, now }),
                changes: {
                  createService: now =>
                    new ChangeService({ ...changeServiceOptions, now }),
                  membership,
                },
                requests: {
                  createService: now =>
                    new RequestService({ ...requestServiceOptions, now }),
                  membership,
                },
                credentials: await deps.auth.getOwnServiceCredentials(),
                logger: deps.logger,
              });
            },
          });
        }

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            authorizer: new Authorizer(
              deps.permissions,
              createConditionTransformer(
                Object.values(itsmRecordPermissionRules),
              ),
              records,
            ),
            userInfo: deps.userInfo,
            records,
            incidents,
            changes,
            requests,
            approvals,
            sla: {
              timers: slaTimers,
              reports: new SlaReports(records),
              cis,
            },
          }),
        );
      },
    });
  },
});
