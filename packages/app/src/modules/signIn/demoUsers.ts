/**
 * The users of the demo catalog (examples/org.yaml) offered on the sign-in page. The
 * catalog cannot be read before signing in, so the list is kept here: keep it in step
 * with examples/org.yaml (the guest user has its own card).
 */
export type DemoUser = {
  /** The catalog name: user:default/<name>. */
  name: string;
  displayName: string;
  teams: string;
};

export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'alice', displayName: 'Alice Andersson', teams: 'Payments team' },
  { name: 'bob', displayName: 'Bob Baker', teams: 'Platform team' },
  { name: 'carol', displayName: 'Carol Chen', teams: 'Storefront team' },
  { name: 'dave', displayName: 'Dave Diaz', teams: 'Identity team' },
  {
    name: 'erin',
    displayName: 'Erin Eriksen',
    teams: 'Database administrators, Platform team',
  },
  { name: 'frank', displayName: 'Frank Fischer', teams: 'ITSM administrators' },
];

/** The backend's development-only auth provider (packages/backend/src/auth). */
export const DEMO_PROVIDER_ID = 'demo';

/** The request header naming the user to sign in as. */
export const DEMO_USER_HEADER = 'x-itsm-demo-user';
