import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  CHANGE_RISK_LABELS,
  CHANGE_RISKS,
  CHANGE_TYPE_LABELS,
  CHANGE_TYPES,
  ChangeRisk,
  ChangeType,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import { RefLink } from '../shared';
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
    field: keyof ChangeFormValues,
    label: string,
    help: string,
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      id={`${idPrefix}-${field}`}
      label={label}
      value={values[field]}
      onChange={e => onChange({ [field]: e.target.value })}
      error={!!errors[field]}
      helperText={errors[field] ?? help}
      fullWidth
      variant="outlined"
      {...extra}
    />
  );

  return (
    <>
      {entity === 'fixed' && (
        <Grid item xs={12}>
          <Typography variant="body2">
            Configuration item: <RefLink entityRef={values.entityRef} />
          </Typography>
        </Grid>
      )}
      {entity === 'input' && (
        <Grid item xs={12}>
          {text(
            'entityRef',
            'Configuration item (entity ref)',
            'The catalog entity that is changed, e.g. component:default/payments',
            { required: true, placeholder: 'component:default/payments' },
          )}
        </Grid>
      )}
      <Grid item xs={12}>
        {text(
          'title',
          'Title',
          `What changes, in one line (${values.title.length}/${TEXT_LIMITS.title})`,
          { required: true },
        )}
      </Grid>
      <Grid item xs={12}>
        {text(
          'description',
          'Description',
          'Why the change is needed and what it affects (Markdown)',
          { multiline: true, minRows: 3 },
        )}
      </Grid>
      <Grid item xs={12}>
        {text(
          'affectedEntityRefs',
          'Affected CIs (optional)',
          'More catalog entities the change touches, separated by commas or new lines',
          { multiline: true, minRows: 1 },
        )}
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          select
          id={`${idPrefix}-type`}
          label="Type"
          value={values.type}
          onChange={e => onChange({ type: e.target.value as ChangeType })}
          helperText="Standard changes are pre-approved; emergency ones skip assessment"
          SelectProps={{ native: true }}
          fullWidth
          variant="outlined"
        >
          {CHANGE_TYPES.map(type => (
            <option key={type} value={type}>
              {CHANGE_TYPE_LABELS[type]}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          select
          id={`${idPrefix}-risk`}
          label="Risk"
          value={values.risk}
          onChange={e => onChange({ risk: e.target.value as ChangeRisk })}
          helperText="High risk adds the platform team's approval"
          SelectProps={{ native: true }}
          fullWidth
          variant="outlined"
        >
          {CHANGE_RISKS.map(risk => (
            <option key={risk} value={risk}>
              {CHANGE_RISK_LABELS[risk]}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6}>
        {text('plannedStart', 'Planned start', 'In your time zone', {
          type: 'datetime-local',
          InputLabelProps: { shrink: true },
        })}
      </Grid>
      <Grid item xs={12} sm={6}>
        {text('plannedEnd', 'Planned end', 'In your time zone', {
          type: 'datetime-local',
          InputLabelProps: { shrink: true },
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
