import { useEffect, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import { useApi } from '@backstage/core-plugin-api';
import {
  RequestState,
  requestTransitionGuard,
  ServiceRequest,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { ActionDialog, TextAreaField, useSubmit } from '../shared';
import { NOTE_HELP, REQUEST_TRANSITION_LABELS } from './transitions';

/**
 * Confirms a move of a service request, with a note: required to fulfil (what was
 * done) and to reject (why), as the shared guard says; optional otherwise.
 */
export const RequestTransitionDialog = (props: {
  request: ServiceRequest;
  /** The target state; the dialog is open while it is set. */
  to?: RequestState;
  onClose: () => void;
  onDone: () => void;
}) => {
  const { request, to, onClose, onDone } = props;
  const itsmApi = useApi(itsmApiRef);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const submitState = useSubmit();
  const { setError, run } = submitState;

  useEffect(() => {
    setNote('');
    setNoteError(undefined);
    setError(undefined);
  }, [to, setError]);

  if (!to) return null;
  const needsNote = (input: { to: RequestState; note?: string }) =>
    requestTransitionGuard(input).some(p => p.field === 'note');
  const required = needsNote({ to });

  const submit = async () => {
    if (needsNote({ to, note })) {
      setNoteError(NOTE_HELP[to]);
      return;
    }
    if (note.length > TEXT_LIMITS.resolutionNotes) {
      setNoteError(`At most ${TEXT_LIMITS.resolutionNotes} characters`);
      return;
    }
    setNoteError(undefined);
    const moved = await run(() =>
      itsmApi.transitionRequest(request.id, {
        version: request.version,
        to,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (moved) onDone();
  };

  return (
    <ActionDialog
      id="itsm-request-transition"
      action={REQUEST_TRANSITION_LABELS[to]}
      number={request.number}
      submit={submitState}
      onClose={onClose}
      onSubmit={submit}
    >
      <Grid item xs={12}>
        <TextAreaField
          id="itsm-request-note"
          label="Note"
          value={note}
          onChange={setNote}
          error={noteError}
          helperText={NOTE_HELP[to]}
          required={required}
          minRows={3}
        />
      </Grid>
    </ActionDialog>
  );
};
