import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  itsmPermissions,
  itsmRecordPermissions,
  readItsmPagePath,
} from '@backstage-itsm/plugin-itsm-common';
import { readItsmConfig } from './config';
import { demoDataNeeded, seedDemoData } from './demo/demoData';
import { CatalogCis } from './catalog/CatalogCis';
import {
  CachedCatalogReader,
  CatalogReader,
  catalogSnapshot,
} from './catalog/CatalogReader';
import {
  createChangeNotifier,
  createIncidentNotifier,
  createProblemNotifier,
  createRequestNotifier,
  createSlaNotifier,
} from './integrations/notifications';
import { SlaMonitor } from './sla/SlaMonitor';
import { SlaReports } from './sla/SlaReports';
import {
  itsmRecordPermissionRules,
  itsmRecordResourceRef,
} from '@backstage-itsm/plugin-itsm-node';
import { RecordStore } from './records/RecordStore';
import { SYSTEM_ACTOR } from './records/actor';
import { Authorizer } from './router/authorization';
import { AlertIntake } from './alerts/AlertIntake';
import { SearchFeed } from './search/SearchFeed';
import { both, RecordPublisher } from './integrations/recordEvents';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerItsmActions } from './actions/registerActions';
import { ItsmSelfClient } from './actions/ItsmSelfClient';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { DeployGates } from './gates/DeployGates';
import { createRouter } from './router/createRouter';
import { createItsmServices, ItsmNotifiers } from './services';
import { Outbox } from './integrations/outbox';

/**
 * The ITSM backend plugin: incidents, changes, service requests and problems on
 * catalog entities, at /api/itsm. Wiring only: services in, router out.
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
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        discovery: coreServices.discovery,
        signals: signalsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const config = readItsmConfig(deps.config);
        // Notifications link to record pages below the app's ITSM page (itsm.pagePath).
        const notifierDeps = {
          notifications: deps.notifications,
          logger: deps.logger,
          pagePath: readItsmPagePath(deps.config),
        };
        const records = await RecordStore.create({ database: deps.database });
        // Notifications go out after the response (see Outbox), and before shutdown.
        const outbox = new Outbox(deps.logger);
        deps.lifecycle.addShutdownHook(() => outbox.drain());
        // Record events on the events service and signals for live pages (recordEvents.ts).
        const publisher = new RecordPublisher(deps);
        const notifiers = {
          incident: outbox.defer(
            both(
              createIncidentNotifier(notifierDeps),
              publisher.forKind('incident'),
            ),
          ),
          change: outbox.defer(
            both(
              createChangeNotifier(notifierDeps),
              publisher.forKind('change'),
            ),
          ),
          request: outbox.defer(
            both(
              createRequestNotifier(notifierDeps),
              publisher.forKind('request'),
            ),
          ),
          problem: outbox.defer(
            both(
              createProblemNotifier(notifierDeps),
              publisher.forKind('problem'),
            ),
          ),
        };
        const servicesOver =
          (catalog: CatalogReader) =>
          (store: RecordStore, notify: ItsmNotifiers) =>
            createItsmServices({
              records: store,
              config,
              catalog,
              notifiers: notify,
            });
        // Catalog reads of a caller are reused for a few seconds (CachedCatalogReader).
        const services = servicesOver(new CachedCatalogReader(deps.catalog))(
          records,
          notifiers,
        );
        const { cis, incidents, changes, requests, problems, slaTimers } =
          services;

        // Actions for assistants (MCP), as the calling user through the HTTP API.
        registerItsmActions(deps.actionsRegistry, new ItsmSelfClient(deps));

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
          onEvent: both(createSlaNotifier(notifierDeps), publisher.sla),
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
          await deps.scheduler.scheduleTask({
            id: 'itsm-demo-data',
            frequency: { seconds: 15 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 5 },
            fn: async () => {
              if (!(await demoDataNeeded(records))) return;
              // The load is one transaction, which on SQLite holds the plugin's only
              // connection — and calling the catalog needs it too (service tokens).
              // So the catalog is read once before, and the load reads the snapshot.
              const credentials = await deps.auth.getOwnServiceCredentials();
              const catalog = await catalogSnapshot(deps.catalog, credentials);
              const load = servicesOver(catalog);
              await seedDemoData({
                file,
                records,
                services: load,
                notifiers,
                membership: ref =>
                  new CatalogCis(catalog).groupsOf(ref, credentials),
                credentials,
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
              createConditionAuthorizer(
                deps.permissionsRegistry.getPermissionRuleset(
                  itsmRecordResourceRef,
                ),
              ),
            ),
            userInfo: deps.userInfo,
            records,
            incidents,
            changes,
            requests,
            problems,
            approvals: services.approvals,
            work: services.work,
            impact: services.impact,
            major: services.major,
            alerts: new AlertIntake({
              records,
              incidents,
              incidentStore: services.incidentStore,
              cis,
              policy: config.alerts,
              credentials: () => deps.auth.getOwnServiceCredentials(),
            }),
            search: new SearchFeed(records),
            gates: new DeployGates({
              records,
              changes: services.changeStore,
              cis,
              freezeWindows: config.changes.freezeWindows,
              settings: config.gates,
              credentials: () => deps.auth.getOwnServiceCredentials(),
            }),
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
