import { ReactNode, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AddIcon from '@material-ui/icons/Add';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CHANGE_CLOSE_CODE_LABELS,
  ChangeCloseCode,
  isOpenState,
  Priority,
  Problem,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, LinkedChange, LinkedIncident } from '../../api';
import {
  ChangeLink,
  IncidentLink,
  LinkByNumberDialog,
  NamedCard,
  PriorityChip,
  RecordCardProps,
  StateChip,
  useCreatePermission,
  useSubmit,
} from '../shared';
import { NewChangeDialog } from '../changes';

interface Loaded<T> {
  value?: T;
  loading: boolean;
  error?: Error;
}

/** Progress, error, or the content of a loaded value. */
function loadedBody<T>(state: Loaded<T>, render: (value: T) => ReactNode) {
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.value === undefined) return state.loading ? <Progress /> : null;
  return render(state.value);
}

/**
 * "Linked incidents": the incidents the problem explains (those the user may read), each
 * with "Unlink", and "Link incident" by its number (409: linked to another problem);
 * linking and unlinking for those who may update the problem.
 */
export const LinkedIncidentsCard = (
  props: RecordCardProps<Problem> & { incidents: Loaded<LinkedIncident[]> },
) => {
  const { record: problem, editable, onUpdated: onChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const [linking, setLinking] = useState(false);
  const unlink = useSubmit();
  const mayLink =
    editable && problem.state !== 'closed' && problem.state !== 'canceled';

  const removeLink = async (incident: string) => {
    const updated = await unlink.run(() =>
      itsmApi.unlinkProblemIncident(problem.id, incident),
    );
    if (updated) onChanged();
  };

  return (
    <NamedCard title="Linked incidents">
      {loadedBody(props.incidents, incidents =>
        incidents.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No incident is linked to this problem.
          </Typography>
        ) : (
          <List dense aria-label="Linked incidents">
            {incidents.map(incident => (
              <ListItem
                key={incident.id}
                disableGutters
                data-testid={`linked-incident-${incident.number}`}
              >
                <ListItemText
                  primary={
                    <>
                      <IncidentLink number={incident.number} /> {incident.title}{' '}
                      <StateChip state={incident.state} />{' '}
                      <PriorityChip priority={incident.priority as Priority} />
                    </>
                  }
                />
                {editable && (
                  <ListItemSecondaryAction>
                    <Button
                      size="small"
                      aria-label={`Unlink ${incident.number}`}
                      onClick={() => removeLink(incident.number)}
                      disabled={unlink.submitting}
                    >
                      Unlink
                    </Button>
                  </ListItemSecondaryAction>
                )}
              </ListItem>
            ))}
          </List>
        ),
      )}
      {unlink.error && (
        <Box mt={1}>
          <Alert severity="error">{unlink.error}</Alert>
        </Box>
      )}
      {mayLink && (
        <Box mt={1}>
          <Button
            size="small"
            color="primary"
            startIcon={<AddIcon />}
            data-testid="link-incident"
            onClick={() => setLinking(true)}
          >
            Link incident
          </Button>
        </Box>
      )}
      <LinkByNumberDialog
        open={linking}
        id="itsm-link-incident"
        kind="incident"
        action="Link incident"
        number={problem.number}
        label="Incident number"
        helperText="An incident this problem explains"
        onClose={() => setLinking(false)}
        link={async number => {
          await itsmApi.linkProblemIncident(problem.id, number);
          onChanged();
        }}
      />
    </NamedCard>
  );
};

/**
 * "Fix changes": the changes raised to fix the problem (those the user may read) with
 * how they closed, and "Raise a change to fix": the change dialog prefilled as a normal
 * change on the problem's CIs, titled "Fix: <problem title>" and linked to it; for those
 * who may update the problem and raise changes, while it is open.
 */
export const FixChangesCard = (
  props: RecordCardProps<Problem> & { changes: Loaded<LinkedChange[]> },
) => {
  const { record: problem, editable, onUpdated: onCreated } = props;
  const [raising, setRaising] = useState(false);
  const mayRaise =
    useCreatePermission('change').allowed &&
    editable &&
    isOpenState('problem', problem.state);

  return (
    <NamedCard title="Fix changes">
      {loadedBody(props.changes, changes =>
        changes.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No change has been raised to fix this problem.
          </Typography>
        ) : (
          <List dense aria-label="Fix changes">
            {changes.map(change => (
              <ListItem key={change.id} disableGutters>
                <ListItemText
                  primary={
                    <>
                      <ChangeLink number={change.number} /> {change.title}{' '}
                      <StateChip state={change.state} />
                    </>
                  }
                  secondary={
                    change.closeCode &&
                    `Closed: ${
                      CHANGE_CLOSE_CODE_LABELS[
                        change.closeCode as ChangeCloseCode
                      ] ?? change.closeCode
                    }`
                  }
                />
              </ListItem>
            ))}
          </List>
        ),
      )}
      {mayRaise && (
        <Box mt={1}>
          <Button
            size="small"
            color="primary"
            startIcon={<AddIcon />}
            data-testid="raise-fix-change"
            onClick={() => setRaising(true)}
          >
            Raise a change to fix
          </Button>
        </Box>
      )}
      <NewChangeDialog
        open={raising}
        entityRef={problem.entityRef}
        prefill={{
          title: `Fix: ${problem.title}`,
          type: 'normal',
          affectedEntityRefs: problem.affectedEntityRefs.join('\n'),
        }}
        problem={problem.number}
        onClose={() => setRaising(false)}
        onCreated={() => {
          setRaising(false);
          onCreated();
        }}
      />
    </NamedCard>
  );
};
