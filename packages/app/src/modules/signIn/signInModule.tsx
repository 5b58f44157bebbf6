import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Replaces the app's default sign-in page (guest only) with one that also offers the
 * development-only demo users (see auth.providers.demo in app-config.yaml).
 */
export const demoUsersSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { DemoUsersSignInPage } = await import('./DemoUsersSignInPage');
      return DemoUsersSignInPage;
    },
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [demoUsersSignInPage],
});
