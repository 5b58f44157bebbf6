import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { Incident } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { ChangeLink, LinkByNumberDialog, useSubmit } from '../shared';
import { patchIncident } from './patchIncident';

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
  const unlink = useSubmit();

  const link = async (number: string) =>
    onUpdated(
      await patchIncident(itsmApi, incident, { causedByChange: number }),
    );
  const removeLink = async () => {
    const updated = await unlink.run(() =>
      patchIncident(itsmApi, incident, { causedByChange: null }),
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
          <Button size="small" onClick={() => setOpen(true)}>
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
      <LinkByNumberDialog
        open={open}
        kind="change"
        action="Link change"
        number={incident.number}
        helperText="The change whose implementation caused this incident"
        initial={incident.causedByChange ?? ''}
        onClose={() => setOpen(false)}
        link={link}
      />
    </>
  );
};
