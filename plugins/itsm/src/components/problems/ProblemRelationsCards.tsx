import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  CHANGE_CLOSE_CODE_LABELS,
  ChangeCloseCode,
  isOpenState,
  Problem,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, LinkedChange, LinkedIncident } from '../../api';
import {
  AddButton,
  LinkByNumberDialog,
  Loaded,
  LinkedRecordList,
  NamedCard,
  RecordCardProps,
  useCreatePermission,
  UnlinkButton,
  useSubmit,
} from '../shared';
import { NewChangeDialog } from '../changes';

/**
 * "Linked incidents": the incidents the problem explains (those the user may read), each
 * with "Unlink", and "Link incident" by its number (409: linked to another problem);
 * linking and unlinking for those who may update the problem.
 */
export const LinkedIncidentsCard = (
  props: RecordCardProps<Problem> & { incidents: Loaded<LinkedIncident[]> },
) => {
  const { record: problem, editable, onUpdated: onChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const [linking, setLinking] = useState(false);
  const unlink = useSubmit();
  const mayLink =
    editable && problem.state !== 'closed' && problem.state !== 'canceled';

  const removeLink = async (incident: string) => {
    const updated = await unlink.run(() =>
      itsmApi.unlinkProblemIncident(problem.id, incident),
    );
    if (updated) onChanged();
  };

  return (
    <NamedCard title="Linked incidents">
      <LinkedRecordList
        kind="incident"
        label="Linked incidents"
        records={props.incidents}
        empty="No incident is linked to this problem."
        testId={incident => `linked-incident-${incident.number}`}
        action={
          editable
            ? incident => (
                <UnlinkButton
                  number={incident.number}
                  onUnlink={removeLink}
                  disabled={unlink.submitting}
                />
              )
            : undefined
        }
      />
      {unlink.error && (
        <Box mt={1}>
          <Alert severity="error">{unlink.error}</Alert>
        </Box>
      )}
      {mayLink && (
        <AddButton testId="link-incident" onClick={() => setLinking(true)}>
          Link incident
        </AddButton>
      )}
      <LinkByNumberDialog
        open={linking}
        kind="incident"
        action="Link incident"
        number={problem.number}
        helperText="An incident this problem explains"
        onClose={() => setLinking(false)}
        link={async number => {
          await itsmApi.linkProblemIncident(problem.id, number);
          onChanged();
        }}
      />
    </NamedCard>
  );
};

/**
 * "Fix changes": the changes raised to fix the problem (those the user may read) with
 * how they closed, and "Raise a change to fix": the change dialog prefilled as a normal
 * change on the problem's CIs, titled "Fix: <problem title>" and linked to it; for those
 * who may update the problem and raise changes, while it is open.
 */
export const FixChangesCard = (
  props: RecordCardProps<Problem> & { changes: Loaded<LinkedChange[]> },
) => {
  const { record: problem, editable, onUpdated: onCreated } = props;
  const [raising, setRaising] = useState(false);
  const mayRaise =
    useCreatePermission('change').allowed &&
    editable &&
    isOpenState('problem', problem.state);

  return (
    <NamedCard title="Fix changes">
      <LinkedRecordList
        kind="change"
        label="Fix changes"
        records={props.changes}
        empty="No change has been raised to fix this problem."
        secondary={change =>
          change.closeCode &&
          `Closed: ${
            CHANGE_CLOSE_CODE_LABELS[change.closeCode as ChangeCloseCode] ??
            change.closeCode
          }`
        }
      />
      {mayRaise && (
        <AddButton testId="raise-fix-change" onClick={() => setRaising(true)}>
          Raise a change to fix
        </AddButton>
      )}
      <NewChangeDialog
        open={raising}
        entityRef={problem.entityRef}
        prefill={{
          title: `Fix: ${problem.title}`,
          type: 'normal',
          affectedEntityRefs: problem.affectedEntityRefs.join('\n'),
        }}
        problem={problem.number}
        onClose={() => setRaising(false)}
        onCreated={() => {
          setRaising(false);
          onCreated();
        }}
      />
    </NamedCard>
  );
};
