import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { mountedRoutes } from '../../__testUtils__/render';
import {
  BASE_URL,
  makeClient,
  makeIncident,
} from '../../__testUtils__/fixtures';
import { MajorIncidentCard } from './MajorIncidentCard';

const ID = '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0001';

const accepted = (): Incident =>
  makeIncident({
    priority: 'P1',
    state: 'in_progress',
    major: {
      state: 'accepted',
      reason: 'All checkouts fail',
      proposedBy: 'user:default/alice',
      proposedAt: new Date(Date.now() - 3600_000).toISOString(),
      decidedBy: 'user:default/carol',
      decidedAt: new Date(Date.now() - 1800_000).toISOString(),
      decisionNote: 'Revenue impact',
    },
  });

describe('MajorIncidentCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const render = async (incident: Incident, editable = true) => {
    const onUpdated = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <MajorIncidentCard
          record={incident}
          editable={editable}
          onUpdated={onUpdated}
        />
      </TestApiProvider>,
      { mountedRoutes },
    );
    return onUpdated;
  };

  it('proposes an incident with a reason, and shows the server refusing', async () => {
    const decisions: unknown[] = [];
    let refuse = true;
    server.use(
      http.post(`${BASE_URL}/incidents/${ID}/major`, async ({ request }) => {
        decisions.push(await request.json());
        if (refuse) {
          return HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message: 'Not yours to propose',
              },
            },
            { status: 403 },
          );
        }
        return HttpResponse.json(makeIncident());
      }),
    );
    const onUpdated = await render(makeIncident({ state: 'in_progress' }));
    expect(screen.getByTestId('itsm-major-incident')).toHaveTextContent(
      'Not a major incident.',
    );
    await userEvent.click(screen.getByTestId('itsm-major-propose'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'All checkouts fail',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Propose as major incident' }),
    );
    expect(
      await within(dialog).findByText(/Not yours to propose/),
    ).toBeInTheDocument();
    refuse = false;
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Propose as major incident' }),
    );
    await waitFor(() => expect(onUpdated).toHaveBeenCalled());
    expect(decisions).toEqual([
      { action: 'propose', reason: 'All checkouts fail' },
      { action: 'propose', reason: 'All checkouts fail' },
    ]);
  });

  it('offers accept and reject on a proposal, and shows a child its parent', async () => {
    await render(
      makeIncident({
        parent: 'INC-000042',
        major: {
          ...accepted().major!,
          state: 'proposed',
          decidedBy: null,
          decidedAt: null,
          decisionNote: null,
        },
      }),
      false,
    );
    expect(screen.getByTestId('itsm-major-parent')).toHaveTextContent(
      'Parent: INC-000042',
    );
    expect(screen.getByTestId('itsm-major-state-proposed')).toHaveTextContent(
      'All checkouts fail',
    );
    expect(screen.getByTestId('itsm-major-accept')).toBeInTheDocument();
    expect(screen.getByTestId('itsm-major-reject')).toBeInTheDocument();
    expect(screen.queryByTestId('itsm-major-propose')).not.toBeInTheDocument();
  });

  it('lists, links and unlinks children and posts stakeholder updates of an accepted major incident', async () => {
    const calls: string[] = [];
    let children = [
      {
        id: 'c1',
        number: 'INC-000002',
        title: 'Checkout slow',
        state: 'new',
        priority: 'P3',
      },
    ];
    server.use(
      http.get(`${BASE_URL}/incidents/${ID}/children`, () =>
        HttpResponse.json({ items: children }),
      ),
      http.post(`${BASE_URL}/incidents/${ID}/children`, async ({ request }) => {
        calls.push(`link ${JSON.stringify(await request.json())}`);
        return HttpResponse.json(makeIncident());
      }),
      http.delete(`${BASE_URL}/incidents/${ID}/children/INC-000002`, () => {
        calls.push('unlink INC-000002');
        children = [];
        return HttpResponse.json(makeIncident());
      }),
      http.post(
        `${BASE_URL}/incidents/${ID}/stakeholder-updates`,
        async ({ request }) => {
          calls.push(`update ${JSON.stringify(await request.json())}`);
          return HttpResponse.json(
            {
              id: 't1',
              recordId: ID,
              seq: 1,
              type: 'stakeholder_update',
              actor: 'user:default/alice',
              at: new Date().toISOString(),
              body: 'Failover done',
            },
            { status: 201 },
          );
        },
      ),
    );
    const onUpdated = await render(accepted());
    expect(screen.getByTestId('itsm-major-state-accepted')).toHaveTextContent(
      'Revenue impact',
    );
    expect(
      await screen.findByTestId('itsm-major-child-INC-000002'),
    ).toHaveTextContent('Checkout slow');
    await userEvent.click(
      screen.getByRole('button', { name: 'Unlink INC-000002' }),
    );
    expect(
      await screen.findByText('No child incident is linked.'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('itsm-major-link-child'));
    await userEvent.type(
      await screen.findByLabelText(/Incident number/),
      'inc-7',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Link child incident' }),
    );
    await waitFor(() => expect(calls).toHaveLength(2));

    await userEvent.type(
      screen.getByTestId('itsm-stakeholder-update'),
      'Failover done',
    );
    await userEvent.click(screen.getByTestId('itsm-stakeholder-update-post'));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls).toEqual([
      'unlink INC-000002',
      'link {"incident":"INC-000007"}',
      'update {"body":"Failover done"}',
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('itsm-stakeholder-update')).toHaveValue(''),
    );
    expect(onUpdated).toHaveBeenCalled();
  });
});
