import { useEffect, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  Change,
  changeTransitionGuard,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { FormDialog, useSubmit } from '../shared';
import {
  ChangeFormErrors,
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
export const NewChangeDialog = (props: NewChangeDialogProps) => {
  const { open, onClose, onCreated, entityRef: fixedEntityRef } = props;
  const itsmApi = useApi(itsmApiRef);
  const [values, setValues] = useState(() => emptyChangeForm(fixedEntityRef));
  const [errors, setErrors] = useState<ChangeFormErrors>({});
  const { submitting, error, setError, run } = useSubmit();

  // Start from a clean form each time the dialog opens.
  useEffect(() => {
    if (open) {
      setValues(emptyChangeForm(fixedEntityRef));
      setErrors({});
      setError(undefined);
    }
  }, [open, fixedEntityRef, setError]);

  const submit = async () => {
    const found = validateChangeForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const change = await run(() =>
      itsmApi.createChange(createChangeRequest(values)),
    );
    if (change) onCreated(change);
  };

  const missing = missingForApproval(values);
  return (
    <FormDialog
      open={open}
      id="itsm-new-change"
      title="Request change"
      submitLabel="Create"
      submitting={submitting}
      error={error}
      maxWidth="md"
      onClose={onClose}
      onSubmit={submit}
    >
      <ChangePlanFields
        idPrefix="itsm-new-change"
        values={values}
        errors={errors}
        onChange={patch => setValues(v => ({ ...v, ...patch }))}
        entity={fixedEntityRef ? 'fixed' : 'input'}
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
    </FormDialog>
  );
};
