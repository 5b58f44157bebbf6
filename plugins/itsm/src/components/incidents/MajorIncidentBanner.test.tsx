import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { itsmApiRef } from '../../api';
import { mountedRoutes, paymentsEntity } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeClient,
  makeMajorBanner,
} from '../../__testUtils__/fixtures';
import {
  EntityMajorIncidentBanner,
  MajorIncidentBanner,
} from './MajorIncidentBanner';

describe('MajorIncidentBanner', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the open major incidents impacting the entity with their latest update', async () => {
    const queries: string[] = [];
    server.use(
      http.get(`${BASE_URL}/major-incidents`, ({ request }) => {
        queries.push(new URL(request.url).search);
        return HttpResponse.json({
          items: [
            makeMajorBanner(),
            makeMajorBanner({
              id: 'b2',
              number: 'INC-000005',
              title: 'Checkout down',
              childCount: 0,
              latestUpdate: null,
            }),
          ],
        });
      }),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <EntityProvider entity={paymentsEntity}>
          <EntityMajorIncidentBanner />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    const banner = await screen.findByTestId('itsm-major-banner');
    expect(banner).toHaveTextContent('2 major incidents are open');
    expect(
      screen.getByTestId('itsm-major-banner-INC-000001'),
    ).toHaveTextContent(
      'INC-000001 Payments API returns 500 (P1, 2 child incidents)',
    );
    expect(
      screen.getByTestId('itsm-major-banner-INC-000001'),
    ).toHaveTextContent('Failover in progress; next update at 10:00');
    expect(
      screen.getByTestId('itsm-major-banner-INC-000005'),
    ).toHaveTextContent('No stakeholder update yet.');
    expect(queries).toEqual(['?entityRef=component%3Adefault%2Fpayments']);
  });

  it('shows nothing when no major incident is open or they cannot be read', async () => {
    server.use(
      http.get(`${BASE_URL}/major-incidents`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <MajorIncidentBanner />
        <span>page</span>
      </TestApiProvider>,
      { mountedRoutes },
    );
    await screen.findByText('page');
    expect(screen.queryByTestId('itsm-major-banner')).not.toBeInTheDocument();
  });
});
