import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  Change,
  changeTransitionGuard,
} from '@backstage-itsm/plugin-itsm-common';
import { CreateDialogProps, CreateRecordDialog } from '../records';
import { ProblemLink } from '../shared';
import {
  ChangeFormValues,
  createChangeRequest,
  emptyChangeForm,
  formPlan,
  humanizeProblem,
  validateChangeForm,
} from './changeForm';
import { ChangePlanFields } from './ChangePlanFields';

/** @public */
export interface NewChangeDialogProps extends CreateDialogProps<Change> {
  /** What the form starts with besides the CI (a fix's title, its affected CIs). */
  prefill?: Partial<ChangeFormValues>;
  /** The problem (number) the change is raised to fix: sent with it, and said so. */
  problem?: string;
}

/**
 * What the plan still lacks for the step after draft (authorisation, or scheduling for
 * a standard change): not a reason to refuse the draft, but worth knowing now.
 */
export function missingForApproval(values: ChangeFormValues): string[] {
  const to = values.type === 'standard' ? 'scheduled' : 'authorize';
  return changeTransitionGuard(formPlan(values), { to }).map(humanizeProblem);
}

/**
 * The form to request a change: what, on which CIs, what kind and risk, when, how; from
 * a problem's page, prefilled as its fix and linked to it.
 */
export const NewChangeDialog = (props: NewChangeDialogProps) => {
  const { problem, ...dialog } = props;
  return (
    <CreateRecordDialog
      {...dialog}
      id="itsm-new-change"
      idPrefix="itsm-new-change"
      title="Request change"
      submitLabel="Create"
      empty={emptyChangeForm}
      validate={validateChangeForm}
      create={(api, values) =>
        api.createChange({
          ...createChangeRequest(values),
          ...(problem ? { problem } : {}),
        })
      }
    >
      {form => {
        const { values } = form;
        const missing = missingForApproval(values);
        return (
          <>
            {problem && (
              <Grid item xs={12}>
                <Typography variant="body2">
                  Raised to fix <ProblemLink number={problem} />: it is linked
                  to the problem.
                </Typography>
              </Grid>
            )}
            <ChangePlanFields {...form} />
            {missing.length > 0 && (
              <Grid item xs={12}>
                <Alert severity="info" data-testid="missing-for-approval">
                  It is saved as a draft. Before it can be{' '}
                  {values.type === 'standard' ? 'scheduled' : 'authorised'}:{' '}
                  {missing.join('; ')}.
                </Alert>
              </Grid>
            )}
          </>
        );
      }}
    </CreateRecordDialog>
  );
};
