import { Notice } from '../shared';
import { RecordPage, useRecordCall, useRecordPage } from '../records';
import { approvalsCard, useRecordApprovals } from '../approvals';
import { BlastRadiusCard } from '../impact';
import { ChangeTypeChip, RiskChip } from './ChangeChips';
import { ChangePlanCard } from './ChangePlanCard';
import { CausedIncidentsCard, ConflictsCard } from './ChangeRelationsCards';
import { changeDescriptor } from './descriptor';

/**
 * One change: its state, type and risk, the moves it allows (with what their guards
 * still miss), its plan (editable before authorisation), approvals, conflicts, the
 * incidents it caused and its timeline. Moves and plan edits only for those who may
 * update it (its requester, assignment group and assignee).
 */
export const ChangePage = () => {
  const page = useRecordPage(changeDescriptor);
  const { id } = page;
  const conflicts = useRecordCall(id, 'getChangeConflicts');
  const incidents = useRecordCall(id, 'getChangeIncidents');
  const approvals = useRecordApprovals('change', id, page.record.value?.id);

  return (
    <RecordPage
      kind={changeDescriptor}
      page={page}
      alsoReload={[approvals, conflicts, incidents]}
      chips={record => (
        <>
          <ChangeTypeChip type={record.type} />
          <RiskChip risk={record.risk} />
        </>
      )}
      notices={record =>
        record.state === 'authorize' && (
          <Notice severity="info">
            Waiting for approval: the change is scheduled when every step is
            approved; a rejection returns it to draft.
          </Notice>
        )
      }
      mainWidth={7}
      details={card => <ChangePlanCard {...card} />}
      cards={[
        approvalsCard(approvals, change =>
          change.type === 'standard'
            ? 'A standard change is pre-approved: it needs no approval.'
            : 'No approvals yet. They are requested when the change moves to Authorize.',
        ),
        () => <ConflictsCard conflicts={conflicts} />,
        () => <CausedIncidentsCard incidents={incidents} />,
        card => <BlastRadiusCard {...card} />,
      ]}
    />
  );
};
