import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import EditIcon from '@material-ui/icons/Edit';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CHANGE_CLOSE_CODE_LABELS,
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  Change,
  ChangeState,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  AssigneeField,
  DescriptionField,
  DetailField as Field,
  NotesField,
  OutcomeFields,
  ProblemLink,
  RecordCardProps,
  RefField,
  RefListField,
  TimeField,
  useSubmit,
} from '../shared';
import {
  ChangeFormErrors,
  changeFormFromChange,
  updateChangeRequest,
  validateChangeForm,
} from './changeForm';
import { ChangePlanFields } from './ChangePlanFields';

/** The three plans, as the plan's view shows them. */
const PLANS = [
  ['Implementation plan', 'implementationPlan'],
  ['Backout plan', 'backoutPlan'],
  ['Test plan', 'testPlan'],
] as const;

/** The approvals are for the plan: it can be edited before authorisation only. */
export const PLAN_EDITABLE_STATES: readonly ChangeState[] = ['draft', 'assess'];

const PlanView = (props: { change: Change }) => {
  const { change } = props;
  return (
    <Grid container spacing={2}>
      <DescriptionField description={change.description} />
      <RefField label="Configuration item" entityRef={change.entityRef} />
      <RefListField
        label="Affected CIs"
        refs={change.affectedEntityRefs}
        always
      />
      <Field label="Type / risk">
        {CHANGE_TYPE_LABELS[change.type]} / {CHANGE_RISK_LABELS[change.risk]}
      </Field>
      <RefField label="Requester" entityRef={change.requester} />
      <AssigneeField assignee={change.assignee} />
      <RefField label="Assignment group" entityRef={change.assignmentGroup} />
      {change.problem && (
        <Field label="Raised to fix">
          <ProblemLink number={change.problem} />
        </Field>
      )}
      <TimeField label="Planned start" at={change.plannedStart} empty="—" />
      <TimeField label="Planned end" at={change.plannedEnd} empty="—" />
      <TimeField label="Raised" at={change.createdAt} />
      <TimeField label="Started" at={change.actualStart} />
      <TimeField label="Ended" at={change.actualEnd} />
      <OutcomeFields
        record={change}
        outcome="close"
        labels={CHANGE_CLOSE_CODE_LABELS}
      />
      {PLANS.map(([label, field]) => (
        <NotesField expected key={field} label={label} text={change[field]} />
      ))}
    </Grid>
  );
};

const PlanEditor = (props: {
  change: Change;
  onDone: (updated?: Change) => void;
}) => {
  const { change, onDone } = props;
  const itsmApi = useApi(itsmApiRef);
  const [values, setValues] = useState(() => changeFormFromChange(change));
  const [errors, setErrors] = useState<ChangeFormErrors>({});
  const { submitting, error, run } = useSubmit();

  const save = async () => {
    const found = validateChangeForm(values, { checkEntityRef: false });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const request = updateChangeRequest(change, values);
    if (Object.keys(request).length === 1) {
      onDone(); // nothing but the version: nothing changed
      return;
    }
    const updated = await run(() => itsmApi.updateChange(change.id, request));
    if (updated) onDone(updated);
  };

  return (
    <form
      noValidate
      aria-label="Edit the plan"
      onSubmit={e => {
        e.preventDefault();
        save();
      }}
    >
      <Grid container spacing={2}>
        <ChangePlanFields
          idPrefix="itsm-edit-change"
          values={values}
          errors={errors}
          onChange={patch => setValues(v => ({ ...v, ...patch }))}
          entity="none"
        />
        {error && (
          <Grid item xs={12}>
            <Alert severity="error">{error}</Alert>
          </Grid>
        )}
        <Grid item xs={12}>
          <Box display="flex" justifyContent="flex-end" gridGap={8}>
            <Button onClick={() => onDone()} disabled={submitting}>
              Discard
            </Button>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={submitting}
            >
              Save plan
            </Button>
          </Box>
        </Grid>
      </Grid>
    </form>
  );
};

/**
 * The change's plan: description, CIs, type and risk, window and the three plans; in
 * draft and assess, for those who may update the change (`editable`), an "Edit plan"
 * button turns it into a form (saved with the version).
 */
export const ChangePlanCard = (props: RecordCardProps<Change>) => {
  const { record: change, onUpdated } = props;
  const [editing, setEditing] = useState(false);
  const editable =
    props.editable && PLAN_EDITABLE_STATES.includes(change.state);
  return (
    <InfoCard
      title="Plan"
      action={
        editable && !editing ? (
          <Box mt={1} mr={1}>
            <Button
              size="small"
              startIcon={<EditIcon />}
              onClick={() => setEditing(true)}
            >
              Edit plan
            </Button>
          </Box>
        ) : undefined
      }
    >
      {editing && editable ? (
        <PlanEditor
          change={change}
          onDone={updated => {
            setEditing(false);
            if (updated) onUpdated();
          }}
        />
      ) : (
        <PlanView change={change} />
      )}
    </InfoCard>
  );
};
