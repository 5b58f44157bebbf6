import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { testItsmConfig } from '../__testUtils__/backend';
import { testEntities } from '../__testUtils__/catalog';
import { as } from '../__testUtils__/users';
import { isUnanswered } from './unanswered';

jest.setTimeout(60_000);

/** Node's fetch when the other end resets the connection. */
const fetchFailed = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });

describe('a service that does not answer', () => {
  it('is told from other errors', () => {
    expect(isUnanswered(fetchFailed())).toBe(true);
    expect(isUnanswered(new TypeError('x is not a function'))).toBe(false);
    expect(isUnanswered(new Error('fetch failed'))).toBe(false);
  });

  it('makes a 503 the caller may retry, not a 500', async () => {
    // The user-info service (the auth backend, over HTTP) resets the connection.
    const unansweringUserInfo = createServiceFactory({
      service: coreServices.userInfo,
      deps: {},
      factory: () => ({
        async getUserInfo(): Promise<never> {
          throw fetchFailed();
        },
      }),
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory(),
        mockServices.rootConfig.factory({ data: { itsm: testItsmConfig } }),
        unansweringUserInfo,
      ],
    });
    const res = await request(server)
      .get('/api/itsm/approvals/pending')
      .set(as('alice'));
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^A service this request needs did not answer \(ECONNRESET\); try again/,
      ),
    });
  });
});
