/*
 * One ITSM backend in a process of its own, for the multi-process test: the plugin on
 * the test catalog, on the PostgreSQL database given in ITSM_TEST_DB (a knex config as
 * JSON), listening on a port of its own. Run as a child of the test:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs backendProcess.ts
 *
 * Tells the parent { type: 'ready', port } once it listens; on { type: 'trigger',
 * task, id } runs that scheduled task of the plugin (e.g. itsm-sla-sweep) and answers
 * { type: 'done', id } (or { type: 'failed', id, error }).
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { knex as createKnex } from 'knex';
import { AddressInfo } from 'net';
import { startItsmBackend } from './backend';

type Message =
  | { type: 'ready'; port: number }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; error: string };
const tell = (message: Message) => process.send!(message);

/** Lets the parent run the plugin's scheduled tasks, as the scheduler would. */
const triggers = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'test-triggers',
  register(env) {
    env.registerInit({
      deps: { scheduler: coreServices.scheduler },
      async init({ scheduler }) {
        process.on('message', async (message: any) => {
          if (message?.type !== 'trigger') return;
          try {
            await scheduler.triggerTask(message.task);
            tell({ type: 'done', id: message.id });
          } catch (error) {
            tell({ type: 'failed', id: message.id, error: String(error) });
          }
        });
      },
    });
  },
});

async function main() {
  const knex = createKnex(JSON.parse(process.env.ITSM_TEST_DB!));
  const itsm = JSON.parse(process.env.ITSM_TEST_CONFIG!) as JsonObject;
  const server = await startItsmBackend(knex, { itsm, features: [triggers] });
  tell({ type: 'ready', port: (server.address() as AddressInfo).port });
  // Ends with the parent.
  process.on('disconnect', () => process.exit(0));
}

main().catch(error => {
  process.stderr.write(`backend process failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
