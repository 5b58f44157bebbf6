import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Problem, ProblemCandidate } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, ProblemCandidates } from '../../api';
import {
  formatDay,
  humanizeRef,
  IncidentLink,
  NamedCard,
  RefLink,
  useCreatePermission,
} from '../shared';
import { CreateProblemDialog } from './CreateProblemDialog';

/** How many of a candidate's incidents the row links; the count says the rest. */
const SHOWN_INCIDENTS = 5;

const CandidateRow = (props: {
  candidate: ProblemCandidate;
  showEntity: boolean;
  mayOpen: boolean;
  onOpen: () => void;
}) => {
  const { candidate, showEntity } = props;
  const shown = candidate.incidents.slice(0, SHOWN_INCIDENTS);
  return (
    <TableRow data-testid={`problem-candidate-${candidate.entityRef}`}>
      {showEntity && (
        <TableCell>
          <RefLink entityRef={candidate.entityRef} />
        </TableCell>
      )}
      <TableCell>
        <strong>{candidate.incidentCount}</strong>:{' '}
        {shown.map((number, i) => (
          <span key={number}>
            {i > 0 && ', '}
            <IncidentLink number={number} />
          </span>
        ))}
        {candidate.incidentCount > shown.length && ', …'}
      </TableCell>
      <TableCell>
        {formatDay(new Date(candidate.firstAt))} –{' '}
        {formatDay(new Date(candidate.lastAt))}
      </TableCell>
      <TableCell align="right">
        {props.mayOpen && (
          <Button
            size="small"
            color="primary"
            variant="outlined"
            data-testid="open-problem"
            onClick={props.onOpen}
          >
            Open problem
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
};

const CandidatesTable = (props: {
  candidates: ProblemCandidates;
  showEntity: boolean;
  mayOpen: boolean;
  onOpen: (candidate: ProblemCandidate) => void;
}) => (
  <Table size="small" aria-label="Problem candidates">
    <TableHead>
      <TableRow>
        {props.showEntity && <TableCell>CI</TableCell>}
        <TableCell>Incidents without a problem</TableCell>
        <TableCell>Between</TableCell>
        <TableCell />
      </TableRow>
    </TableHead>
    <TableBody>
      {props.candidates.items.map(candidate => (
        <CandidateRow
          key={candidate.entityRef}
          candidate={candidate}
          showEntity={props.showEntity}
          mayOpen={props.mayOpen}
          onOpen={() => props.onOpen(candidate)}
        />
      ))}
    </TableBody>
  </Table>
);

/**
 * "Problem candidates": CIs (this one with `entityRef`, every one the user may read
 * without) whose incidents recur with no problem behind them, at least as many as the
 * server's rule says in its period, each with "Open problem" (for those who may open
 * problems): the dialog starts on the CI and links its incidents.
 */
export const ProblemCandidatesCard = (props: {
  entityRef?: string;
  /** Change it to reload. */
  reloadKey?: number;
  onCreated: (problem: Problem) => void;
}) => {
  const { entityRef, reloadKey = 0, onCreated } = props;
  const itsmApi = useApi(itsmApiRef);
  const mayOpen = useCreatePermission('problem').allowed;
  const [chosen, setChosen] = useState<ProblemCandidate>();
  const candidates = useAsyncRetry(
    () => itsmApi.listProblemCandidates(entityRef),
    [itsmApi, entityRef, reloadKey],
  );
  const { value, loading, error } = candidates;

  let body;
  if (loading && !value) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) {
    const rule = `at least ${value.minIncidents} incidents in the last ${value.days} days that no problem explains`;
    body =
      value.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {entityRef
            ? `Its incidents do not recur without a problem (${rule}).`
            : `No CI has ${rule}.`}
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="textSecondary" paragraph>
            {entityRef ? 'This CI has' : 'CIs with'} {rule}.
          </Typography>
          <CandidatesTable
            candidates={value}
            showEntity={!entityRef}
            mayOpen={mayOpen}
            onOpen={setChosen}
          />
        </>
      );
  }

  return (
    <NamedCard title="Problem candidates">
      {body}
      <CreateProblemDialog
        open={!!chosen}
        entityRef={chosen?.entityRef}
        title={
          chosen && `Recurring incidents on ${humanizeRef(chosen.entityRef)}`
        }
        incidents={chosen?.incidents}
        onClose={() => setChosen(undefined)}
        onCreated={problem => {
          setChosen(undefined);
          candidates.retry();
          onCreated(problem);
        }}
      />
    </NamedCard>
  );
};
