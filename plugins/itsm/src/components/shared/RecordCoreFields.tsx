import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { TEXT_LIMITS } from '@backstage-itsm/plugin-itsm-common';
import { FormSectionProps } from './formSection';
import { SectionTextField } from './SectionTextField';
import { RefLink } from './RefLink';
import { RecordCoreErrors, RecordCoreValues } from './validation';

/** How a new record's form asks for its CI: shown (`fixed`), asked for, or left out. */
export type EntityInput = 'fixed' | 'input' | 'none';

/** What a form of a new record says under its CI, title and description. */
export interface RecordCoreHelp {
  entityRef: string;
  title: string;
  description: string;
}

/**
 * The CI, title and description of a new record's form. `entity`: `fixed` shows the CI
 * (from an entity page), `input` asks for it, `none` leaves it out (an existing record's
 * CI does not change).
 */
export const RecordCoreFields = (
  props: FormSectionProps<RecordCoreValues, RecordCoreErrors> & {
    entity: EntityInput;
    help: RecordCoreHelp;
  },
) => {
  const { values, entity, help } = props;
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
        <SectionTextField
          section={props}
          name="entityRef"
          idSuffix="entity-ref"
          label="Configuration item (entity ref)"
          placeholder="component:default/payments"
          helperText={help.entityRef}
          required
        />
      )}
      <SectionTextField
        section={props}
        name="title"
        label="Title"
        helperText={`${help.title} (${values.title.length}/${TEXT_LIMITS.title})`}
        required
      />
      <SectionTextField
        section={props}
        name="description"
        label="Description"
        helperText={help.description}
        rows={3}
      />
    </>
  );
};
