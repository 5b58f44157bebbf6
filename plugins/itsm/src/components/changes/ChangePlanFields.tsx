import Grid from '@material-ui/core/Grid';
import {
  CHANGE_RISK_LABELS,
  CHANGE_RISKS,
  CHANGE_TYPE_LABELS,
  CHANGE_TYPES,
} from '@backstage-itsm/plugin-itsm-common';
import {
  bindChoice,
  EntityInput,
  FormSectionProps,
  RecordCoreFields,
  SectionTextField,
  SelectField,
} from '../shared';
import { ChangeFormErrors, ChangeFormValues } from './changeForm';

/** The window (in local time) and the three plans, after the selects. */
const WINDOW_AND_PLANS = [
  {
    field: 'plannedStart',
    label: 'Planned start',
    help: 'In your time zone',
    inputType: 'datetime-local',
    half: true,
  },
  {
    field: 'plannedEnd',
    label: 'Planned end',
    help: 'In your time zone',
    inputType: 'datetime-local',
    half: true,
  },
  {
    field: 'implementationPlan',
    label: 'Implementation plan',
    help: 'The steps, in order, and who does them',
    rows: 2,
  },
  {
    field: 'backoutPlan',
    label: 'Backout plan',
    help: 'How to return to the state before the change if it fails',
    rows: 2,
  },
  {
    field: 'testPlan',
    label: 'Test plan',
    help: 'How you will know the change worked',
    rows: 2,
  },
] as const;

/** The selects of a change's plan: what kind of change, how risky. */
const CHOICES = [
  {
    field: 'type',
    label: 'Type',
    codes: CHANGE_TYPES,
    labels: CHANGE_TYPE_LABELS,
    help: 'Standard changes are pre-approved; emergency ones skip assessment',
  },
  {
    field: 'risk',
    label: 'Risk',
    codes: CHANGE_RISKS,
    labels: CHANGE_RISK_LABELS,
    help: "High risk adds the platform team's approval",
  },
] as const;

/**
 * The fields of a change's plan, for the request dialog and the change page's editor.
 * `entity`: `fixed` shows the CI (from an entity page), `input` asks for it, `none`
 * leaves it out (the CI of an existing change does not change).
 */
export const ChangePlanFields = (
  props: FormSectionProps<ChangeFormValues, ChangeFormErrors> & {
    entity: EntityInput;
  },
) => (
  <>
    <RecordCoreFields
      {...props}
      help={{
        entityRef:
          'The catalog entity that is changed, e.g. component:default/payments',
        title: 'What changes, in one line',
        description: 'Why the change is needed and what it affects (Markdown)',
      }}
    />
    <SectionTextField
      section={props}
      name="affectedEntityRefs"
      label="Affected CIs (optional)"
      helperText="More catalog entities the change touches, separated by commas or new lines"
      rows={1}
    />
    {CHOICES.map(choice => (
      <Grid item xs={12} sm={6} key={choice.field}>
        <SelectField
          {...bindChoice(props, choice.field)}
          label={choice.label}
          codes={choice.codes}
          labels={choice.labels}
          helperText={choice.help}
        />
      </Grid>
    ))}
    {WINDOW_AND_PLANS.map(({ field, help, ...layout }) => (
      <SectionTextField
        key={field}
        section={props}
        name={field}
        helperText={help}
        {...layout}
      />
    ))}
  </>
);
