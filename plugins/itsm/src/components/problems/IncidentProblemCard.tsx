import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { isNotFound, itsmApiRef } from '../../api';
import {
  LinkByNumberDialog,
  NamedCard,
  ProblemLink,
  RecordCardProps,
  StateChip,
  useCreatePermission,
  useSubmit,
} from '../shared';
import { patchIncident } from '../incidents/patchIncident';
import { CreateProblemDialog } from './CreateProblemDialog';
import { KnownErrorChip } from './ProblemChips';

/** The linked problem as far as the user may read it: its title, state and workaround. */
const LinkedProblem = (props: { number: string }) => {
  const itsmApi = useApi(itsmApiRef);
  const { value, error } = useAsync(
    () => itsmApi.getProblem(props.number),
    [itsmApi, props.number],
  );
  return (
    <>
      <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
        <ProblemLink number={props.number} />
        {value && (
          <>
            <Typography variant="body2" component="span">
              {value.title}
            </Typography>
            <StateChip state={value.state} />
            {value.knownError && <KnownErrorChip />}
          </>
        )}
      </Box>
      {value?.knownError && value.workaround && (
        <Box mt={1}>
          <Alert severity="success" data-testid="problem-workaround">
            <strong>Workaround:</strong> {value.workaround}
          </Alert>
        </Box>
      )}
      {error && !isNotFound(error) && (
        <Box mt={1}>
          <Alert severity="warning">
            The problem could not be read: {error.message}
          </Alert>
        </Box>
      )}
    </>
  );
};

/**
 * The incident page's "Problem" card: the problem behind the incident (a link, its
 * state and, for a known error, its workaround) and "Unlink"; without one, "Link to
 * problem" by its number and "Open problem" (prefilled from the incident, linking it).
 * Linking and unlinking take the incident's update permission (`editable`), opening a
 * problem the problem create permission too.
 */
export const IncidentProblemCard = (props: RecordCardProps<Incident>) => {
  const { record: incident, editable, onUpdated } = props;
  const itsmApi = useApi(itsmApiRef);
  const mayOpen = useCreatePermission('problem').allowed && editable;
  const [dialog, setDialog] = useState<'link' | 'open'>();
  const unlink = useSubmit();

  const link = async (number: string) => {
    await patchIncident(itsmApi, incident, { problem: number });
    onUpdated();
  };
  const removeLink = () =>
    unlink.runThen(
      () => patchIncident(itsmApi, incident, { problem: null }),
      onUpdated,
    );

  return (
    <NamedCard title="Problem">
      {incident.problem ? (
        <LinkedProblem number={incident.problem} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not linked to a problem.
        </Typography>
      )}
      {editable && (
        <Box mt={1} display="flex" gridGap={8} flexWrap="wrap">
          {incident.problem ? (
            <Button
              size="small"
              data-testid="unlink-problem"
              onClick={removeLink}
              disabled={unlink.submitting}
            >
              Unlink
            </Button>
          ) : (
            <>
              <Button
                size="small"
                color="primary"
                data-testid="link-to-problem"
                onClick={() => setDialog('link')}
              >
                Link to problem
              </Button>
              {mayOpen && (
                <Button
                  size="small"
                  color="primary"
                  data-testid="open-problem"
                  onClick={() => setDialog('open')}
                >
                  Open problem
                </Button>
              )}
            </>
          )}
        </Box>
      )}
      {unlink.error && (
        <Box mt={1}>
          <Alert severity="error">{unlink.error}</Alert>
        </Box>
      )}
      <LinkByNumberDialog
        open={dialog === 'link'}
        kind="problem"
        action="Link to problem"
        number={incident.number}
        helperText="The problem behind this incident"
        onClose={() => setDialog(undefined)}
        link={link}
      />
      <CreateProblemDialog
        open={dialog === 'open'}
        entityRef={incident.entityRef}
        title={incident.title}
        impact={incident.impact}
        urgency={incident.urgency}
        incidents={[incident.number]}
        onClose={() => setDialog(undefined)}
        onCreated={() => {
          setDialog(undefined);
          onUpdated();
        }}
      />
    </NamedCard>
  );
};
