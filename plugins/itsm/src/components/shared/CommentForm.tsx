import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import { CommentVisibility } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { useSubmit } from './useSubmit';
import { commentProblem } from './validation';

const useStyles = makeStyles(theme => ({
  form: { marginTop: theme.spacing(2) },
}));

/** Kinds whose records take comments and work notes. */
export type CommentableKind = 'incident' | 'change' | 'request' | 'problem';

const NOUNS: Record<CommentableKind, string> = {
  incident: 'incident',
  change: 'change',
  request: 'request',
  problem: 'problem',
};

const LABELS: Record<CommentVisibility, string> = {
  work_note: 'Work note (internal)',
  comment: 'Comment (visible to the requester)',
};

/** Who reads what is added: people must know before they write. */
function visibilityHelp(visibility: CommentVisibility, kind: CommentableKind) {
  return visibility === 'work_note'
    ? `Visible only to the people working this ${NOUNS[kind]}: its assignment group and assignee.`
    : `Visible to the requester and to everyone who may read this ${NOUNS[kind]}.`;
}

/**
 * Adds a comment (the requester sees it) or a work note (internal) to a record;
 * `visibilities` are those the signed-in user may add (at least one), the first is
 * chosen at first.
 */
export const CommentForm = (props: {
  kind: CommentableKind;
  recordId: string;
  visibilities: readonly CommentVisibility[];
  onAdded: () => void;
}) => {
  const { kind, recordId, visibilities, onAdded } = props;
  const classes = useStyles();
  const itsmApi = useApi(itsmApiRef);
  const [body, setBody] = useState('');
  const [chosen, setVisibility] = useState<CommentVisibility>(visibilities[0]);
  // Permissions are re-checked now and then: never send what is no longer offered.
  const visibility = visibilities.includes(chosen) ? chosen : visibilities[0];
  const [fieldError, setFieldError] = useState<string>();
  const { submitting, error: submitError, runThen } = useSubmit();

  const submit = async () => {
    const problem = commentProblem(body, 'Write something first');
    setFieldError(problem);
    if (problem) return;
    const request = { body, visibility };
    const add = {
      incident: () => itsmApi.addComment(recordId, request),
      change: () => itsmApi.addChangeComment(recordId, request),
      request: () => itsmApi.addRequestComment(recordId, request),
      problem: () => itsmApi.addProblemComment(recordId, request),
    }[kind];
    await runThen(add, () => {
      setBody('');
      onAdded();
    });
  };

  return (
    <form
      noValidate
      aria-label="Add to the timeline"
      className={classes.form}
      onSubmit={e => {
        e.preventDefault();
        submit();
      }}
    >
      {visibilities.length > 1 && (
        <RadioGroup
          row
          aria-label="Visibility"
          value={visibility}
          onChange={e => setVisibility(e.target.value as CommentVisibility)}
        >
          {visibilities.map(v => (
            <FormControlLabel
              key={v}
              value={v}
              control={<Radio color="primary" />}
              label={LABELS[v]}
            />
          ))}
        </RadioGroup>
      )}
      <TextField
        id="itsm-comment-body"
        label={visibility === 'comment' ? 'Comment' : 'Work note'}
        value={body}
        onChange={e => setBody(e.target.value)}
        error={!!fieldError}
        helperText={fieldError ?? visibilityHelp(visibility, kind)}
        fullWidth
        multiline
        minRows={3}
        variant="outlined"
      />
      {submitError && (
        <Box mt={1}>
          <Alert severity="error">{submitError}</Alert>
        </Box>
      )}
      <Box mt={1} display="flex" justifyContent="flex-end">
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={submitting}
        >
          {visibility === 'comment' ? 'Add comment' : 'Add work note'}
        </Button>
      </Box>
    </form>
  );
};
