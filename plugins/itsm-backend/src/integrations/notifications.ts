import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ApprovalStep,
  kindDeclaration,
  Priority,
  RecordCore,
  SLA_METRIC_LABELS,
  stateLabel,
} from '@backstage-itsm/plugin-itsm-common';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { IncidentEvent } from '../incidents/IncidentService';
import { ChangeEvent } from '../changes/ChangeService';
import { RequestEvent } from '../requests/RequestService';
import { ProblemEvent } from '../problems/ProblemService';
import { SYSTEM_ACTOR } from '../records/actor';
import { SlaEvent } from '../sla/SlaMonitor';

const SEVERITY_OF: Record<Priority, NotificationSeverity> = {
  P1: 'critical',
  P2: 'high',
  P3: 'normal',
  P4: 'normal',
  P5: 'low',
};

/**
 * Sends one notification about a record to a user or group. A failed notification
 * is logged, never turned into a failed request: the record change has happened.
 */
function createSender(options: {
  notifications: NotificationService;
  logger: LoggerService;
}) {
  const { notifications, logger } = options;
  return async (
    recipient: string | null,
    record: Pick<RecordCore, 'kind' | 'number' | 'title' | 'priority'>,
    event: { type: string; actor: string },
    title: string,
    /** Besides the actor, who in the recipient group should not get it. */
    exclude: string[] = [],
    /** Overrides the record's priority-based severity. */
    severity?: NotificationSeverity,
  ) => {
    if (!recipient) return;
    try {
      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: recipient,
          excludeEntityRef: [...new Set([event.actor, ...exclude])],
        },
        payload: {
          title,
          description: record.title,
          link: `/itsm/${kindDeclaration(record.kind).apiPath}/${
            record.number
          }`,
          severity: severity ?? SEVERITY_OF[record.priority],
          topic: record.number,
          scope: `itsm:${record.number}:${event.type}`,
        },
      });
    } catch (error) {
      logger.warn(
        `Could not notify ${recipient} about ${record.number}: ${error}`,
      );
    }
  };
}

type Send = ReturnType<typeof createSender>;

/** "INC-000042 is now resolved": the title telling the requester of a move. */
function nowIn(record: Pick<RecordCore, 'kind' | 'number' | 'state'>): string {
  return `${record.number} is now ${stateLabel(
    record.kind,
    record.state,
  ).toLocaleLowerCase('en-US')}`;
}

/**
 * Asks the groups of newly opened approval steps, without the record's requester, who
 * may not approve their own record.
 */
async function askApprovers(
  send: Send,
  record: RecordCore,
  event: { type: string; actor: string; steps: ApprovalStep[] },
) {
  const groups = new Set(event.steps.flatMap(s => s.eligibleGroups));
  for (const group of groups) {
    await send(
      group,
      record,
      event,
      `${record.number} waits for your approval`,
      [record.requester],
    );
  }
}

type KindEvent = { type: string; actor: string };

/**
 * A kind's notifier: approvers hear of steps that wait for them and requesters of
 * every move of their record, for every kind alike; `also` adds what the kind tells
 * besides (new work for a group, an assignment, a rejection's reason).
 */
export function createRecordNotifier<E extends KindEvent>(
  options: { notifications: NotificationService; logger: LoggerService },
  spec: {
    /** The record an event is about. */
    recordOf: (event: E) => RecordCore;
    also?: (event: E, record: RecordCore, send: Send) => Promise<void>;
  },
) {
  const send = createSender(options);
  return async (event: E) => {
    const record = spec.recordOf(event);
    if (event.type === 'approval_requested' && 'steps' in event)
      await askApprovers(send, record, event as E & { steps: ApprovalStep[] });
    if (event.type === 'state_changed')
      await send(record.requester, record, event, nowIn(record));
    await spec.also?.(event, record, send);
  };
}

type NotifierOptions = Parameters<typeof createSender>[0];

/** Tells the people concerned about incidents through Backstage notifications. */
export function createIncidentNotifier(options: NotifierOptions) {
  return createRecordNotifier<IncidentEvent>(options, {
    recordOf: event => event.incident,
    also: async (event, incident, send) => {
      if (event.type === 'created')
        await send(
          incident.assignmentGroup,
          incident,
          event,
          `New ${incident.priority} incident ${incident.number}`,
        );
      if (event.type === 'assigned')
        await send(
          incident.assignee,
          incident,
          event,
          `${incident.number} is assigned to you`,
        );
      if (event.type === 'requester_replied')
        await send(
          incident.assignee ?? incident.assignmentGroup,
          incident,
          event,
          `The caller replied on ${incident.number}`,
        );
      if (event.type === 'major_proposed')
        await send(
          event.group,
          incident,
          event,
          `${incident.number} is proposed as a major incident`,
          [],
          'critical',
        );
      if (event.type === 'major_accepted' || event.type === 'major_rejected')
        await send(
          incident.assignmentGroup,
          incident,
          event,
          `${incident.number} is ${
            event.type === 'major_accepted'
              ? 'now a major incident'
              : 'not a major incident'
          }`,
        );
      if (event.type === 'impacting')
        for (const owner of event.owners)
          await send(
            owner,
            incident,
            event,
            `${incident.priority} incident ${incident.number} impacts what you own`,
          );
      // Stakeholders: the owners of what the major incident impacts.
      if (event.type === 'stakeholder_update')
        for (const owner of event.owners)
          await send(
            owner,
            incident,
            event,
            `Major incident ${incident.number}: ${event.body.slice(0, 120)}`,
            [],
            'critical',
          );
    },
  });
}

/** Tells approvers what waits for them, and requesters what became of their change. */
export function createChangeNotifier(options: NotifierOptions) {
  return createRecordNotifier<ChangeEvent>(options, {
    recordOf: event => event.change,
    also: async (event, change, send) => {
      if (event.type === 'rejected')
        await send(
          change.requester,
          change,
          event,
          `${change.number} was rejected: ${event.comment}`,
        );
    },
  });
}

/**
 * Tells the owner group about new requests, approvers what waits for them, and the
 * requester what became of their request.
 */
export function createRequestNotifier(options: NotifierOptions) {
  return createRecordNotifier<RequestEvent>(options, {
    recordOf: event => event.request,
    also: async (event, _record, send) => {
      const { request } = event;
      // An approved request is work for the offering's owner group.
      const approved =
        request.state === 'approved' &&
        (event.type === 'created' ||
          (event.type === 'state_changed' &&
            event.from === 'awaiting_approval'));
      if (approved)
        await send(
          request.assignmentGroup,
          request,
          event,
          `New request ${request.number} to fulfil: ${request.offeringTitle}`,
        );
    },
  });
}

/** Tells the problem's group of new problems and of known errors published. */
export function createProblemNotifier(options: NotifierOptions) {
  return createRecordNotifier<ProblemEvent>(options, {
    recordOf: event => event.problem,
    also: async (event, problem, send) => {
      if (event.type === 'created')
        await send(
          problem.assignmentGroup,
          problem,
          event,
          `New problem ${problem.number}`,
        );
      if (event.type === 'known_error')
        await send(
          problem.assignmentGroup,
          problem,
          event,
          `${problem.number} is published as a known error`,
        );
    },
  });
}

/**
 * Tells the assignee and the assignment group that a timer is at risk or breached
 * (docs/DESIGN.md §4). The sweep calls this once per recorded warning or breach.
 */
export function createSlaNotifier(options: NotifierOptions) {
  const send = createSender(options);
  return async (event: SlaEvent) => {
    const { record } = event;
    const metric = SLA_METRIC_LABELS[event.metric];
    const title =
      event.type === 'sla_breached'
        ? `${record.number}: ${metric} SLA breached`
        : `${record.number}: ${metric} SLA at ${Math.round(
            (event.threshold ?? 0) * 100,
          )} % of its target`;
    const severity: NotificationSeverity =
      event.type === 'sla_breached' ? 'critical' : 'high';
    const notice = {
      type: `${event.type}-${event.metric}-${event.cycle}`,
      actor: SYSTEM_ACTOR,
    };
    await send(record.assignee, record, notice, title, [], severity);
    // The group hears it too, without the assignee who was told already.
    await send(
      record.assignmentGroup,
      record,
      notice,
      title,
      record.assignee ? [record.assignee] : [],
      severity,
    );
  };
}
