import TextField from '@material-ui/core/TextField';

/**
 * A native select of codes with their labels (states, priorities, types, close codes…),
 * as forms and list filters use it. `empty` adds a first option for no value ("Any" in
 * filters, "Choose…" in forms).
 */
export const SelectField = <C extends string | number>(props: {
  id: string;
  label: string;
  value: C | '';
  codes: readonly C[];
  labels?: Partial<Record<C, string>>;
  onChange: (value: C | '') => void;
  empty?: string;
  helperText?: string;
  error?: string;
  required?: boolean;
  /** `small` for list filters, full width otherwise. */
  size?: 'small' | 'medium';
  /** Extra options before the codes (e.g. `open` and `all` of a state filter). */
  extra?: Array<{ value: string; label: string }>;
}) => {
  const { codes, labels, size = 'medium' } = props;
  const numeric = typeof codes[0] === 'number';
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e => {
        const raw = e.target.value;
        props.onChange((numeric && raw !== '' ? Number(raw) : raw) as C | '');
      }}
      error={!!props.error}
      helperText={props.error ?? props.helperText}
      SelectProps={{ native: true }}
      // A native select shows the empty option's text: keep the label above it.
      InputLabelProps={props.empty ? { shrink: true } : undefined}
      required={props.required}
      fullWidth={size === 'medium'}
      size={size}
      variant="outlined"
      style={size === 'small' ? { minWidth: '8em' } : undefined}
    >
      {props.empty !== undefined && <option value="">{props.empty}</option>}
      {props.extra?.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {codes.map(code => (
        <option key={code} value={code}>
          {labels?.[code] ?? code}
        </option>
      ))}
    </TextField>
  );
};
