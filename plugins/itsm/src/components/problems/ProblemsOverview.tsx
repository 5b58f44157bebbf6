import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import { useNavigate } from 'react-router-dom';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { useProblemLink } from '../shared';
import { CreateRecordButton } from '../records';
import { problemDescriptor } from './descriptor';
import { ProblemCandidatesCard } from './ProblemCandidatesCard';
import { ProblemKpisCard } from './ProblemKpisCard';
import { ProblemsTable } from './ProblemsTable';

/**
 * Problem management of the organisation, for the ITSM page: the KPIs, the CIs whose
 * incidents recur without a problem (to open one), and the list of problems with "Open
 * problem" (or the `list` given: the problems view's, filtered by its URL); a new
 * problem's page opens once it is created.
 */
export const ProblemsOverview = (props: { list?: ReactNode }) => {
  const navigate = useNavigate();
  const problemLink = useProblemLink();
  const openPage = (problem: Problem) => navigate(problemLink(problem.number));
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <ProblemKpisCard />
      </Grid>
      <Grid item>
        <ProblemCandidatesCard onCreated={openPage} />
      </Grid>
      <Grid item>
        {props.list ?? (
          <ProblemsTable
            showEntity
            actions={
              <CreateRecordButton
                kind={problemDescriptor}
                onCreated={openPage}
              />
            }
          />
        )}
      </Grid>
    </Grid>
  );
};
