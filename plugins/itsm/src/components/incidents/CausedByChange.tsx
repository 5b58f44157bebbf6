import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { ActionDialog, ChangeLink, useSubmit } from '../shared';

const CHANGE_NUMBER = /^CHG-\d+$/;

/** `chg-45` → `CHG-000045`; undefined when it is no change number. */
export function normalizeChangeNumber(input: string): string | undefined {
  const match = /^\s*chg-?(\d{1,9})\s*$/i.exec(input);
  if (!match) return undefined;
  const number = `CHG-${match[1].replace(/^0+(?=\d)/, '').padStart(6, '0')}`;
  return CHANGE_NUMBER.test(number) ? number : undefined;
}

/**
 * The change that caused an incident: a link to it, and, when `editable`, buttons to
 * link one by its number or to unlink it (both a PATCH with the version read).
 */
export const CausedByChange = (props: {
  incident: Incident;
  editable: boolean;
  onUpdated: (incident: Incident) => void;
}) => {
  const { incident, editable, onUpdated } = props;
  const itsmApi = useApi(itsmApiRef);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const dialog = useSubmit();
  const unlink = useSubmit();

  const link = async () => {
    const number = normalizeChangeNumber(value);
    if (!number) {
      setFieldError('Use a change number such as CHG-000045');
      return;
    }
    setFieldError(undefined);
    const updated = await dialog.run(() =>
      itsmApi.updateIncident(incident.id, {
        version: incident.version,
        causedByChange: number,
      }),
    );
    if (updated) {
      setOpen(false);
      onUpdated(updated);
    }
  };

  const removeLink = async () => {
    const updated = await unlink.run(() =>
      itsmApi.updateIncident(incident.id, {
        version: incident.version,
        causedByChange: null,
      }),
    );
    if (updated) onUpdated(updated);
  };

  return (
    <>
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        {incident.causedByChange ? (
          <ChangeLink number={incident.causedByChange} />
        ) : (
          <Typography component="span" variant="inherit" color="textSecondary">
            None
          </Typography>
        )}
        {editable && (
          <Button
            size="small"
            onClick={() => {
              setValue(incident.causedByChange ?? '');
              setFieldError(undefined);
              dialog.setError(undefined);
              setOpen(true);
            }}
          >
            {incident.causedByChange ? 'Change link' : 'Link change'}
          </Button>
        )}
        {editable && incident.causedByChange && (
          <Button
            size="small"
            onClick={removeLink}
            disabled={unlink.submitting}
          >
            Unlink
          </Button>
        )}
      </Box>
      {unlink.error && <Alert severity="error">{unlink.error}</Alert>}
      <ActionDialog
        open={open}
        id="itsm-link-change"
        action="Link change"
        number={incident.number}
        submit={dialog}
        onClose={() => setOpen(false)}
        onSubmit={link}
      >
        <Grid item xs={12}>
          <TextField
            id="itsm-link-change-number"
            label="Change number"
            placeholder="CHG-000045"
            value={value}
            onChange={e => setValue(e.target.value)}
            error={!!fieldError}
            helperText={
              fieldError ??
              'The change whose implementation caused this incident'
            }
            required
            fullWidth
            variant="outlined"
          />
        </Grid>
      </ActionDialog>
    </>
  );
};
