import { useEffect, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  formatRecordNumber,
  kindDeclaration,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { ActionDialog } from './FormDialog';
import { normalizeRecordNumber } from './recordNumber';
import { useSubmit } from './useSubmit';

/** "Change number", "Incident number": the field's label. */
function numberLabel(kind: RecordKind): string {
  return `${kindDeclaration(kind).labels.singular} number`;
}

/** "Use a change number such as CHG-000045", "Use an incident number such as …". */
function numberHelp(kind: RecordKind): string {
  const noun = kindDeclaration(kind).labels.singular.toLocaleLowerCase('en-US');
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  return `Use ${article} ${noun} number such as ${formatRecordNumber(
    kind,
    45,
  )}`;
}

/**
 * Links another record to this one by its number, as people type it (`chg-45`): the
 * number is checked and normalised, then `link` is called with it; the dialog closes
 * when it succeeds and shows the server's message (a 409: linked elsewhere) when not.
 * Titled "<action>: <number of this record>"; its id is `itsm-link-<kind>` (the field's
 * `itsm-link-<kind>-number`), its field "<Kind> number".
 */
export const LinkByNumberDialog = (props: {
  open: boolean;
  /** The kind of the record to link. */
  kind: RecordKind;
  /** "Link change": the title and the confirm button. */
  action: string;
  /** The number of the record it is linked to (the page's). */
  number: string;
  helperText: string;
  /** What the field starts with (the linked record, to change the link). */
  initial?: string;
  onClose: () => void;
  link: (number: string) => Promise<unknown>;
}) => {
  const { open, kind, onClose } = props;
  const id = `itsm-link-${kind}`;
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const submit = useSubmit();
  const { setError } = submit;

  useEffect(() => {
    if (open) {
      setValue(props.initial ?? '');
      setFieldError(undefined);
      setError(undefined);
    }
  }, [open, props.initial, setError]);

  const link = async () => {
    const number = normalizeRecordNumber(kind, value);
    if (!number) {
      setFieldError(numberHelp(kind));
      return;
    }
    setFieldError(undefined);
    await submit.runThen(() => props.link(number), onClose);
  };

  return (
    <ActionDialog
      open={open}
      id={id}
      action={props.action}
      number={props.number}
      submit={submit}
      onClose={onClose}
      onSubmit={link}
    >
      <Grid item xs={12}>
        <TextField
          id={`${id}-number`}
          label={numberLabel(kind)}
          placeholder={formatRecordNumber(kind, 45)}
          value={value}
          onChange={e => setValue(e.target.value)}
          error={!!fieldError}
          helperText={fieldError ?? props.helperText}
          required
          fullWidth
          variant="outlined"
        />
      </Grid>
    </ActionDialog>
  );
};
