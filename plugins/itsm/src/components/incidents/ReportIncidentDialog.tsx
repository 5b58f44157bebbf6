import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  computePriority,
  ImpactLevel,
  Incident,
  LEVEL_LABELS,
  normalizeEntityRef,
  TEXT_LIMITS,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  FormDialog,
  PriorityChip,
  RecordCoreErrors,
  RefLink,
  useSubmit,
  validateRecordCore,
} from '../shared';

const LEVELS = [1, 2, 3] as const;

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

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [entityRef, setEntityRef] = useState(fixedEntityRef ?? '');
  const [impact, setImpact] = useState<ImpactLevel>(2);
  const [urgency, setUrgency] = useState<UrgencyLevel>(2);
  const [errors, setErrors] = useState<RecordCoreErrors>({});
  const { submitting, error: submitError, setError, run } = useSubmit();

  // Start from a clean form each time the dialog opens.
  useEffect(() => {
    if (open) {
      setTitle('');
      setDescription('');
      setEntityRef(fixedEntityRef ?? '');
      setImpact(2);
      setUrgency(2);
      setErrors({});
      setError(undefined);
    }
  }, [open, fixedEntityRef, setError]);

  const priority = computePriority(impact, urgency);

  const submit = async () => {
    const found = validateRecordCore({ title, description, entityRef });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const incident = await run(() =>
      itsmApi.createIncident({
        title: title.trim(),
        ...(description.trim() ? { description } : {}),
        entityRef: normalizeEntityRef(entityRef) ?? entityRef,
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
      <Grid item xs={12}>
        {fixedEntityRef ? (
          <Typography variant="body2">
            Configuration item: <RefLink entityRef={fixedEntityRef} />
          </Typography>
        ) : (
          <TextField
            id="itsm-report-entity-ref"
            label="Configuration item (entity ref)"
            placeholder="component:default/payments"
            value={entityRef}
            onChange={e => setEntityRef(e.target.value)}
            error={!!errors.entityRef}
            helperText={
              errors.entityRef ??
              'The catalog entity that is affected, e.g. component:default/payments'
            }
            required
            fullWidth
            variant="outlined"
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <TextField
          id="itsm-report-title"
          label="Title"
          value={title}
          onChange={e => setTitle(e.target.value)}
          error={!!errors.title}
          helperText={
            errors.title ??
            `What is broken, in one line (${title.length}/${TEXT_LIMITS.title})`
          }
          required
          fullWidth
          variant="outlined"
        />
      </Grid>
      <Grid item xs={12}>
        <TextField
          id="itsm-report-description"
          label="Description"
          value={description}
          onChange={e => setDescription(e.target.value)}
          error={!!errors.description}
          helperText={
            errors.description ??
            'What you observe, since when, who is affected (Markdown)'
          }
          fullWidth
          multiline
          minRows={4}
          variant="outlined"
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <TextField
          select
          id="itsm-report-impact"
          label="Impact"
          value={impact}
          onChange={e => setImpact(Number(e.target.value) as ImpactLevel)}
          helperText="How much of the service is affected"
          SelectProps={{ native: true }}
          fullWidth
          variant="outlined"
        >
          {LEVELS.map(level => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={4}>
        <TextField
          select
          id="itsm-report-urgency"
          label="Urgency"
          value={urgency}
          onChange={e => setUrgency(Number(e.target.value) as UrgencyLevel)}
          helperText="How soon it must be fixed"
          SelectProps={{ native: true }}
          fullWidth
          variant="outlined"
        >
          {LEVELS.map(level => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]}
            </option>
          ))}
        </TextField>
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
