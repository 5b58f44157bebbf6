import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  ImpactLevel,
  Problem,
  TEXT_LIMITS,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import {
  IncidentLink,
  LevelValues,
  RatedRecordFields,
  ratedRecordRequest,
  RecordCoreErrors,
  RecordCoreValues,
  SectionTextField,
  validateRecordCore,
} from '../shared';
import { CreateDialogProps, CreateRecordDialog } from '../records';

interface ProblemFormValues extends RecordCoreValues, LevelValues {
  symptoms: string;
}

type ProblemFormErrors = RecordCoreErrors & { symptoms?: string };

/** What a new problem's form may start with, besides its CI. */
export interface ProblemPrefill {
  title?: string;
  impact?: ImpactLevel;
  urgency?: UrgencyLevel;
  symptoms?: string;
  /** Incidents (numbers) linked to the problem as it is opened. */
  incidents?: string[];
}

/** @public */
export type CreateProblemDialogProps = CreateDialogProps<Problem> &
  ProblemPrefill;

const emptyProblemForm = (entityRef?: string): ProblemFormValues => ({
  title: '',
  description: '',
  entityRef: entityRef ?? '',
  impact: 2,
  urgency: 2,
  symptoms: '',
});

function validateProblemForm(values: ProblemFormValues): ProblemFormErrors {
  const errors: ProblemFormErrors = validateRecordCore(values);
  if (values.symptoms.length > TEXT_LIMITS.description)
    errors.symptoms = `At most ${TEXT_LIMITS.description} characters (now ${values.symptoms.length})`;
  return errors;
}

/**
 * The form to open a problem: what it is, on which CI, how bad and how urgent, what
 * those hit by it see; opened from an incident or a candidate it starts from their
 * title, CI and rating and links their incidents.
 */
export const CreateProblemDialog = (props: CreateProblemDialogProps) => {
  const { title, impact, urgency, symptoms, incidents = [], ...dialog } = props;
  return (
    <CreateRecordDialog
      {...dialog}
      id="itsm-create-problem"
      idPrefix="itsm-problem"
      title="Open problem"
      submitLabel="Open"
      empty={emptyProblemForm}
      prefill={{ title, impact, urgency, symptoms }}
      validate={validateProblemForm}
      create={(api, values) =>
        api.createProblem({
          ...ratedRecordRequest(values),
          ...(values.symptoms.trim() ? { symptoms: values.symptoms } : {}),
          ...(incidents.length ? { incidents } : {}),
        })
      }
    >
      {form => (
        <>
          {incidents.length > 0 && (
            <Grid item xs={12}>
              <Typography
                variant="body2"
                data-testid="problem-incidents-to-link"
              >
                Links {incidents.length === 1 ? 'incident' : 'incidents'}{' '}
                {incidents.map((number, i) => (
                  <span key={number}>
                    {i > 0 && ', '}
                    <IncidentLink number={number} />
                  </span>
                ))}{' '}
                to the new problem.
              </Typography>
            </Grid>
          )}
          <RatedRecordFields
            {...form}
            help={{
              entityRef:
                'The catalog entity at fault, e.g. component:default/payments',
              title: 'The fault behind the incidents, in one line',
              description: 'What is known so far (Markdown)',
              impact: 'How much of the service the fault affects',
              urgency: 'How soon the cause must be removed',
            }}
          />
          <SectionTextField
            section={form}
            name="symptoms"
            label="Symptoms"
            helperText="What the people hit by it see: errors, slowness, when"
            rows={2}
          />
        </>
      )}
    </CreateRecordDialog>
  );
};
