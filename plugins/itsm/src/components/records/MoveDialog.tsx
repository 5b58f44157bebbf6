import { InputHTMLAttributes, useEffect, useState } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { itsmApiRef } from '../../api';
import { ActionDialog, SelectField, TextAreaField, useSubmit } from '../shared';
import { KindRecord, MoveDescriptor, MoveField } from './descriptor';
import { moveForm, MoveProblems, MoveValues } from './moveForm';

/** One field of the dialog: a checkbox, a select of codes, or a text area. */
const MoveFieldInput = (props: {
  field: MoveField;
  value: string;
  required: boolean;
  error?: string;
  onChange: (value: string) => void;
}) => {
  const { field, value, required, error, onChange } = props;
  const shown = required ? { ...field, ...field.whenRequired } : field;
  if (field.checkbox) {
    return (
      <FormControlLabel
        label={shown.label}
        control={
          <Checkbox
            id={field.id}
            checked={value === 'true'}
            onChange={e => onChange(e.target.checked ? 'true' : '')}
            inputProps={
              {
                'data-testid': field.id,
              } as InputHTMLAttributes<HTMLInputElement>
            }
          />
        }
      />
    );
  }
  if (field.options) {
    return (
      <SelectField<string>
        id={field.id}
        label={shown.label}
        empty="Choose…"
        value={value}
        codes={field.options.codes}
        labels={field.options.labels}
        onChange={onChange}
        error={error}
        helperText={shown.helperText}
        required={required}
      />
    );
  }
  return (
    <TextAreaField
      id={field.id}
      label={shown.label}
      value={value}
      onChange={onChange}
      error={error}
      helperText={shown.helperText}
      required={required}
      {...(field.minRows ? { minRows: field.minRows } : {})}
    />
  );
};

/**
 * Confirms a move of a record of any kind, asking for exactly what the kind's
 * descriptor says the move takes (a hold reason, a resolution or close code and notes,
 * a note, a comment); the kind's guard runs first, as the server would, and each of its
 * problems shows at its field, or above the buttons when it belongs to none.
 */
export const MoveDialog = <R extends KindRecord>(props: {
  moves: MoveDescriptor<R>;
  record: R;
  /** The target state; the dialog is open while it is set. */
  to?: R['state'];
  onClose: () => void;
  onDone: (record: R) => void;
}) => {
  const { moves, record, to, onClose, onDone } = props;
  const itsmApi = useApi(itsmApiRef);
  const [values, setValues] = useState<MoveValues>({});
  const [problems, setProblems] = useState<MoveProblems>();
  const submitState = useSubmit();
  const { setError, run } = submitState;

  useEffect(() => {
    setValues({});
    setProblems(undefined);
    setError(undefined);
  }, [to, setError]);

  if (!to) return null;
  const form = moveForm(moves, record, to);

  const submit = async () => {
    const found = form.problems(values);
    setProblems(found);
    if (Object.keys(found.fields).length > 0 || found.other.length > 0) return;
    const request = { ...form.input(values), version: record.version };
    const moved = await run(() => moves.send(itsmApi, record.id, request));
    if (moved) onDone(moved);
  };

  return (
    <ActionDialog
      id={moves.dialogId}
      action={moves.label(to, record.state)}
      number={record.number}
      submit={submitState}
      onClose={onClose}
      onSubmit={submit}
    >
      {form.fields.map(field => (
        <Grid item xs={12} key={field.name}>
          <MoveFieldInput
            field={field}
            value={values[field.name] ?? ''}
            required={form.isRequired(values, field.name)}
            error={problems?.fields[field.name]}
            onChange={value => setValues(v => ({ ...v, [field.name]: value }))}
          />
        </Grid>
      ))}
      {problems?.other.map(problem => (
        <Grid item xs={12} key={problem}>
          <Alert severity="warning">{problem}</Alert>
        </Grid>
      ))}
    </ActionDialog>
  );
};
