import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  RecordSla,
  ServiceOfferingEntity,
  ServiceRequest,
  SlaTimer,
} from '@backstage-itsm/plugin-itsm-common';
import {
  DescriptionField,
  DetailField as Field,
  FactsCard,
  Notice,
  NotesField,
  RefField,
  TimeField,
} from '../shared';
import { RecordPage, useRecordPage } from '../records';
import { approvalsCard, useRecordApprovals } from '../approvals';
import { describeParameters, formatDuration, useOffering } from '../offerings';
import { DueTime, OverdueChip, requestDue } from './DueTime';
import { requestDescriptor } from './descriptor';

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
    <FactsCard title="Details">
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
      <RefField label="Configuration item" entityRef={request.entityRef} />
      <RefField label="Owner group" entityRef={request.assignmentGroup} />
      <RefField label="Requester" entityRef={request.requester} />
      {request.assignee && (
        <RefField label="Assignee" entityRef={request.assignee} />
      )}
      <TimeField label="Submitted" at={request.createdAt} />
      <Field label={dueLabel(request, sla)}>
        <DueTime request={request} timer={resolutionTimer(sla)} />
      </Field>
      <TimeField label="Fulfilled" at={request.fulfilledAt} />
      <NotesField
        label={request.state === 'rejected' ? 'Reason' : 'Fulfilment note'}
        text={request.resolutionNote}
      />
    </FactsCard>
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
    <FactsCard title="Parameters">
      {items.map(item => (
        <Field key={item.key} label={item.label} preWrap>
          {item.value}
        </Field>
      ))}
    </FactsCard>
  );
};

/**
 * One service request: its state, the moves the signed-in user may make (with the
 * update permission, and as the domain rules say: the owner group fulfils or rejects,
 * the requester cancels), what was ordered, its approvals and its timeline.
 */
export const RequestPage = () => {
  const page = useRecordPage(requestDescriptor);
  const { id, sla } = page;
  const current = page.record.value;
  const approvals = useRecordApprovals('request', id, current?.id);
  const offering = useOffering(current?.offeringRef);

  return (
    <RecordPage
      kind={requestDescriptor}
      page={page}
      alsoReload={[approvals]}
      chips={record =>
        requestDue(record, resolutionTimer(sla.value)).overdue && (
          <OverdueChip />
        )
      }
      notices={record =>
        record.state === 'awaiting_approval' && (
          <Notice severity="info">
            Waiting for approval: the owner group starts on it once every step
            is approved; a rejection ends the request.
          </Notice>
        )
      }
      mainWidth={7}
      details={({ record }) => (
        <RequestDetails request={record} sla={sla.value} />
      )}
      cards={[
        ({ record }) => (
          <ParametersCard request={record} offering={offering.value} />
        ),
        approvalsCard(approvals, request =>
          request.state === 'submitted'
            ? 'The request is being routed for approval.'
            : 'The offering needs no approval: the request was approved when submitted.',
        ),
      ]}
    />
  );
};
