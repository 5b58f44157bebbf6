import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import {
  Change,
  changeTransitionGuard,
} from '@backstage-itsm/plugin-itsm-common';
import { CreateRecordDialog } from '../records';
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
export interface NewChangeDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (change: Change) => void;
  /** The CI when requested from an entity page; without it the form asks for one. */
  entityRef?: string;
}

/**
 * What the plan still lacks for the step after draft (authorisation, or scheduling for
 * a standard change): not a reason to refuse the draft, but worth knowing now.
 */
export function missingForApproval(values: ChangeFormValues): string[] {
  const to = values.type === 'standard' ? 'scheduled' : 'authorize';
  return changeTransitionGuard(formPlan(values), { to }).map(humanizeProblem);
}

/** The form to request a change: what, on which CIs, what kind and risk, when, how. */
export const NewChangeDialog = (props: NewChangeDialogProps) => (
  <CreateRecordDialog
    {...props}
    id="itsm-new-change"
    title="Request change"
    submitLabel="Create"
    empty={emptyChangeForm}
    validate={validateChangeForm}
    create={(api, values) => api.createChange(createChangeRequest(values))}
  >
    {({ values, errors, change }) => {
      const missing = missingForApproval(values);
      return (
        <>
          <ChangePlanFields
            idPrefix="itsm-new-change"
            values={values}
            errors={errors}
            onChange={change}
            entity={props.entityRef ? 'fixed' : 'input'}
          />
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
