import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { itsmApiRef } from '../../api';
import { mountedRoutes } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeBlastRadius,
  makeChange,
  makeClient,
} from '../../__testUtils__/fixtures';
import { BlastRadiusCard, impactWay } from './BlastRadiusCard';

describe('BlastRadiusCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const render = async () => {
    const change = makeChange();
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <BlastRadiusCard record={change} editable onUpdated={() => {}} />
      </TestApiProvider>,
      { mountedRoutes },
    );
    return change;
  };

  it('groups the impacted entities by system and owner, apart from the reported CIs', async () => {
    const change = makeChange();
    server.use(
      http.get(`${BASE_URL}/changes/${change.id}/impact`, () =>
        HttpResponse.json(
          makeBlastRadius({
            impacted: [
              ...makeBlastRadius().impacted,
              // A reported CI is never listed as impacted.
              {
                entityRef: 'resource:default/payments-db',
                kind: 'Resource',
                origin: 'resource:default/payments-db',
                path: [],
              },
            ],
          }),
        ),
      ),
    );
    await render();
    const card = await screen.findByTestId('itsm-blast-radius');
    expect(await within(card).findByText(/Reported CIs/)).toHaveTextContent(
      'Reported CIs: payments-db',
    );
    const groups = within(card).getAllByTestId('itsm-blast-radius-group');
    expect(groups).toHaveLength(2);
    expect(groups[0]).toHaveTextContent(
      'System: payments · Owner: payments-team',
    );
    expect(
      within(groups[0]).getByTestId(
        'itsm-impacted-component:default/payments-api',
      ),
    ).toHaveTextContent(
      'payments-api tier-1depends on resource:payments-db',
    );
    expect(groups[1]).toHaveTextContent('System: shop · Owner: web-team');
    expect(
      within(groups[1]).getByTestId('itsm-impacted-component:default/checkout'),
    ).toHaveTextContent(
      'consumes component:payments-api, which depends on resource:payments-db',
    );
    expect(
      within(card).queryByTestId('itsm-impacted-resource:default/payments-db'),
    ).not.toBeInTheDocument();
    expect(
      within(card).queryByTestId('itsm-blast-radius-truncated'),
    ).not.toBeInTheDocument();
  });

  it('says when the limits cut the blast radius short, and when nothing is impacted', async () => {
    const change = makeChange();
    server.use(
      http.get(`${BASE_URL}/changes/${change.id}/impact`, () =>
        HttpResponse.json(makeBlastRadius({ impacted: [], truncated: true })),
      ),
    );
    await render();
    expect(
      await screen.findByTestId('itsm-blast-radius-truncated'),
    ).toHaveTextContent(
      'Truncated: only the first 200 entities within 4 steps are shown',
    );
    expect(
      screen.getByText('Nothing else in the catalog depends on its CIs.'),
    ).toBeInTheDocument();
  });

  it('names the way of an unknown relation by its code', () => {
    expect(
      impactWay({
        entityRef: 'component:default/a',
        kind: 'Component',
        origin: 'resource:default/db',
        path: [
          { relation: 'ownerOf' as any, entityRef: 'component:default/a' },
        ],
      }),
    ).toBe('ownerOf resource:db');
  });
});
