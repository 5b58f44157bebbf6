import { IdentityApi } from '@backstage/frontend-plugin-api';

/**
 * How the browser signed in last: kept in localStorage so that a reload signs in the
 * same way again, removed on sign-out so that the sign-in page shows the choice again.
 */
export type SignInChoice =
  | { provider: 'guest' }
  | { provider: 'demo'; user: string };

export const SIGN_IN_CHOICE_KEY = '@backstage-itsm/app:sign-in';

export function readSignInChoice(): SignInChoice | undefined {
  try {
    const value = JSON.parse(
      localStorage.getItem(SIGN_IN_CHOICE_KEY) ?? 'null',
    );
    if (value?.provider === 'guest') {
      return { provider: 'guest' };
    }
    if (value?.provider === 'demo' && typeof value.user === 'string') {
      return { provider: 'demo', user: value.user };
    }
  } catch {
    // not JSON: ignored like no choice
  }
  return undefined;
}

export function storeSignInChoice(choice: SignInChoice) {
  localStorage.setItem(SIGN_IN_CHOICE_KEY, JSON.stringify(choice));
}

export function clearSignInChoice() {
  localStorage.removeItem(SIGN_IN_CHOICE_KEY);
}

type LegacyIdentityApi = IdentityApi & {
  getUserId?(): string;
  getIdToken?(): Promise<string | undefined>;
  getProfile?(): unknown;
};

/** The identity, with a sign-out that also forgets the choice. */
export function forgetChoiceOnSignOut(identity: IdentityApi): IdentityApi {
  const legacy = identity as LegacyIdentityApi;
  const wrapped: LegacyIdentityApi = {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      clearSignInChoice();
      await identity.signOut();
    },
  };
  // Older callers still use the synchronous accessors (AppIdentityProxy forwards them).
  if (legacy.getUserId) wrapped.getUserId = () => legacy.getUserId!();
  if (legacy.getIdToken) wrapped.getIdToken = () => legacy.getIdToken!();
  if (legacy.getProfile) wrapped.getProfile = () => legacy.getProfile!();
  return wrapped;
}
