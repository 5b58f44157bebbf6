import TextField from '@material-ui/core/TextField';

/** The props of a form's text field. */
export interface FormTextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Replaces the help text while there is one. */
  error?: string;
  helperText?: string;
  required?: boolean;
  placeholder?: string;
  multiline?: boolean;
  minRows?: number;
  /** `datetime-local` and the like: the label then stays above the input. */
  inputType?: string;
}

/** A text field of a form, outlined and full width, with its error or help text. */
export const FormTextField = (props: FormTextFieldProps) => (
  <TextField
    id={props.id}
    label={props.label}
    value={props.value}
    onChange={e => props.onChange(e.target.value)}
    error={!!props.error}
    helperText={props.error ?? props.helperText}
    required={props.required}
    placeholder={props.placeholder}
    type={props.inputType}
    InputLabelProps={props.inputType ? { shrink: true } : undefined}
    fullWidth
    multiline={props.multiline}
    minRows={props.multiline ? props.minRows : undefined}
    variant="outlined"
  />
);

/** A multi-line text field of a form (notes, comments, plans). */
export const TextAreaField = (props: Omit<FormTextFieldProps, 'multiline'>) => (
  <FormTextField multiline minRows={2} {...props} />
);
