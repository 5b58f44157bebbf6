import Grid from '@material-ui/core/Grid';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { Notice } from '../shared';
import { RecordPage, useRecordPage } from '../records';
import { ApprovalsPanel, useRecordApprovals } from '../approvals';
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
  const itsmApi = useApi(itsmApiRef);
  const page = useRecordPage(changeDescriptor);
  const { id, can } = page;
  const conflicts = useAsyncRetry(
    () => itsmApi.getChangeConflicts(id),
    [itsmApi, id],
  );
  const incidents = useAsyncRetry(
    () => itsmApi.getChangeIncidents(id),
    [itsmApi, id],
  );
  const approvals = useRecordApprovals('change', id, page.record.value?.id);

  const reload = () => {
    page.reload();
    approvals.retry();
    conflicts.retry();
    incidents.retry();
  };

  return (
    <RecordPage
      kind={changeDescriptor}
      page={page}
      reload={reload}
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
      details={record => (
        <ChangePlanCard
          change={record}
          editable={can.update}
          onUpdated={reload}
        />
      )}
    >
      {record => (
        <>
          <Grid item>
            <ApprovalsPanel
              record={record}
              state={approvals}
              emptyText={
                record.type === 'standard'
                  ? 'A standard change is pre-approved: it needs no approval.'
                  : 'No approvals yet. They are requested when the change moves to Authorize.'
              }
              onDecided={reload}
            />
          </Grid>
          <Grid item>
            <ConflictsCard conflicts={conflicts} />
          </Grid>
          <Grid item>
            <CausedIncidentsCard incidents={incidents} />
          </Grid>
        </>
      )}
    </RecordPage>
  );
};
