import { useEffect, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  CHANGE_CLOSE_CODE_LABELS,
  CHANGE_CLOSE_CODES,
  Change,
  ChangeCloseCode,
  ChangeState,
  ChangeTransitionInput,
  changeTransitionGuard,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { ActionDialog, SelectField, TextAreaField, useSubmit } from '../shared';
import { CHANGE_TRANSITION_LABELS, humanizeProblem } from './transitions';

const COMMENT_HELP: Partial<Record<ChangeState, string>> = {
  draft: 'Why it goes back to planning; its approvals no longer hold',
  canceled: 'Why the change is canceled',
};

/**
 * Confirms a move of a change: closing asks for the close code and notes; every move
 * takes an optional comment. The shared guards run first (a plan missing what
 * authorisation needs is refused here, as the server would).
 */
export const ChangeTransitionDialog = (props: {
  change: Change;
  /** The target state; the dialog is open while it is set. */
  to?: ChangeState;
  onClose: () => void;
  onDone: (change: Change) => void;
}) => {
  const { change, to, onClose, onDone } = props;
  const itsmApi = useApi(itsmApiRef);
  const [closeCode, setCloseCode] = useState<ChangeCloseCode | ''>('');
  const [closeNotes, setCloseNotes] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<
    Partial<Record<'closeCode' | 'closeNotes' | 'comment', string>>
  >({});
  const submitState = useSubmit();
  const { setError, run } = submitState;

  useEffect(() => {
    setCloseCode('');
    setCloseNotes('');
    setComment('');
    setProblems([]);
    setFieldErrors({});
    setError(undefined);
  }, [to, setError]);

  if (!to) return null;
  const label = CHANGE_TRANSITION_LABELS[to];

  const submit = async () => {
    const input: ChangeTransitionInput = {
      to,
      ...(to === 'closed' && closeCode ? { closeCode } : {}),
      ...(to === 'closed' && closeNotes.trim() ? { closeNotes } : {}),
      ...(comment.trim() ? { comment } : {}),
    };
    const errors: typeof fieldErrors = {};
    const other: string[] = [];
    for (const problem of changeTransitionGuard(change, input)) {
      if (problem.field === 'closeCode' && problem.code === 'required') {
        errors.closeCode = 'Choose how the change went';
      } else {
        other.push(humanizeProblem(problem));
      }
    }
    if (closeNotes.length > TEXT_LIMITS.resolutionNotes)
      errors.closeNotes = `At most ${TEXT_LIMITS.resolutionNotes} characters`;
    if (comment.length > TEXT_LIMITS.comment)
      errors.comment = `At most ${TEXT_LIMITS.comment} characters`;
    setFieldErrors(errors);
    setProblems(other);
    if (Object.keys(errors).length > 0 || other.length > 0) return;

    const updated = await run(() =>
      itsmApi.transitionChange(change.id, {
        ...input,
        version: change.version,
      }),
    );
    if (updated) onDone(updated);
  };

  return (
    <ActionDialog
      id="itsm-change-transition"
      action={label}
      number={change.number}
      submit={submitState}
      onClose={onClose}
      onSubmit={submit}
    >
      {to === 'closed' && (
        <>
          <Grid item xs={12}>
            <SelectField
              id="itsm-change-close-code"
              label="Close code"
              empty="Choose…"
              value={closeCode}
              codes={CHANGE_CLOSE_CODES}
              labels={CHANGE_CLOSE_CODE_LABELS}
              onChange={setCloseCode}
              error={fieldErrors.closeCode}
              required
            />
          </Grid>
          <Grid item xs={12}>
            <TextAreaField
              id="itsm-change-close-notes"
              label="Close notes"
              value={closeNotes}
              onChange={setCloseNotes}
              error={fieldErrors.closeNotes}
              helperText="What happened, what was learned"
              minRows={3}
            />
          </Grid>
        </>
      )}
      <Grid item xs={12}>
        <TextAreaField
          id="itsm-change-transition-comment"
          label="Comment (optional, visible to the requester)"
          value={comment}
          onChange={setComment}
          error={fieldErrors.comment}
          helperText={COMMENT_HELP[to]}
        />
      </Grid>
      {problems.map(problem => (
        <Grid item xs={12} key={problem}>
          <Alert severity="warning">{problem}</Alert>
        </Grid>
      ))}
    </ActionDialog>
  );
};
