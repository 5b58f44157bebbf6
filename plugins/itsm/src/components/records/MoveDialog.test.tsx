import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { GuardProblem } from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi, itsmApiRef } from '../../api';
import { makeIncident } from '../../__testUtils__/fixtures';
import { KindRecord, MoveDescriptor } from './descriptor';
import { MoveDialog } from './MoveDialog';

// A kind the dialog has never seen, declared as a new kind would be: the dialog knows
// nothing of it but its descriptor.
type State = 'new' | 'known_error' | 'resolved';
type ProblemRecord = KindRecord & { state: State };
interface Input {
  to: State;
  workaround?: string;
  cause?: string;
}

const record: ProblemRecord = {
  ...makeIncident({ number: 'PRB-000001', version: 3 }),
  state: 'new',
};

function guard(problem: ProblemRecord, input: Input): GuardProblem[] {
  const problems: GuardProblem[] = [];
  if (input.to === 'known_error' && !input.workaround?.trim())
    problems.push({
      field: 'workaround',
      code: 'required',
      message: 'workaround is required',
    });
  if (input.to === 'resolved' && !input.cause)
    problems.push({ field: 'cause', code: 'required', message: 'cause' });
  if (input.to === 'resolved' && problem.title === 'no analysis')
    problems.push({
      field: 'rootCause',
      code: 'required',
      message: 'rootCause is required to resolve',
    });
  return problems;
}

function makeMoves(send: jest.Mock): MoveDescriptor<ProblemRecord, Input> {
  return {
    dialogId: 'itsm-problem-transition',
    allowed: () => ['known_error', 'resolved'],
    label: to => (to === 'known_error' ? 'Mark known error' : 'Resolve'),
    fields: to =>
      to === 'known_error'
        ? [
            {
              name: 'workaround',
              id: 'itsm-problem-workaround',
              label: 'Workaround',
              helperText: 'How to live with it meanwhile',
              maxLength: 20,
              missing: 'Describe the workaround',
            },
          ]
        : [
            {
              name: 'cause',
              id: 'itsm-problem-cause',
              label: 'Cause',
              options: {
                codes: ['config', 'code'],
                labels: { config: 'Configuration', code: 'Code defect' },
              },
              missing: 'Choose the cause',
            },
          ],
    guard,
    describe: problem => problem.message.replace('rootCause', 'The root cause'),
    send,
  };
}

describe('MoveDialog', () => {
  const render = async (to: State, shown: ProblemRecord = record) => {
    const send = jest.fn(async () => ({ ...shown, state: to }));
    const onDone = jest.fn();
    const onClose = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, {} as ItsmApi]]}>
        <MoveDialog
          moves={makeMoves(send)}
          record={shown}
          to={to}
          onClose={onClose}
          onDone={onDone}
        />
      </TestApiProvider>,
    );
    return { send, onDone, onClose };
  };

  it("asks for the move's fields, places the guard's problems at them and sends what was filled in", async () => {
    const { send, onDone } = await render('known_error');
    const dialog = screen.getByRole('dialog', {
      name: 'Mark known error: PRB-000001',
    });
    const workaround = within(dialog).getByRole('textbox', {
      name: /Workaround/,
    });
    expect(workaround).toBeRequired();
    expect(
      within(dialog).getByText('How to live with it meanwhile'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark known error' }),
    );
    expect(
      within(dialog).getByText('Describe the workaround'),
    ).toBeInTheDocument();
    expect(workaround).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(workaround, 'x'.repeat(21));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark known error' }),
    );
    expect(
      within(dialog).getByText('At most 20 characters'),
    ).toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();

    await userEvent.clear(workaround);
    await userEvent.type(workaround, ' Restart it ');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark known error' }),
    );
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith({}, record.id, {
      to: 'known_error',
      workaround: ' Restart it ',
      version: 3,
    });
  });

  it('shows what belongs to no field of the move above the buttons, in its words', async () => {
    const { send } = await render('resolved', {
      ...record,
      title: 'no analysis',
    });
    const dialog = screen.getByRole('dialog', { name: 'Resolve: PRB-000001' });
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Cause/),
      'Code defect',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'The root cause is required to resolve',
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('leaves the move undone with Back', async () => {
    const { send, onClose } = await render('resolved');
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onClose).toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });
});
