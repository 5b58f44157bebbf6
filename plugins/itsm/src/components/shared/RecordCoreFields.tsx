import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { TEXT_LIMITS } from '@backstage-itsm/plugin-itsm-common';
import { FormTextField } from './FormTextField';
import { RefLink } from './RefLink';
import { RecordCoreErrors, RecordCoreValues } from './validation';

/**
 * The CI, title and description of a new record's form. `entity`: `fixed` shows the CI
 * (from an entity page), `input` asks for it, `none` leaves it out (an existing record's
 * CI does not change).
 */
export const RecordCoreFields = (props: {
  idPrefix: string;
  values: RecordCoreValues;
  errors: RecordCoreErrors;
  onChange: (patch: Partial<RecordCoreValues>) => void;
  entity: 'fixed' | 'input' | 'none';
  help: { entityRef: string; title: string; description: string };
}) => {
  const { idPrefix, values, errors, onChange, entity, help } = props;
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
          <FormTextField
            id={`${idPrefix}-entity-ref`}
            label="Configuration item (entity ref)"
            placeholder="component:default/payments"
            value={values.entityRef}
            onChange={entityRef => onChange({ entityRef })}
            error={errors.entityRef}
            helperText={help.entityRef}
            required
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <FormTextField
          id={`${idPrefix}-title`}
          label="Title"
          value={values.title}
          onChange={title => onChange({ title })}
          error={errors.title}
          helperText={`${help.title} (${values.title.length}/${TEXT_LIMITS.title})`}
          required
        />
      </Grid>
      <Grid item xs={12}>
        <FormTextField
          id={`${idPrefix}-description`}
          label="Description"
          value={values.description}
          onChange={description => onChange({ description })}
          error={errors.description}
          helperText={help.description}
          multiline
          minRows={3}
        />
      </Grid>
    </>
  );
};
