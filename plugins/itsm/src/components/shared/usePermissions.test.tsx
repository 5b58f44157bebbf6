import { ReactNode } from 'react';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { registerMswTestHooks, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockPermissions,
  paymentsEntity,
  PermissionDecider,
  renderRoute,
} from '../../__testUtils__/render';
import {
  BASE_URL,
  CHANGE_ID,
  makeChange,
  makeIncident,
  makeRequest,
  postgresOffering,
} from '../../__testUtils__/fixtures';
import { ItsmPage } from '../ItsmPage';
import { EntityOpenIncidentsCard } from '../incidents';
import { ServiceCatalogPage } from '../offerings';
import { useRecordPermission, useRecordPermissions } from './usePermissions';

/** Every permission asked in this file, by name. */
const asked: string[] = [];

/** In this file alice may create nothing, and do everything else. */
const mayCreateNothing: PermissionDecider = ({ permission }) => {
  asked.push(permission.name);
  return permission.attributes.action !== 'create';
};

/**
 * Waits until the permissions `names` were asked and their answers rendered: the
 * buttons they hide are missing before that too, so absence proves nothing earlier.
 */
async function decided(...names: string[]) {
  await waitFor(() => expect(asked).toEqual(expect.arrayContaining(names)));
  await act(() => new Promise(resolve => setTimeout(resolve, 0)));
}

describe('a user who may create nothing', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  beforeEach(() => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [makeIncident()] }),
      ),
      http.get(`${BASE_URL}/changes`, () =>
        HttpResponse.json({ items: [makeChange()] }),
      ),
      http.get(`${BASE_URL}/requests`, () =>
        HttpResponse.json({ items: [makeRequest()] }),
      ),
    );
  });

  it('is offered no Report incident, Request change or Order on the ITSM page', async () => {
    await renderRoute('/itsm/*', <ItsmPage />, '/itsm/incidents', {
      permissions: mayCreateNothing,
    });
    expect(
      await screen.findByRole('link', { name: 'INC-000001' }),
    ).toBeInTheDocument();
    await decided('itsm.incident.create');
    expect(
      screen.queryByRole('button', { name: /Report incident/ }),
    ).toBeNull();

    await userEvent.click(screen.getByRole('tab', { name: 'Changes' }));
    expect(
      await screen.findByRole('link', { name: 'CHG-000003' }),
    ).toBeInTheDocument();
    await decided('itsm.change.create');
    expect(screen.queryByRole('button', { name: /Request change/ })).toBeNull();

    await userEvent.click(screen.getByRole('tab', { name: 'Requests' }));
    expect(
      await screen.findByRole('link', { name: 'REQ-000005' }),
    ).toBeInTheDocument();
    await decided('itsm.request.create');
    expect(
      screen.queryByRole('link', { name: 'Order from the service catalog' }),
    ).toBeNull();
  });

  it('is offered no Report incident on the open incidents card', async () => {
    await renderRoute(
      '/',
      <EntityProvider entity={paymentsEntity}>
        <EntityOpenIncidentsCard />
      </EntityProvider>,
      '/',
      { permissions: mayCreateNothing },
    );
    expect(await screen.findByTestId('open-incident-count')).toHaveTextContent(
      '1',
    );
    await decided('itsm.incident.create');
    expect(
      screen.queryByRole('button', { name: /Report incident/ }),
    ).toBeNull();
  });

  it('sees the offerings without Order, and the order form says why it is missing', async () => {
    const render = (entry: string) =>
      renderRoute(
        '/*',
        <Routes>
          <Route path="/service-catalog/*" element={<ServiceCatalogPage />} />
        </Routes>,
        entry,
        { entities: [postgresOffering], permissions: mayCreateNothing },
      );
    const { unmount } = await render('/service-catalog');
    expect(
      await screen.findByRole('article', { name: 'New PostgreSQL database' }),
    ).toBeInTheDocument();
    await decided('itsm.request.create');
    expect(screen.queryByRole('link', { name: /^Order / })).toBeNull();
    unmount();

    await render('/service-catalog/default/new-postgres-database');
    expect(
      await screen.findByText(
        'You are not allowed to order from the service catalog.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit request' })).toBeNull();
  });
});

describe('useRecordPermission(s)', () => {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[[permissionApiRef, mockPermissions(mayCreateNothing)]]}
    >
      {children}
    </TestApiProvider>
  );

  it('offers nothing without a record, and asks nothing about it', async () => {
    const before = asked.length;
    const { result } = renderHook(
      () => useRecordPermissions('incident', undefined),
      { wrapper },
    );
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(result.current).toEqual({
      loading: true,
      update: false,
      comment: false,
      readWorkNotes: false,
    });
    expect(asked.length).toBe(before);
  });

  it('never allows approving a kind without approvals', async () => {
    const { result } = renderHook(
      () => ({
        incident: useRecordPermission('incident', 'approve', 'incident-1'),
        change: useRecordPermission('change', 'approve', CHANGE_ID),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.change.allowed).toBe(true));
    expect(result.current.incident).toEqual({
      allowed: false,
      loading: false,
    });
  });
});
