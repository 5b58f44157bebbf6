import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { permissionModuleItsmPolicy } from './module';

jest.setTimeout(60_000);

/** Asks the permission backend about basic permissions, as a signed-in user would. */
async function decisions(
  config: object,
  user: string,
  groups: string[],
  names: string[],
) {
  const { server } = await startTestBackend({
    features: [
      permissionPlugin,
      permissionModuleItsmPolicy,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true }, itsm: { permissions: config } },
      }),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () =>
          mockServices.userInfo({
            userEntityRef: user,
            ownershipEntityRefs: [user, ...groups],
          }),
      }),
    ],
  });
  const res = await request(server)
    .post('/api/permission/authorize')
    .set('Authorization', mockCredentials.user.header(user))
    .send({
      items: names.map((name, i) => ({
        id: String(i),
        permission: { type: 'basic', name, attributes: {} },
      })),
    });
  expect(res.status).toBe(200);
  return res.body.items.map((item: { result: string }) => item.result);
}

describe('permission module itsm-policy', () => {
  it('decides ITSM permissions by the ITSM policy and allows the rest by default', async () => {
    expect(
      await decisions(
        {},
        'user:default/alice',
        ['group:default/team-payments'],
        ['itsm.incident.create', 'itsm.admin', 'catalog.entity.create'],
      ),
    ).toEqual(['ALLOW', 'DENY', 'ALLOW']);
  });

  it('lets the admin groups administer, and denies other plugins when configured', async () => {
    expect(
      await decisions(
        {
          adminGroups: ['group:default/itsm-admins'],
          otherPermissions: 'deny',
        },
        'user:default/frank',
        ['group:default/itsm-admins'],
        ['itsm.admin', 'catalog.entity.create'],
      ),
    ).toEqual(['ALLOW', 'DENY']);
  });
});
