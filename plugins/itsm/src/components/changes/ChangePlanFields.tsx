import Grid from '@material-ui/core/Grid';
import {
  CHANGE_RISK_LABELS,
  CHANGE_RISKS,
  CHANGE_TYPE_LABELS,
  CHANGE_TYPES,
} from '@backstage-itsm/plugin-itsm-common';
import {
  FormTextField,
  FormTextFieldProps,
  RecordCoreFields,
  SelectField,
} from '../shared';
import { ChangeFormErrors, ChangeFormValues } from './changeForm';

const PLANS = [
  {
    field: 'implementationPlan',
    label: 'Implementation plan',
    help: 'The steps, in order, and who does them',
  },
  {
    field: 'backoutPlan',
    label: 'Backout plan',
    help: 'How to return to the state before the change if it fails',
  },
  {
    field: 'testPlan',
    label: 'Test plan',
    help: 'How you will know the change worked',
  },
] as const;

type PlanField = (typeof PLANS)[number]['field'];

/**
 * The fields of a change's plan, for the request dialog and the change page's editor.
 * `entity`: `fixed` shows the CI (from an entity page), `input` asks for it, `none`
 * leaves it out (the CI of an existing change does not change).
 */
export const ChangePlanFields = (props: {
  idPrefix: string;
  values: ChangeFormValues;
  errors: ChangeFormErrors;
  onChange: (patch: Partial<ChangeFormValues>) => void;
  entity: 'fixed' | 'input' | 'none';
}) => {
  const { idPrefix, values, errors, onChange, entity } = props;
  const text = (
    field: 'affectedEntityRefs' | 'plannedStart' | 'plannedEnd' | PlanField,
    label: string,
    help: string,
    extra: Partial<FormTextFieldProps> = {},
  ) => (
    <FormTextField
      id={`${idPrefix}-${field}`}
      label={label}
      value={values[field]}
      onChange={value => onChange({ [field]: value })}
      error={errors[field]}
      helperText={help}
      {...extra}
    />
  );

  return (
    <>
      <RecordCoreFields
        idPrefix={idPrefix}
        values={values}
        errors={errors}
        onChange={onChange}
        entity={entity}
        help={{
          entityRef:
            'The catalog entity that is changed, e.g. component:default/payments',
          title: 'What changes, in one line',
          description:
            'Why the change is needed and what it affects (Markdown)',
        }}
      />
      <Grid item xs={12}>
        {text(
          'affectedEntityRefs',
          'Affected CIs (optional)',
          'More catalog entities the change touches, separated by commas or new lines',
          { multiline: true, minRows: 1 },
        )}
      </Grid>
      <Grid item xs={12} sm={6}>
        <SelectField
          id={`${idPrefix}-type`}
          label="Type"
          value={values.type}
          codes={CHANGE_TYPES}
          labels={CHANGE_TYPE_LABELS}
          onChange={type => type && onChange({ type })}
          helperText="Standard changes are pre-approved; emergency ones skip assessment"
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <SelectField
          id={`${idPrefix}-risk`}
          label="Risk"
          value={values.risk}
          codes={CHANGE_RISKS}
          labels={CHANGE_RISK_LABELS}
          onChange={risk => risk && onChange({ risk })}
          helperText="High risk adds the platform team's approval"
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        {text('plannedStart', 'Planned start', 'In your time zone', {
          inputType: 'datetime-local',
        })}
      </Grid>
      <Grid item xs={12} sm={6}>
        {text('plannedEnd', 'Planned end', 'In your time zone', {
          inputType: 'datetime-local',
        })}
      </Grid>
      {PLANS.map(plan => (
        <Grid item xs={12} key={plan.field}>
          {text(plan.field, plan.label, plan.help, {
            multiline: true,
            minRows: 2,
          })}
        </Grid>
      ))}
    </>
  );
};
