import Grid from '@material-ui/core/Grid';
import { bindField, FormSectionProps } from './formSection';
import { FormTextField, FormTextFieldProps } from './FormTextField';

/**
 * A text field bound to one value of a form section (see `bindField`), as a grid item
 * across the row (`half`: half of it on wider screens); `rows` makes it a text area of
 * that many rows.
 */
export const SectionTextField = <
  V extends Record<K, string>,
  K extends keyof V & string,
>(
  props: Omit<
    FormTextFieldProps,
    'id' | 'value' | 'onChange' | 'error' | 'multiline' | 'minRows'
  > & {
    section: FormSectionProps<V, Partial<Record<K, string>>>;
    name: K;
    /** The end of the field's id, when it is not the value's name. */
    idSuffix?: string;
    half?: boolean;
    rows?: number;
  },
) => {
  const { section, name, idSuffix, half, rows, ...field } = props;
  const bound = bindField(section, name, idSuffix);
  return (
    <Grid item xs={12} sm={half ? 6 : 12}>
      <FormTextField
        {...bound}
        // A text field's value is a string: the value's own type narrows it.
        onChange={value => bound.onChange(value as V[K])}
        {...field}
        multiline={rows !== undefined}
        minRows={rows}
      />
    </Grid>
  );
};
