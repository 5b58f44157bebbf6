import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  Incident,
  KnownError,
  normalizeEntityRef,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  LevelValues,
  RatedRecordFields,
  ratedRecordRequest,
  RecordCoreValues,
  validateRecordCore,
} from '../shared';
import { CreateDialogProps, CreateRecordDialog } from '../records';
import { KnownErrorList } from '../problems';

interface IncidentFormValues extends RecordCoreValues, LevelValues {
  /** The known error it is attached to; only set by "Attach to this problem". */
  problem?: string;
}

const emptyIncidentForm = (entityRef?: string): IncidentFormValues => ({
  title: '',
  description: '',
  entityRef: entityRef ?? '',
  impact: 2,
  urgency: 2,
});

/** How long a typed CI must stay unchanged before its known errors are asked for. */
const TYPING_DELAY_MS = 400;

/** `value`, once it stopped changing for `ms` (at once when `ms` is 0). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms === 0) return undefined;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms === 0 ? value : settled;
}

/**
 * The open known errors of the chosen CI and of the CIs it depends on, with their
 * workarounds: the reporter may find theirs there and attach the incident to its
 * problem instead of reporting it unlinked. Nothing while no CI is chosen, none is
 * known, or they cannot be read (the report goes on regardless).
 */
const KnownErrorsOfCi = (props: {
  entityRef: string;
  /** Whether the CI is typed (asked for once it stops changing). */
  typed: boolean;
  submitting: boolean;
  onAttach: (knownError: KnownError) => void;
}) => {
  const itsmApi = useApi(itsmApiRef);
  const entityRef = useSettled(
    normalizeEntityRef(props.entityRef),
    props.typed ? TYPING_DELAY_MS : 0,
  );
  const { value } = useAsync(
    async () => (entityRef ? itsmApi.listKnownErrors(entityRef) : []),
    [itsmApi, entityRef],
  );
  if (!entityRef || !value?.length) return null;
  return (
    <Grid item xs={12}>
      <Alert severity="info" data-testid="known-errors">
        <AlertTitle>Known errors on this CI or what it depends on</AlertTitle>
        Is yours one of these? Try its workaround, and attach your incident to
        its problem rather than report it on its own.
        <KnownErrorList
          label="Known errors of the configuration item"
          knownErrors={value}
          entityRef={entityRef}
          action={knownError => (
            <Button
              size="small"
              variant="outlined"
              color="primary"
              data-testid={`attach-to-problem-${knownError.number}`}
              aria-label={`Attach to this problem: ${knownError.number}`}
              disabled={props.submitting}
              onClick={() => props.onAttach(knownError)}
            >
              Attach to this problem
            </Button>
          )}
        />
      </Alert>
    </Grid>
  );
};

/** @public */
export type ReportIncidentDialogProps = CreateDialogProps<Incident>;

/**
 * The form to open an incident: what happened, on which CI, how bad and how urgent.
 * Once a CI is chosen its known errors (and those of what it depends on) are shown
 * with their workarounds, each with "Attach to this problem", which reports the
 * incident linked to that problem.
 */
export const ReportIncidentDialog = (props: ReportIncidentDialogProps) => (
  <CreateRecordDialog
    {...props}
    id="itsm-report-incident"
    idPrefix="itsm-report"
    title="Report incident"
    submitLabel="Report"
    empty={emptyIncidentForm}
    validate={validateRecordCore}
    create={(api, values) =>
      api.createIncident({
        ...ratedRecordRequest(values),
        ...(values.problem ? { problem: values.problem } : {}),
      })
    }
  >
    {form => (
      <>
        <RatedRecordFields
          {...form}
          help={{
            entityRef:
              'The catalog entity that is affected, e.g. component:default/payments',
            title: 'What is broken, in one line',
            description:
              'What you observe, since when, who is affected (Markdown)',
            impact: 'How much of the service is affected',
            urgency: 'How soon it must be fixed',
          }}
        />
        <KnownErrorsOfCi
          entityRef={form.values.entityRef}
          typed={!props.entityRef}
          submitting={form.submitting}
          onAttach={knownError => form.submit({ problem: knownError.number })}
        />
      </>
    )}
  </CreateRecordDialog>
);
