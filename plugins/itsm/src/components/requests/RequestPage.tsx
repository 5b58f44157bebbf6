import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  allowedRequestTransitions,
  RecordSla,
  RequestState,
  ServiceOfferingEntity,
  ServiceRequest,
  SlaTimer,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { requestRouteRef } from '../../routes';
import {
  DescriptionField,
  DetailField as Field,
  formatDateTime,
  MoveButtons,
  Notice,
  RecordPageBody,
  RecordPageFrame,
  RefLink,
  useMoveDialog,
  useRecordPermissions,
} from '../shared';
import { ApprovalsPanel, useRecordApprovals } from '../approvals';
import { describeParameters, formatDuration, useOffering } from '../offerings';
import { RecordSlaCard, useRecordSla } from '../sla';
import { DueTime, OverdueChip, requestDue } from './DueTime';
import { RequestTransitionDialog } from './RequestTransitionDialog';
import { Actor, mayMove, REQUEST_TRANSITION_LABELS } from './transitions';

/** Moves out of the way: outlined, after the forward ones. */
const BACKWARD: readonly RequestState[] = ['rejected', 'canceled'];

/** The resolution timer of a request's SLA, if a policy applies. */
function resolutionTimer(sla: RecordSla | undefined): SlaTimer | undefined {
  return sla?.timers.find(timer => timer.metric === 'resolution');
}

/** "Due (within 2 days)", and on which calendar when an SLA policy counts it. */
function dueLabel(request: ServiceRequest, sla: RecordSla | undefined) {
  const policy = sla?.policy;
  const target = policy?.targets.resolution ?? request.fulfillmentTarget;
  const calendar = policy ? `, ${policy.calendar} calendar` : '';
  return `Due (within ${formatDuration(target)}${calendar})`;
}

const RequestDetails = (props: {
  request: ServiceRequest;
  sla: RecordSla | undefined;
}) => {
  const { request, sla } = props;
  return (
    <InfoCard title="Details">
      <Grid container spacing={2}>
        {request.description && (
          <DescriptionField description={request.description} />
        )}
        <Field label="Offering">
          <EntityRefLink
            entityRef={request.offeringRef}
            title={request.offeringTitle}
            hideIcon
            disableTooltip
          />
        </Field>
        <Field label="Configuration item">
          <RefLink entityRef={request.entityRef} />
        </Field>
        <Field label="Owner group">
          <RefLink entityRef={request.assignmentGroup} />
        </Field>
        <Field label="Requester">
          <RefLink entityRef={request.requester} />
        </Field>
        {request.assignee && (
          <Field label="Assignee">
            <RefLink entityRef={request.assignee} />
          </Field>
        )}
        <Field label="Submitted">{formatDateTime(request.createdAt)}</Field>
        <Field label={dueLabel(request, sla)}>
          <DueTime request={request} timer={resolutionTimer(sla)} />
        </Field>
        {request.fulfilledAt && (
          <Field label="Fulfilled">{formatDateTime(request.fulfilledAt)}</Field>
        )}
        {request.resolutionNote && (
          <Field
            label={request.state === 'rejected' ? 'Reason' : 'Fulfilment note'}
            wide
            preWrap
          >
            {request.resolutionNote}
          </Field>
        )}
      </Grid>
    </InfoCard>
  );
};

/** The parameters of the order, labelled as the offering's form labels them. */
const ParametersCard = (props: {
  request: ServiceRequest;
  offering?: ServiceOfferingEntity;
}) => {
  const items = describeParameters(
    props.request.parameters,
    props.offering?.spec.parameters,
  );
  return (
    <InfoCard title="Parameters">
      <Grid container spacing={2}>
        {items.map(item => (
          <Field key={item.key} label={item.label} preWrap>
            {item.value}
          </Field>
        ))}
      </Grid>
    </InfoCard>
  );
};

/**
 * One service request: its state, the moves the signed-in user may make (with the
 * update permission, and as the domain rules say: the owner group fulfils or rejects,
 * the requester cancels), what was ordered, its approvals and its timeline.
 */
export const RequestPage = () => {
  const { id } = useRouteRefParams(requestRouteRef);
  const itsmApi = useApi(itsmApiRef);
  const identityApi = useApi(identityApiRef);

  const request = useAsyncRetry(() => itsmApi.getRequest(id), [itsmApi, id]);
  const timeline = useAsyncRetry(
    () => itsmApi.getRequestTimeline(id),
    [itsmApi, id],
  );
  const sla = useRecordSla('request', id);
  const current = request.value;
  const approvals = useRecordApprovals('request', id, current?.id);
  const can = useRecordPermissions('request', current?.id);
  const offering = useOffering(current?.offeringRef);
  const { value: actor } = useAsync(async (): Promise<Actor> => {
    const identity = await identityApi.getBackstageIdentity();
    return {
      userEntityRef: identity.userEntityRef,
      ownershipEntityRefs: identity.ownershipEntityRefs.map(ref =>
        ref.toLocaleLowerCase('en-US'),
      ),
    };
  }, [identityApi]);

  const reload = () => {
    request.retry();
    timeline.retry();
    approvals.retry();
    sla.retry();
  };
  const move = useMoveDialog<RequestState>(reload);

  const moves =
    current && actor && can.update
      ? allowedRequestTransitions(current.state).filter(to =>
          mayMove(current, to, actor),
        )
      : [];

  return (
    <RecordPageFrame
      kindLabel="Service request"
      id={id}
      record={request}
      chips={record =>
        requestDue(record, resolutionTimer(sla.value)).overdue && (
          <OverdueChip />
        )
      }
      actions={() => (
        <MoveButtons
          moves={moves}
          backward={BACKWARD}
          labels={REQUEST_TRANSITION_LABELS}
          onMove={move.open}
        />
      )}
    >
      {record => (
        <>
          {record.state === 'awaiting_approval' && (
            <Notice severity="info">
              Waiting for approval: the owner group starts on it once every step
              is approved; a rejection ends the request.
            </Notice>
          )}
          <RecordPageBody
            kind="request"
            recordId={record.id}
            timeline={timeline}
            permissions={can}
            mainWidth={7}
          >
            <Grid item>
              <RequestDetails request={record} sla={sla.value} />
            </Grid>
            <Grid item>
              <RecordSlaCard kind="request" sla={sla} />
            </Grid>
            <Grid item>
              <ParametersCard request={record} offering={offering.value} />
            </Grid>
            <Grid item>
              <ApprovalsPanel
                record={record}
                state={approvals}
                emptyText={
                  record.state === 'submitted'
                    ? 'The request is being routed for approval.'
                    : 'The offering needs no approval: the request was approved when submitted.'
                }
                onDecided={reload}
              />
            </Grid>
          </RecordPageBody>
          <RequestTransitionDialog request={record} {...move.dialog} />
        </>
      )}
    </RecordPageFrame>
  );
};
