import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi, itsmApiRef } from '../../api';
import { makeIncident } from '../../__testUtils__/fixtures';
import { MoveDialog } from '../records';
import { incidentDescriptor } from './descriptor';

const major: Incident['major'] = {
  state: 'accepted',
  reason: 'All checkouts fail',
  proposedBy: 'user:default/alice',
  proposedAt: new Date().toISOString(),
  decidedBy: 'user:default/carol',
  decidedAt: new Date().toISOString(),
  decisionNote: null,
};

describe('resolving a major incident', () => {
  const render = async (incident: Incident) => {
    const transitionIncident = jest.fn(async () => incident);
    await renderInTestApp(
      <TestApiProvider
        apis={[[itsmApiRef, { transitionIncident } as unknown as ItsmApi]]}
      >
        <MoveDialog
          moves={incidentDescriptor.moves}
          record={incident}
          to="resolved"
          onClose={() => {}}
          onDone={() => {}}
        />
      </TestApiProvider>,
    );
    return transitionIncident;
  };

  const resolve = async () => {
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Resolution code/),
      'fixed',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Resolution notes/),
      'Failed over',
    );
    return dialog;
  };

  it('may resolve its open child incidents too', async () => {
    const send = await render(makeIncident({ state: 'in_progress', major }));
    const dialog = await resolve();
    await userEvent.click(within(dialog).getByTestId('itsm-resolve-children'));
    expect(
      within(dialog).getByLabelText('Resolve its open child incidents too'),
    ).toBeChecked();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    await waitFor(() => expect(send).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith(
      '0b6a6f9e-2f0c-4f39-9d0e-1d7f4c1d0001',
      expect.objectContaining({
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Failed over',
        resolveChildren: true,
      }),
    );
  });

  it('sends no resolveChildren when it is left unticked', async () => {
    const send = await render(makeIncident({ state: 'in_progress', major }));
    const dialog = await resolve();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    await waitFor(() => expect(send).toHaveBeenCalled());
    expect(send.mock.calls[0]).toEqual([
      expect.any(String),
      expect.not.objectContaining({ resolveChildren: expect.anything() }),
    ]);
  });

  it('offers no checkbox on an incident that is no major incident', async () => {
    await render(makeIncident({ state: 'in_progress' }));
    await screen.findByRole('dialog');
    expect(
      screen.queryByTestId('itsm-resolve-children'),
    ).not.toBeInTheDocument();
  });
});
