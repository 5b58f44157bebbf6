import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  computePriority,
  ImpactLevel,
  Incident,
  LEVEL_LABELS,
  normalizeEntityRef,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  FormDialog,
  PriorityChip,
  RecordCoreErrors,
  RecordCoreFields,
  RecordCoreValues,
  SelectField,
  useSubmit,
  validateRecordCore,
} from '../shared';

const LEVELS = [1, 2, 3] as const;

const emptyCore = (entityRef?: string): RecordCoreValues => ({
  title: '',
  description: '',
  entityRef: entityRef ?? '',
});

/** @public */
export interface ReportIncidentDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (incident: Incident) => void;
  /** The CI when reported from an entity page; without it the form asks for one. */
  entityRef?: string;
}

/** The form to open an incident: what happened, on which CI, how bad and how urgent. */
export const ReportIncidentDialog = (props: ReportIncidentDialogProps) => {
  const { open, onClose, onCreated, entityRef: fixedEntityRef } = props;
  const itsmApi = useApi(itsmApiRef);

  const [core, setCore] = useState<RecordCoreValues>(() =>
    emptyCore(fixedEntityRef),
  );
  const [impact, setImpact] = useState<ImpactLevel>(2);
  const [urgency, setUrgency] = useState<UrgencyLevel>(2);
  const [errors, setErrors] = useState<RecordCoreErrors>({});
  const { submitting, error: submitError, setError, run } = useSubmit();

  // Start from a clean form each time the dialog opens.
  useEffect(() => {
    if (open) {
      setCore(emptyCore(fixedEntityRef));
      setImpact(2);
      setUrgency(2);
      setErrors({});
      setError(undefined);
    }
  }, [open, fixedEntityRef, setError]);

  const priority = computePriority(impact, urgency);

  const submit = async () => {
    const found = validateRecordCore(core);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const incident = await run(() =>
      itsmApi.createIncident({
        title: core.title.trim(),
        ...(core.description.trim() ? { description: core.description } : {}),
        entityRef: normalizeEntityRef(core.entityRef) ?? core.entityRef,
        impact,
        urgency,
      }),
    );
    if (incident) onCreated(incident);
  };

  return (
    <FormDialog
      open={open}
      id="itsm-report-incident"
      title="Report incident"
      submitLabel="Report"
      submitting={submitting}
      error={submitError}
      maxWidth="md"
      onClose={onClose}
      onSubmit={submit}
    >
      <RecordCoreFields
        idPrefix="itsm-report"
        values={core}
        errors={errors}
        onChange={patch => setCore(c => ({ ...c, ...patch }))}
        entity={fixedEntityRef ? 'fixed' : 'input'}
        help={{
          entityRef:
            'The catalog entity that is affected, e.g. component:default/payments',
          title: 'What is broken, in one line',
          description:
            'What you observe, since when, who is affected (Markdown)',
        }}
      />
      <Grid item xs={12} sm={4}>
        <SelectField
          id="itsm-report-impact"
          label="Impact"
          value={impact}
          codes={LEVELS}
          labels={LEVEL_LABELS}
          onChange={level => level && setImpact(level)}
          helperText="How much of the service is affected"
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <SelectField
          id="itsm-report-urgency"
          label="Urgency"
          value={urgency}
          codes={LEVELS}
          labels={LEVEL_LABELS}
          onChange={level => level && setUrgency(level)}
          helperText="How soon it must be fixed"
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <Box display="flex" alignItems="center" height="100%" gridGap={8}>
          <Typography variant="body2">Priority:</Typography>
          <span data-testid="computed-priority">
            <PriorityChip priority={priority} />
          </span>
        </Box>
      </Grid>
    </FormDialog>
  );
};
