import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { IdentityApi } from '@backstage/frontend-plugin-api';
import { DemoUsersSignInPage } from './DemoUsersSignInPage';
import { SIGN_IN_CHOICE_KEY } from './signInChoice';

const AUTH = 'http://localhost:7007/api/auth';

function token(sub: string, ent: string[]) {
  const part = (value: object) =>
    btoa(JSON.stringify(value))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  const exp = Math.round(Date.now() / 1000) + 3600;
  return [part({ alg: 'none' }), part({ sub, ent, exp }), 'signature'].join(
    '.',
  );
}

function session(user: string, groups: string[]) {
  const userEntityRef = `user:default/${user}`;
  const ownershipEntityRefs = [userEntityRef, ...groups];
  return {
    profile: { displayName: user },
    backstageIdentity: {
      token: token(userEntityRef, ownershipEntityRefs),
      identity: { type: 'user', userEntityRef, ownershipEntityRefs },
    },
  };
}

/** The auth backend: the guest, and the demo users bob and alice. */
function fakeAuthBackend() {
  return jest.fn(async (url: string, init?: RequestInit) => {
    const user = new Headers(init?.headers).get('x-itsm-demo-user');
    const json = (status: number, body: object) =>
      ({
        ok: status === 200,
        status,
        statusText: status === 200 ? 'OK' : 'Not Found',
        headers: new Headers({ 'content-type': 'application/json' }),
        json: async () => body,
        text: async () => JSON.stringify(body),
      } as Response);
    if (url === `${AUTH}/guest/refresh`) {
      return json(200, session('guest', ['group:default/team-payments']));
    }
    if (url === `${AUTH}/demo/refresh` && user === 'bob') {
      return json(200, session('bob', ['group:default/platform-team']));
    }
    if (url === `${AUTH}/demo/refresh` && user === 'alice') {
      return json(200, session('alice', ['group:default/team-payments']));
    }
    return json(404, {
      error: { name: 'NotFoundError', message: `No user '${user}'` },
      response: { statusCode: 404 },
    });
  });
}

describe('DemoUsersSignInPage', () => {
  const originalFetch = global.fetch;
  let fetchMock: ReturnType<typeof fakeAuthBackend>;

  beforeEach(() => {
    localStorage.clear();
    fetchMock = fakeAuthBackend();
    global.fetch = fetchMock as unknown as typeof fetch;
  });
  afterEach(() => {
    global.fetch = originalFetch;
  });

  const render = () => {
    const onSignInSuccess = jest.fn<void, [IdentityApi]>();
    renderInTestApp(<DemoUsersSignInPage onSignInSuccess={onSignInSuccess} />, {
      apis: [mockApis.discovery({ baseUrl: 'http://localhost:7007' })],
      config: { app: { title: 'ITSM test' } },
    });
    return onSignInSuccess;
  };

  async function signedInAs(onSignInSuccess: jest.Mock) {
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    return identity;
  }

  it('signs in as the chosen demo user, and remembers the choice until sign-out', async () => {
    const onSignInSuccess = render();
    expect(await screen.findByText('Demo users')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Demo user'), 'bob');
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in as Bob Baker' }),
    );

    const identity = await signedInAs(onSignInSuccess);
    expect(await identity.getBackstageIdentity()).toEqual({
      type: 'user',
      userEntityRef: 'user:default/bob',
      ownershipEntityRefs: ['user:default/bob', 'group:default/platform-team'],
    });
    expect(fetchMock).toHaveBeenCalledWith(
      `${AUTH}/demo/refresh`,
      expect.anything(),
    );
    expect(JSON.parse(localStorage.getItem(SIGN_IN_CHOICE_KEY)!)).toEqual({
      provider: 'demo',
      user: 'bob',
    });

    await identity.signOut();
    expect(localStorage.getItem(SIGN_IN_CHOICE_KEY)).toBeNull();
  });

  it('keeps the guest card, whose Enter button signs in as the guest', async () => {
    const onSignInSuccess = render();
    await userEvent.click(await screen.findByRole('button', { name: 'Enter' }));

    const identity = await signedInAs(onSignInSuccess);
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/guest',
    );
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`${AUTH}/guest/refresh`);
    expect(new Headers(init?.headers).has('x-itsm-demo-user')).toBe(false);
    expect(JSON.parse(localStorage.getItem(SIGN_IN_CHOICE_KEY)!)).toEqual({
      provider: 'guest',
    });
  });

  it('signs in again as the remembered user without asking', async () => {
    localStorage.setItem(
      SIGN_IN_CHOICE_KEY,
      JSON.stringify({ provider: 'demo', user: 'alice' }),
    );
    const onSignInSuccess = render();

    const identity = await signedInAs(onSignInSuccess);
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/alice',
    );
    expect(screen.queryByText('Demo users')).not.toBeInTheDocument();
  });

  it('shows the choice again with the error when the sign-in fails', async () => {
    localStorage.setItem(
      SIGN_IN_CHOICE_KEY,
      JSON.stringify({ provider: 'demo', user: 'zoe' }),
    );
    const onSignInSuccess = render();

    expect(await screen.findByRole('alert')).toHaveTextContent("No user 'zoe'");
    expect(onSignInSuccess).not.toHaveBeenCalled();

    // Another user can be chosen from there.
    await userEvent.selectOptions(screen.getByLabelText('Demo user'), 'bob');
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in as Bob Baker' }),
    );
    const identity = await signedInAs(onSignInSuccess);
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/bob',
    );
  });
});
