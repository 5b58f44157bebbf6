import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import EditIcon from '@material-ui/icons/Edit';
import { useApi } from '@backstage/core-plugin-api';
import {
  isOpenState,
  knownErrorGuard,
  Problem,
  TEXT_LIMITS,
  UpdateProblemRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  DetailField as Field,
  formatDateTime,
  NamedCard,
  NotesField,
  RecordCardProps,
  TextAreaField,
  useSubmit,
} from '../shared';

/** The analysis of a problem: what is seen, why, and what to do until it is fixed. */
const FIELDS = [
  {
    name: 'symptoms',
    label: 'Symptoms',
    help: 'What the people hit by it see',
  },
  {
    name: 'rootCause',
    label: 'Root cause',
    help: 'Why it happens',
  },
  {
    name: 'workaround',
    label: 'Workaround',
    help: 'What to do until it is fixed; every open linked incident is told, and for a known error everyone who reports one',
  },
] as const;

type AnalysisField = (typeof FIELDS)[number]['name'];
type AnalysisValues = Record<AnalysisField, string>;
type AnalysisErrors = Partial<Record<AnalysisField, string>>;

/** What a known error lacks, in the form's words, at its field. */
const MISSING_FOR_KNOWN_ERROR: Partial<Record<string, string>> = {
  rootCause: 'Write the root cause before publishing the known error',
  workaround: 'Write the workaround before publishing the known error',
};

function valuesOf(problem: Problem): AnalysisValues {
  return {
    symptoms: problem.symptoms,
    rootCause: problem.rootCause ?? '',
    workaround: problem.workaround ?? '',
  };
}

/** The fields of the form that differ from the problem (empty cause and workaround: null). */
function editsOf(
  problem: Problem,
  values: AnalysisValues,
): Omit<UpdateProblemRequest, 'version'> {
  const edits: Omit<UpdateProblemRequest, 'version'> = {};
  if (values.symptoms !== problem.symptoms) edits.symptoms = values.symptoms;
  for (const field of ['rootCause', 'workaround'] as const) {
    const value = values[field].trim() ? values[field] : null;
    if (value !== problem[field]) edits[field] = value;
  }
  return edits;
}

/**
 * The guard of a known error on the values, each problem at its field; `other` for
 * what belongs to none.
 */
function knownErrorProblems(values: AnalysisValues): {
  fields: AnalysisErrors;
  other: string[];
} {
  const result: { fields: AnalysisErrors; other: string[] } = {
    fields: {},
    other: [],
  };
  for (const problem of knownErrorGuard(values)) {
    const text = MISSING_FOR_KNOWN_ERROR[problem.field];
    if (text) result.fields[problem.field as AnalysisField] = text;
    else result.other.push(problem.message);
  }
  return result;
}

/** The known error's button: publishing it, or taking it back. */
const KNOWN_ERROR_ACTS = {
  mark: {
    label: 'Mark known error',
    testId: 'mark-known-error',
    color: 'primary',
    variant: 'outlined',
  },
  withdraw: {
    label: 'Withdraw known error',
    testId: 'withdraw-known-error',
    color: 'default',
    variant: 'text',
  },
} as const;

/**
 * "Analysis": the problem's symptoms, root cause and workaround, edited in place by
 * those who may update it, and its known error: "Mark known error" publishes it (the
 * cause and a workaround are required, as itsm-common's guard says: what is missing is
 * asked for at its field before anything is sent), "Withdraw known error" takes it back.
 */
export const ProblemAnalysisCard = (props: RecordCardProps<Problem>) => {
  const { record: problem, editable, onUpdated } = props;
  const itsmApi = useApi(itsmApiRef);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<AnalysisValues>(() => valuesOf(problem));
  const [errors, setErrors] = useState<AnalysisErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const submit = useSubmit();
  const open = isOpenState('problem', problem.state);

  const startEditing = () => {
    setValues(valuesOf(problem));
    setErrors({});
    setOther([]);
    submit.setError(undefined);
    setEditing(true);
  };

  const lengthErrors = (next: AnalysisValues): AnalysisErrors => {
    const found: AnalysisErrors = {};
    for (const { name } of FIELDS) {
      if (next[name].length > TEXT_LIMITS.description)
        found[name] = `At most ${TEXT_LIMITS.description} characters`;
    }
    return found;
  };

  /** Sends the edits (and the known error flag), with the version read. */
  const save = async (knownError?: boolean) => {
    const next = editing ? values : valuesOf(problem);
    const publishing = knownError ?? problem.knownError;
    const guard = publishing
      ? knownErrorProblems(next)
      : { fields: {}, other: [] };
    const found = { ...guard.fields, ...lengthErrors(next) };
    setErrors(found);
    setOther(guard.other);
    if (Object.keys(found).length > 0 || guard.other.length > 0) {
      // What is missing is written here: open the form at it.
      if (!editing) {
        setValues(next);
        setEditing(true);
      }
      return;
    }
    const updated = await submit.run(() =>
      itsmApi.updateProblem(problem.id, {
        version: problem.version,
        ...editsOf(problem, next),
        ...(knownError === undefined ? {} : { knownError }),
      }),
    );
    if (updated) {
      setEditing(false);
      onUpdated();
    }
  };

  // Publishing (while open) asks for attention; withdrawing is a plain button.
  const act = problem.knownError
    ? KNOWN_ERROR_ACTS.withdraw
    : KNOWN_ERROR_ACTS.mark;
  const knownErrorButton = editable && (problem.knownError || open) && (
    <Button
      size="small"
      color={act.color}
      variant={act.variant}
      data-testid={act.testId}
      onClick={() => save(!problem.knownError)}
      disabled={submit.submitting}
    >
      {act.label}
    </Button>
  );

  return (
    <NamedCard title="Analysis">
      {editing ? (
        <Grid container spacing={2}>
          {FIELDS.map(field => (
            <Grid item xs={12} key={field.name}>
              <TextAreaField
                id={`itsm-problem-${field.name}`}
                label={field.label}
                value={values[field.name]}
                onChange={value =>
                  setValues(v => ({ ...v, [field.name]: value }))
                }
                error={errors[field.name]}
                helperText={field.help}
                minRows={3}
              />
            </Grid>
          ))}
        </Grid>
      ) : (
        <Grid container spacing={2}>
          {FIELDS.map(field => (
            <NotesField
              expected
              key={field.name}
              label={field.label}
              text={problem[field.name]}
            />
          ))}
          {problem.knownError && problem.knownErrorAt && (
            <Field label="Known error since" wide>
              {formatDateTime(problem.knownErrorAt)}
            </Field>
          )}
        </Grid>
      )}
      {[...other, ...(submit.error ? [submit.error] : [])].map(message => (
        <Box mt={1} key={message}>
          <Alert severity="error">{message}</Alert>
        </Box>
      ))}
      {editable && (
        <Box mt={2} display="flex" gridGap={8} flexWrap="wrap">
          {editing ? (
            <>
              <Button
                size="small"
                variant="contained"
                color="primary"
                onClick={() => save()}
                disabled={submit.submitting}
              >
                Save
              </Button>
              <Button
                size="small"
                onClick={() => setEditing(false)}
                disabled={submit.submitting}
              >
                Cancel
              </Button>
            </>
          ) : (
            <Button
              size="small"
              startIcon={<EditIcon />}
              onClick={startEditing}
            >
              Edit analysis
            </Button>
          )}
          <Box flexGrow={1} />
          {knownErrorButton}
        </Box>
      )}
    </NamedCard>
  );
};
