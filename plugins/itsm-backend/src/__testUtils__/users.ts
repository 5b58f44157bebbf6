import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ReadFilters, READ_EVERY_KIND } from '../permissions/toKnex';

/** Group membership as the auth backend would put it in each user's token. */
const MEMBERS: Record<string, string[]> = {
  'user:default/alice': ['group:default/team-payments'],
  'user:default/dave': ['group:default/team-payments'],
  'user:default/erin': ['group:default/team-payments'],
  'user:default/bob': ['group:default/platform'],
  'user:default/carol': ['group:default/team-storefront'],
  'user:default/pat': ['group:default/team-identity'],
  'user:default/frank': ['group:default/itsm-admins'],
  // In the team that owns payments-api, but denied everything by the test policy.
  'user:default/mallory': ['group:default/team-payments'],
};
export const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(MEMBERS[ref] ?? [])],
      };
    },
  }),
});

/** Authorization header of a test user. */
export const as = (name: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${name}`),
});

/** A test user acting in a service: ref, credentials and the groups they belong to. */
export function person(name: string, groups: string[]) {
  const ref = `user:default/${name}`;
  return {
    ref,
    credentials: mockCredentials.user(ref),
    ownershipEntityRefs: [ref, ...groups.map(g => `group:default/${g}`)],
  };
}

/** Read filters of a caller who may read every record of every kind. */
export const readsAll: ReadFilters = READ_EVERY_KIND;

/**
 * Alice as a member of both teams' owner groups: she may raise standard changes on
 * payments and storefront components alike.
 */
export const aliceInBothTeams = {
  ref: 'user:default/alice',
  credentials: mockCredentials.user('user:default/alice'),
  ownershipEntityRefs: [
    'user:default/alice',
    'group:default/team-payments',
    'group:default/team-storefront',
  ],
};
