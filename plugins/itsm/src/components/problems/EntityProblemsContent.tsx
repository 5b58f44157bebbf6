import Grid from '@material-ui/core/Grid';
import { EntityRecordsContent } from '../records';
import { problemDescriptor } from './descriptor';
import { ProblemCandidatesCard } from './ProblemCandidatesCard';
import { ProblemKpisCard } from './ProblemKpisCard';

/**
 * The entity's problems with "Open problem", whether its incidents recur without one
 * (a candidate, with one click to open a problem linking them), and its problem KPIs:
 * a section of the entity tab.
 */
export const EntityProblemsContent = () => (
  <EntityRecordsContent
    kind={problemDescriptor}
    below={({ entityRef, reloadKey, reload }) => (
      <>
        <Grid item>
          <ProblemCandidatesCard
            entityRef={entityRef}
            reloadKey={reloadKey}
            onCreated={reload}
          />
        </Grid>
        <Grid item>
          <ProblemKpisCard entityRef={entityRef} reloadKey={reloadKey} />
        </Grid>
      </>
    )}
  />
);
