import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Incident,
  MajorIncident,
  MajorIncidentDecision,
  OPEN_INCIDENT_STATES,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  ActionDialog,
  formatDateTime,
  IncidentLink,
  LinkedIncidentsEditor,
  NamedCard,
  RecordCardProps,
  RefLink,
  TextAreaField,
  useSubmit,
} from '../shared';

type Action = MajorIncidentDecision['action'];

/** Each decision's button: its label and test id. */
const ACTIONS: Record<Action, { label: string; testId: string }> = {
  propose: { label: 'Propose as major incident', testId: 'itsm-major-propose' },
  accept: { label: 'Accept', testId: 'itsm-major-accept' },
  reject: { label: 'Reject', testId: 'itsm-major-reject' },
};

const STATE_TEXT: Record<MajorIncident['state'], string> = {
  proposed: 'Proposed as a major incident',
  accepted: 'Major incident',
  rejected: 'Not a major incident: the proposal was rejected',
};

/** Who proposed it and why, and who decided and why. */
const MajorState = (props: { major: MajorIncident }) => {
  const { major } = props;
  return (
    <Box data-testid={`itsm-major-state-${major.state}`}>
      <Typography variant="subtitle2">{STATE_TEXT[major.state]}</Typography>
      <Typography variant="body2">
        Proposed by <RefLink entityRef={major.proposedBy} />{' '}
        {formatDateTime(major.proposedAt)}: {major.reason}
      </Typography>
      {major.decidedBy && (
        <Typography variant="body2">
          {major.state === 'accepted' ? 'Accepted' : 'Rejected'} by{' '}
          <RefLink entityRef={major.decidedBy} />{' '}
          {formatDateTime(major.decidedAt)}
          {major.decisionNote ? `: ${major.decisionNote}` : ''}
        </Typography>
      )}
    </Box>
  );
};

/** The decisions open to the incident now (the server decides who may make them). */
function actionsOf(incident: Incident, editable: boolean): Action[] {
  if (!OPEN_INCIDENT_STATES.includes(incident.state)) return [];
  const { major } = incident;
  if (major?.state === 'proposed') return ['accept', 'reject'];
  if (major?.state === 'accepted' || incident.parent) return [];
  return editable ? ['propose'] : [];
}

/** The children of an accepted major incident, linked and unlinked by number. */
const ChildIncidents = (props: RecordCardProps<Incident>) => {
  const { record: incident, editable, onUpdated } = props;
  const itsmApi = useApi(itsmApiRef);
  const children = useAsyncRetry(
    () => itsmApi.listChildIncidents(incident.id),
    [itsmApi, incident.id, incident.version],
  );
  const changed = () => {
    children.retry();
    onUpdated();
  };
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">Child incidents</Typography>
      <LinkedIncidentsEditor
        label="Child incidents"
        records={children}
        empty="No child incident is linked."
        testId={child => `itsm-major-child-${child.number}`}
        number={incident.number}
        editable={editable}
        mayLink={editable}
        add={{
          label: 'Link child incident',
          testId: 'itsm-major-link-child',
          helperText: 'An incident caused by this major incident',
        }}
        link={number => itsmApi.linkChildIncident(incident.id, number)}
        unlink={number => itsmApi.unlinkChildIncident(incident.id, number)}
        onChanged={changed}
      />
    </Box>
  );
};

/** An update for the stakeholders of an accepted major incident (on its timeline). */
const StakeholderUpdateForm = (props: RecordCardProps<Incident>) => {
  const { record: incident, onUpdated } = props;
  const itsmApi = useApi(itsmApiRef);
  const [body, setBody] = useState('');
  const post = useSubmit();
  const send = () =>
    post.runThen(
      () => itsmApi.postStakeholderUpdate(incident.id, body.trim()),
      () => {
        setBody('');
        onUpdated();
      },
    );
  return (
    <Box mt={2}>
      <TextField
        label="Stakeholder update"
        helperText="Sent to the owners of what it impacts, and on the timeline"
        value={body}
        onChange={e => setBody(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        inputProps={{ 'data-testid': 'itsm-stakeholder-update' }}
      />
      {post.error && <Alert severity="error">{post.error}</Alert>}
      <Box mt={1}>
        <Button
          variant="outlined"
          color="primary"
          size="small"
          data-testid="itsm-stakeholder-update-post"
          disabled={!body.trim() || post.submitting}
          onClick={send}
        >
          Post update
        </Button>
      </Box>
    </Box>
  );
};

/**
 * The incident page's "Major incident" card: its parent when it is a child; its
 * proposal and decision; "Propose as major incident", "Accept" and "Reject" (each asks
 * why; the server decides who may and its message is shown); and for an accepted major
 * incident its child incidents and the stakeholder update form.
 */
export const MajorIncidentCard = (props: RecordCardProps<Incident>) => {
  const { record: incident, editable, onUpdated } = props;
  const itsmApi = useApi(itsmApiRef);
  const [action, setAction] = useState<Action>();
  const [reason, setReason] = useState('');
  const decide = useSubmit();
  const { major } = incident;

  const open = (next: Action) => {
    setReason('');
    decide.setError(undefined);
    setAction(next);
  };
  const submit = async () => {
    if (!action) return;
    await decide.runThen(
      () =>
        itsmApi.decideMajorIncident(incident.id, {
          action,
          reason: reason.trim(),
        }),
      () => {
        setAction(undefined);
        onUpdated();
      },
    );
  };

  return (
    <NamedCard title="Major incident">
      <div data-testid="itsm-major-incident">
        {incident.parent && (
          <Typography variant="body2" data-testid="itsm-major-parent">
            Parent: <IncidentLink number={incident.parent} />
          </Typography>
        )}
        {major ? (
          <MajorState major={major} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            Not a major incident.
          </Typography>
        )}
        <Box mt={1} display="flex" gridGap={8} flexWrap="wrap">
          {actionsOf(incident, editable).map(next => (
            <Button
              key={next}
              size="small"
              variant="outlined"
              color={next === 'reject' ? 'default' : 'primary'}
              data-testid={ACTIONS[next].testId}
              onClick={() => open(next)}
            >
              {ACTIONS[next].label}
            </Button>
          ))}
        </Box>
        {major?.state === 'accepted' && (
          <>
            <ChildIncidents {...props} />
            {OPEN_INCIDENT_STATES.includes(incident.state) && (
              <StakeholderUpdateForm {...props} />
            )}
          </>
        )}
      </div>
      {action && (
        <ActionDialog
          id="itsm-major-decision"
          action={ACTIONS[action].label}
          number={incident.number}
          submit={decide}
          onClose={() => setAction(undefined)}
          onSubmit={submit}
        >
          <Grid item xs={12}>
            <TextAreaField
              id="itsm-major-reason"
              label="Reason"
              value={reason}
              onChange={setReason}
              required
            />
          </Grid>
        </ActionDialog>
      )}
    </NamedCard>
  );
};
