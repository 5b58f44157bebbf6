import { useEffect, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  HOLD_REASON_LABELS,
  HOLD_REASONS,
  HoldReason,
  Incident,
  IncidentState,
  IncidentTransitionInput,
  RESOLUTION_CODE_LABELS,
  RESOLUTION_CODES,
  ResolutionCode,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { ActionDialog, SelectField, TextAreaField, useSubmit } from '../shared';
import {
  TransitionFormProblems,
  transitionFormProblems,
  transitionLabel,
} from './transitions';

export interface TransitionDialogProps {
  incident: Incident;
  /** The target state; the dialog is open while it is set. */
  to?: IncidentState;
  onClose: () => void;
  onDone: (incident: Incident) => void;
}

/**
 * Asks for exactly what the move's guard needs: code and notes to resolve, a reason (and
 * a comment to the caller when awaiting them) to hold, an optional comment otherwise.
 */
export const TransitionDialog = (props: TransitionDialogProps) => {
  const { incident, to, onClose, onDone } = props;
  const itsmApi = useApi(itsmApiRef);
  const [holdReason, setHoldReason] = useState<HoldReason | ''>('');
  const [resolutionCode, setResolutionCode] = useState<ResolutionCode | ''>('');
  const [resolutionNotes, setResolutionNotes] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<TransitionFormProblems>();
  const submitState = useSubmit();
  const { setError, run } = submitState;

  useEffect(() => {
    setHoldReason('');
    setResolutionCode('');
    setResolutionNotes('');
    setComment('');
    setProblems(undefined);
    setError(undefined);
  }, [to, setError]);

  if (!to) return null;

  const submit = async () => {
    // Only the fields of this move: the guard refuses e.g. a hold reason when resolving.
    const input: IncidentTransitionInput = {
      to,
      ...(to === 'on_hold' && holdReason ? { holdReason } : {}),
      ...(to === 'resolved' && resolutionCode ? { resolutionCode } : {}),
      ...(to === 'resolved' && resolutionNotes.trim()
        ? { resolutionNotes }
        : {}),
      ...(comment.trim() ? { comment } : {}),
    };
    const found = transitionFormProblems(input);
    setProblems(found);
    if (Object.keys(found.fields).length > 0 || found.other.length > 0) return;

    const updated = await run(() =>
      itsmApi.transitionIncident(incident.id, {
        ...input,
        version: incident.version,
      }),
    );
    if (updated) onDone(updated);
  };

  const label = transitionLabel(incident.state, to);
  const commentRequired = to === 'on_hold' && holdReason === 'awaiting_caller';

  return (
    <ActionDialog
      id="itsm-transition"
      action={label}
      number={incident.number}
      submit={submitState}
      onClose={onClose}
      onSubmit={submit}
    >
      {to === 'resolved' && (
        <>
          <Grid item xs={12}>
            <SelectField
              id="itsm-transition-resolution-code"
              label="Resolution code"
              empty="Choose…"
              value={resolutionCode}
              codes={RESOLUTION_CODES}
              labels={RESOLUTION_CODE_LABELS}
              onChange={setResolutionCode}
              error={problems?.fields.resolutionCode}
              required
            />
          </Grid>
          <Grid item xs={12}>
            <TextAreaField
              id="itsm-transition-resolution-notes"
              label="Resolution notes"
              value={resolutionNotes}
              onChange={setResolutionNotes}
              error={problems?.fields.resolutionNotes}
              helperText="What was wrong and what fixed it"
              required
              minRows={3}
            />
          </Grid>
        </>
      )}
      {to === 'on_hold' && (
        <Grid item xs={12}>
          <SelectField
            id="itsm-transition-hold-reason"
            label="Hold reason"
            empty="Choose…"
            value={holdReason}
            codes={HOLD_REASONS}
            labels={HOLD_REASON_LABELS}
            onChange={setHoldReason}
            error={problems?.fields.holdReason}
            required
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <TextAreaField
          id="itsm-transition-comment"
          label={
            commentRequired
              ? 'Comment to the caller'
              : 'Comment (optional, visible to the requester)'
          }
          value={comment}
          onChange={setComment}
          error={problems?.fields.comment}
          helperText={
            commentRequired
              ? 'What you need from the caller; their reply resumes the work'
              : undefined
          }
          required={commentRequired}
        />
      </Grid>
      {problems?.other.map(problem => (
        <Grid item xs={12} key={problem}>
          <Alert severity="warning">{problem}</Alert>
        </Grid>
      ))}
    </ActionDialog>
  );
};
