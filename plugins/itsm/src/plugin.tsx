import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/itsm',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const itsmPlugin = createFrontendPlugin({
  pluginId: 'itsm',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
