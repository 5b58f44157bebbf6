import { BackendFeature } from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { itsmPlugin } from '../plugin';
import { testEntities } from './catalog';
import { permissionFramework } from './permissionFramework';
import { userInfoFactory } from './users';

/** `itsm.*` of the HTTP tests: the platform group, a freeze and an SLA for incidents. */
export const testItsmConfig: JsonObject = {
  changes: {
    platformGroup: 'group:default/platform',
    freezeWindows: [
      {
        name: 'Black Friday',
        start: '2026-11-27T00:00:00Z',
        end: '2026-11-30T00:00:00Z',
      },
    ],
  },
  sla: {
    calendars: { always: { type: '24x7' } },
    policies: [
      {
        name: 'Incidents',
        appliesTo: { kind: 'incident' },
        calendar: 'always',
        targets: { response: 'PT30M', resolution: 'PT8H' },
        pauseStates: ['on_hold'],
      },
    ],
  },
};

/**
 * The ITSM plugin on the test catalog with every permission allowed (or under the
 * ITSM permission policy), on the given database; returns the listening HTTP server. Runs under jest and in a plain Node
 * child process (the multi-process test).
 */
export async function startItsmBackend(
  knex: Knex,
  options: {
    itsm?: JsonObject;
    features?: BackendFeature[];
    /** The real permission framework with the ITSM policy (`itsm.permissions`). */
    permissionPolicy?: boolean;
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities: testEntities }),
      ...(options.permissionPolicy
        ? permissionFramework()
        : [mockServices.permissions.factory()]),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          itsm: options.itsm ?? testItsmConfig,
          ...(options.permissionPolicy
            ? { permission: { enabled: true } }
            : {}),
        },
      }),
      userInfoFactory,
      ...(options.features ?? []),
    ],
  });
  return server;
}

/** What the plugin has written, for "a refused request writes nothing". */
export async function writtenState(knex: Knex) {
  const count = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);
  const [{ versions }] = await knex('itsm_records').sum({
    versions: 'version',
  });
  return {
    records: await count('itsm_records'),
    timeline: await count('itsm_timeline'),
    approvalSteps: await count('itsm_approval_steps'),
    versions: Number(versions ?? 0),
  };
}

/** `itsm.permissions` of an organisation where only the people involved read a record. */
export const INVOLVED_ONLY_PERMISSIONS = {
  adminGroups: ['group:default/itsm-admins'],
  readAccess: 'involved',
};

/**
 * The ITSM plugin with Backstage's real auth and httpAuth services and static external
 * access tokens (`backend.auth.externalAccess`), for the routes of machine callers:
 * every permission allowed, or, when a token has access restrictions, Backstage's real
 * permissions service deciding by them.
 */
export function startWithExternalAccess(
  ...tokens: Array<{
    token: string;
    subject: string;
    /** As in backend.auth.externalAccess, e.g. `[{ plugin: 'itsm', permission: … }]`. */
    accessRestrictions?: JsonObject[];
  }>
) {
  const restricted = tokens.some(t => t.accessRestrictions);
  return startTestBackend({
    features: [
      itsmPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://localhost:7007',
            auth: {
              externalAccess: tokens.map(
                ({ accessRestrictions, ...options }) => ({
                  type: 'static',
                  options,
                  ...(accessRestrictions ? { accessRestrictions } : {}),
                }),
              ),
            },
          },
          // The real permissions service applies a token's access restrictions.
          ...(restricted ? { permission: { enabled: true } } : {}),
          itsm: testItsmConfig,
        },
      }),
      catalogServiceMock.factory({ entities: testEntities }),
      restricted
        ? permissionsServiceFactory
        : mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
}
