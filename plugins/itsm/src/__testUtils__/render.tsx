import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { itsmApiRef } from '../api';
import { rootRouteRef, serviceCatalogRouteRef } from '../routes';
import { makeClient } from './fixtures';

/** Where the tests mount the ITSM page, the service catalog and the catalog's entity pages. */
export const mountedRoutes = {
  '/itsm': rootRouteRef,
  '/service-catalog': serviceCatalogRouteRef,
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
 * msw), a catalog holding `entities`, and signed in as `user` (alice by default, a
 * member of `groups`: group:default/sre by default).
 */
export function renderRoute(
  path: string,
  element: ReactElement,
  entry: string,
  options: { entities?: Entity[]; user?: string; groups?: string[] } = {},
) {
  const { user = 'user:default/alice', groups = ['group:default/sre'] } =
    options;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, makeClient()],
        [catalogApiRef, catalogApiMock({ entities: options.entities ?? [] })],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: user,
            ownershipEntityRefs: [user, ...groups],
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
