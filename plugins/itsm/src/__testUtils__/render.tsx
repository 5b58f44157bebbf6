import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { screen, waitFor } from '@testing-library/react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
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

/** Decides one permission request in a test: true allows it. */
export type PermissionDecider = (request: EvaluatePermissionRequest) => boolean;

/**
 * A permission API that decides by `decide` (allowing everything by default).
 *
 * `usePermission` caches decisions by permission and resource for the whole test
 * file (SWR), so `decide` must give the same answer for the same request in every
 * test of a file: vary the record (its id) or the file, not the answer.
 */
export function mockPermissions(decide: PermissionDecider = () => true) {
  return mockApis.permission({
    authorize: request =>
      (decide(request) ? 'ALLOW' : 'DENY') as
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY,
  });
}

/** Allows everything but the permissions named. */
export const denying =
  (...names: string[]): PermissionDecider =>
  request =>
    !names.includes(request.permission.name);

/**
 * Renders `element` at the route `path`, opened at `entry`, with the real client (on
 * msw), a catalog holding `entities`, signed in as `user` (alice by default, a member
 * of `groups`: group:default/sre by default) and permissions decided by `permissions`
 * (everything allowed by default; see `mockPermissions`).
 */
export function renderRoute(
  path: string,
  element: ReactElement,
  entry: string,
  options: {
    entities?: Entity[];
    user?: string;
    groups?: string[];
    permissions?: PermissionDecider;
  } = {},
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
        [permissionApiRef, mockPermissions(options.permissions)],
      ]}
    >
      <Routes>
        <Route path={path} element={element} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [entry], mountedRoutes },
  );
}

/**
 * Waits until a record page knows what the signed-in user may do: its timeline has the
 * form to add to it, or says that they may not, or that it could not be checked. Until
 * then the page offers nothing, so a test that expects a button to be missing must wait
 * for this first.
 */
export async function permissionsDecided() {
  await waitFor(() => {
    const form = screen.queryByRole('form', { name: 'Add to the timeline' });
    const note = screen.queryByText(
      /but not add to its timeline|could not be checked/,
    );
    if (!form && !note) throw new Error('Permissions not decided yet');
  });
}
