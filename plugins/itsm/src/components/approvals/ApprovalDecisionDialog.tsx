import { useEffect, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  ApprovalDecision,
  ApprovalStep,
  DecideApprovalRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi, itsmApiRef } from '../../api';
import {
  ActionDialog,
  commentProblem,
  TextAreaField,
  useSubmit,
} from '../shared';

/** The words of a decision: the buttons and the dialog say the same. */
export const DECISION_LABELS: Record<ApprovalDecision, string> = {
  approved: 'Approve',
  rejected: 'Reject',
};

/** The record a step belongs to, as far as the dialog needs it. */
export interface DecidedRecord {
  id: string;
  number: string;
  title: string;
  /** `change` or `request`: the kinds that have approvals. */
  kind: string;
}

/** Sends a decision on a step of a change or of a service request. */
function decide(
  itsmApi: ItsmApi,
  record: DecidedRecord,
  request: DecideApprovalRequest,
): Promise<unknown> {
  return record.kind === 'request'
    ? itsmApi.decideRequestApproval(record.id, request)
    : itsmApi.decideChangeApproval(record.id, request);
}

/**
 * Approves or rejects one step with a comment; rejecting needs one (it is the reason a
 * change goes back to draft, or a request is rejected). The server's 403 (requester, not
 * a member) or 409 (decided meanwhile) is shown in the dialog.
 */
export const ApprovalDecisionDialog = (props: {
  record: DecidedRecord;
  step: ApprovalStep;
  /** The dialog is open while it is set. */
  decision?: ApprovalDecision;
  onClose: () => void;
  onDone: () => void;
}) => {
  const { record, step, decision, onClose, onDone } = props;
  const itsmApi = useApi(itsmApiRef);
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const submitState = useSubmit();
  const { setError, runThen } = submitState;

  useEffect(() => {
    setComment('');
    setFieldError(undefined);
    setError(undefined);
  }, [decision, setError]);

  if (!decision) return null;
  const label = DECISION_LABELS[decision];
  const required = decision === 'rejected';

  const submit = async () => {
    const problem = commentProblem(
      comment,
      required ? 'Say why: the requester reads it on the timeline' : undefined,
    );
    setFieldError(problem);
    if (problem) return;
    await runThen(
      () =>
        decide(itsmApi, record, {
          stepId: step.id,
          decision,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      onDone,
    );
  };

  return (
    <ActionDialog
      id="itsm-approval-decision"
      action={label}
      number={record.number}
      submit={submitState}
      onClose={onClose}
      onSubmit={submit}
    >
      <Grid item xs={12}>
        <Typography variant="body2">
          {record.title}
          <br />
          <Typography component="span" variant="caption" color="textSecondary">
            {step.stageName}: {step.reason}
          </Typography>
        </Typography>
      </Grid>
      <Grid item xs={12}>
        <TextAreaField
          id="itsm-approval-comment"
          label="Comment"
          value={comment}
          onChange={setComment}
          error={fieldError}
          helperText={
            required
              ? 'Required: why it is rejected and what would change your mind'
              : 'Optional: recorded with your decision'
          }
          required={required}
          minRows={3}
        />
      </Grid>
    </ActionDialog>
  );
};
