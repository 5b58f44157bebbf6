import Grid from '@material-ui/core/Grid';
import { useApi, useRouteRefParams } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  allowedChangeTransitions,
  ChangeState,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { changeRouteRef } from '../../routes';
import {
  MoveButtons,
  Notice,
  RecordPageBody,
  RecordPageFrame,
  useMoveDialog,
  useRecordPermissions,
} from '../shared';
import { ApprovalsPanel, useRecordApprovals } from '../approvals';
import { RecordSlaCard, useRecordSla } from '../sla';
import { ChangeTypeChip, RiskChip } from './ChangeChips';
import { ChangePlanCard } from './ChangePlanCard';
import { CausedIncidentsCard, ConflictsCard } from './ChangeRelationsCards';
import { ChangeTransitionDialog } from './ChangeTransitionDialog';
import { CHANGE_TRANSITION_LABELS, planProblems } from './transitions';

/** Moves that are a step back or out: outlined, after the forward ones. */
const BACKWARD: readonly ChangeState[] = ['draft', 'canceled'];

/**
 * One change: its state, type and risk, the moves it allows (with what their guards
 * still miss), its plan (editable before authorisation), approvals, conflicts, the
 * incidents it caused and its timeline. Moves and plan edits only for those who may
 * update it (its requester, assignment group and assignee).
 */
export const ChangePage = () => {
  const { id } = useRouteRefParams(changeRouteRef);
  const itsmApi = useApi(itsmApiRef);

  const change = useAsyncRetry(() => itsmApi.getChange(id), [itsmApi, id]);
  const timeline = useAsyncRetry(
    () => itsmApi.getChangeTimeline(id),
    [itsmApi, id],
  );
  const conflicts = useAsyncRetry(
    () => itsmApi.getChangeConflicts(id),
    [itsmApi, id],
  );
  const incidents = useAsyncRetry(
    () => itsmApi.getChangeIncidents(id),
    [itsmApi, id],
  );
  const sla = useRecordSla('change', id);
  const current = change.value;
  const approvals = useRecordApprovals('change', id, current?.id);
  const can = useRecordPermissions('change', current?.id);

  const reload = () => {
    change.retry();
    timeline.retry();
    approvals.retry();
    conflicts.retry();
    incidents.retry();
    sla.retry();
  };
  const move = useMoveDialog<ChangeState>(reload);

  const moves =
    current && can.update
      ? allowedChangeTransitions(current.type, current.state)
      : [];
  const blocked = current
    ? moves
        .map(to => ({ to, problems: planProblems(current, to) }))
        .filter(guard => guard.problems.length > 0)
    : [];

  return (
    <RecordPageFrame
      kindLabel="Change"
      id={id}
      record={change}
      chips={record => (
        <>
          <ChangeTypeChip type={record.type} />
          <RiskChip risk={record.risk} />
        </>
      )}
      actions={() => (
        <MoveButtons
          moves={moves}
          backward={BACKWARD}
          labels={CHANGE_TRANSITION_LABELS}
          onMove={move.open}
        />
      )}
    >
      {record => (
        <>
          {record.state === 'authorize' && (
            <Notice severity="info">
              Waiting for approval: the change is scheduled when every step is
              approved; a rejection returns it to draft.
            </Notice>
          )}
          {blocked.map(guard => (
            <Notice severity="warning" key={guard.to}>
              Before {CHANGE_TRANSITION_LABELS[guard.to]}:{' '}
              {guard.problems.join('; ')}.
            </Notice>
          ))}
          <RecordPageBody
            kind="change"
            recordId={record.id}
            timeline={timeline}
            permissions={can}
            mainWidth={7}
          >
            <Grid item>
              <ChangePlanCard
                change={record}
                editable={can.update}
                onUpdated={reload}
              />
            </Grid>
            <Grid item>
              <RecordSlaCard kind="change" sla={sla} />
            </Grid>
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
          </RecordPageBody>
          <ChangeTransitionDialog change={record} {...move.dialog} />
        </>
      )}
    </RecordPageFrame>
  );
};
