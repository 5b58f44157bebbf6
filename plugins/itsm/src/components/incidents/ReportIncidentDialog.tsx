import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  computePriority,
  ImpactLevel,
  Incident,
  LEVEL_LABELS,
  normalizeEntityRef,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import {
  PriorityChip,
  RecordCoreFields,
  RecordCoreValues,
  SelectField,
  validateRecordCore,
} from '../shared';
import { CreateRecordDialog } from '../records';

const LEVELS = [1, 2, 3] as const;

interface IncidentFormValues extends RecordCoreValues {
  impact: ImpactLevel;
  urgency: UrgencyLevel;
}

const emptyIncidentForm = (entityRef?: string): IncidentFormValues => ({
  title: '',
  description: '',
  entityRef: entityRef ?? '',
  impact: 2,
  urgency: 2,
});

/** A level of the priority matrix (impact or urgency), a third of the row. */
const LevelField = (props: {
  id: string;
  label: string;
  value: ImpactLevel;
  onChange: (level: ImpactLevel) => void;
  helperText: string;
}) => (
  <Grid item xs={12} sm={4}>
    <SelectField
      id={props.id}
      label={props.label}
      value={props.value}
      codes={LEVELS}
      labels={LEVEL_LABELS}
      onChange={level => level && props.onChange(level)}
      helperText={props.helperText}
    />
  </Grid>
);

/** @public */
export interface ReportIncidentDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (incident: Incident) => void;
  /** The CI when reported from an entity page; without it the form asks for one. */
  entityRef?: string;
}

/** The form to open an incident: what happened, on which CI, how bad and how urgent. */
export const ReportIncidentDialog = (props: ReportIncidentDialogProps) => (
  <CreateRecordDialog
    {...props}
    id="itsm-report-incident"
    title="Report incident"
    submitLabel="Report"
    empty={emptyIncidentForm}
    validate={validateRecordCore}
    create={(api, values) =>
      api.createIncident({
        title: values.title.trim(),
        ...(values.description.trim()
          ? { description: values.description }
          : {}),
        entityRef: normalizeEntityRef(values.entityRef) ?? values.entityRef,
        impact: values.impact,
        urgency: values.urgency,
      })
    }
  >
    {({ values, errors, change }) => (
      <>
        <RecordCoreFields
          idPrefix="itsm-report"
          values={values}
          errors={errors}
          onChange={change}
          entity={props.entityRef ? 'fixed' : 'input'}
          help={{
            entityRef:
              'The catalog entity that is affected, e.g. component:default/payments',
            title: 'What is broken, in one line',
            description:
              'What you observe, since when, who is affected (Markdown)',
          }}
        />
        <LevelField
          id="itsm-report-impact"
          label="Impact"
          value={values.impact}
          onChange={impact => change({ impact })}
          helperText="How much of the service is affected"
        />
        <LevelField
          id="itsm-report-urgency"
          label="Urgency"
          value={values.urgency}
          onChange={urgency => change({ urgency })}
          helperText="How soon it must be fixed"
        />
        <Grid item xs={12} sm={4}>
          <Box display="flex" alignItems="center" height="100%" gridGap={8}>
            <Typography variant="body2">Priority:</Typography>
            <span data-testid="computed-priority">
              <PriorityChip
                priority={computePriority(values.impact, values.urgency)}
              />
            </span>
          </Box>
        </Grid>
      </>
    )}
  </CreateRecordDialog>
);
