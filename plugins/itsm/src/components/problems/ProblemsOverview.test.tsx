import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { renderRoute } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeCandidate,
  makeCandidates,
  makeProblem,
  makeProblemKpis,
  makeTimeline,
  NO_SLA,
} from '../../__testUtils__/fixtures';
import { ItsmPage } from '../ItsmPage';

describe('the Problems tab of the ITSM page', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let problemQueries: URLSearchParams[];
  let candidateQueries: URLSearchParams[];
  let kpiQueries: URLSearchParams[];
  let posted: unknown[];

  beforeEach(() => {
    problemQueries = [];
    candidateQueries = [];
    kpiQueries = [];
    posted = [];
    const created = makeProblem({
      number: 'PRB-000013',
      title: 'Recurring incidents on component:search',
      state: 'new',
    });
    server.use(
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        problemQueries.push(query);
        const all = [
          makeProblem({ knownError: true, workaround: 'Restart' }),
          makeProblem({ id: 'p2', number: 'PRB-000002', title: 'Slow search' }),
        ];
        return HttpResponse.json({
          items:
            query.get('knownError') === 'true'
              ? all.filter(p => p.knownError)
              : all,
        });
      }),
      http.get(`${BASE_URL}/problem-candidates`, ({ request }) => {
        candidateQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json(
          makeCandidates([
            makeCandidate(),
            makeCandidate({
              entityRef: 'component:default/search',
              incidentCount: 4,
              incidents: [
                'INC-000020',
                'INC-000019',
                'INC-000018',
                'INC-000017',
              ],
            }),
          ]),
        );
      }),
      http.get(`${BASE_URL}/problem-kpis`, ({ request }) => {
        kpiQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json(
          makeProblemKpis({ linkedIncidentShare: null, medianOpenAgeMs: null }),
        );
      }),
      http.post(`${BASE_URL}/problems`, async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(created, { status: 201 });
      }),
      http.get(`${BASE_URL}/problems/PRB-000013`, () =>
        HttpResponse.json(created),
      ),
      http.get(`${BASE_URL}/problems/PRB-000013/timeline`, () =>
        HttpResponse.json({ items: makeTimeline(created.id) }),
      ),
      http.get(`${BASE_URL}/problems/PRB-000013/sla`, () =>
        HttpResponse.json(NO_SLA),
      ),
      http.get(`${BASE_URL}/problems/PRB-000013/incidents`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get(`${BASE_URL}/problems/PRB-000013/changes`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
  });

  it("lists the organisation's problems, filters known errors, shows the KPIs and candidates, and opens a candidate's problem", async () => {
    await renderRoute('/itsm/*', <ItsmPage />, '/itsm/problems');
    expect(
      screen.getByRole('tab', { name: 'Problems', selected: true }),
    ).toBeInTheDocument();

    expect(
      await screen.findByRole('link', { name: 'PRB-000002' }),
    ).toHaveAttribute('href', '/itsm/problems/PRB-000002');
    expect(problemQueries[0].get('open')).toBe('true');
    expect(problemQueries[0].has('entityRef')).toBe(false);
    await userEvent.click(screen.getByLabelText('Known errors only'));
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'PRB-000002' })).toBeNull(),
    );
    expect(problemQueries[problemQueries.length - 1].get('knownError')).toBe(
      'true',
    );
    expect(
      screen.getByRole('link', { name: 'PRB-000012' }),
    ).toBeInTheDocument();

    const kpis = screen.getByRole('region', { name: 'Problem KPIs' });
    expect(
      await within(kpis).findByRole('group', { name: 'Known errors' }),
    ).toHaveTextContent('1');
    expect(
      within(kpis).getByRole('group', { name: 'Incidents linked' }),
    ).toHaveTextContent('—');
    expect(kpiQueries[0].has('entityRef')).toBe(false);

    const search = await screen.findByTestId(
      'problem-candidate-component:default/search',
    );
    expect(candidateQueries[0].has('entityRef')).toBe(false);
    // Every CI's candidates: the CI is shown.
    expect(
      within(search).getByRole('link', { name: 'search' }),
    ).toBeInTheDocument();
    await userEvent.click(within(search).getByTestId('open-problem'));
    const dialog = await screen.findByRole('dialog', { name: 'Open problem' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      title: 'Recurring incidents on component:search',
      entityRef: 'component:default/search',
      impact: 2,
      urgency: 2,
      incidents: ['INC-000020', 'INC-000019', 'INC-000018', 'INC-000017'],
    });
    // The new problem's page opens.
    expect(
      await screen.findByRole('heading', {
        name: 'Recurring incidents on component:search',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('state-chip-new')).toBeInTheDocument();
  });
});
