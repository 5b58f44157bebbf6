import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { itsmApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { makeClient } from './fixtures';

/** Where the tests mount the ITSM page and the catalog's entity pages. */
export const mountedRoutes = {
  '/itsm': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

/** The CI of the entity-page tests. */
export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Payments', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments-team' },
};

/**
 * Renders `element` at the route `path`, opened at `entry`, with the real client (on
 * msw) and alice signed in, a member of group:default/sre.
 */
export function renderRoute(
  path: string,
  element: ReactElement,
  entry: string,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, makeClient()],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/alice',
            ownershipEntityRefs: ['user:default/alice', 'group:default/sre'],
          }),
        ],
      ]}
    >
      <Routes>
        <Route path={path} element={element} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [entry], mountedRoutes },
  );
}
