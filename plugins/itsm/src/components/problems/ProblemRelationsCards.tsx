import { useState } from 'react';
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
  Loaded,
  LinkedIncidentsEditor,
  LinkedRecordList,
  NamedCard,
  RecordCardProps,
  useCreatePermission,
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
  const mayLink =
    editable && problem.state !== 'closed' && problem.state !== 'canceled';

  return (
    <NamedCard title="Linked incidents">
      <LinkedIncidentsEditor
        label="Linked incidents"
        records={props.incidents}
        empty="No incident is linked to this problem."
        testId={incident => `linked-incident-${incident.number}`}
        number={problem.number}
        editable={editable}
        mayLink={mayLink}
        add={{
          label: 'Link incident',
          testId: 'link-incident',
          helperText: 'An incident this problem explains',
        }}
        link={number => itsmApi.linkProblemIncident(problem.id, number)}
        unlink={number => itsmApi.unlinkProblemIncident(problem.id, number)}
        onChanged={onChanged}
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
