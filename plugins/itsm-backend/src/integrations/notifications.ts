import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ApprovalStep,
  Change,
  Incident,
  normalizeEntityRef,
  Priority,
  Problem,
  RecordCore,
  recordPagePath,
  ServiceRequest,
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

/** Whether `ref` is a full catalog entity ref (`user:default/alice`). */
const isEntityRef = (ref: string) => normalizeEntityRef(ref) !== undefined;

/**
 * Sends one notification about a record to a user or group. A failed notification
 * is logged, never turned into a failed request: the record change has happened.
 */
function createSender(options: {
  notifications: NotificationService;
  logger: LoggerService;
  /** Where the app mounts the ITSM page (`itsm.pagePath`), for the links. */
  pagePath?: string;
}) {
  const { notifications, logger, pagePath } = options;
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
    // Only catalog entities have an inbox: a machine caller that raised a record (an
    // alert source, named by its token's subject) is not notified.
    if (!recipient || !isEntityRef(recipient)) return;
    try {
      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: recipient,
          excludeEntityRef: [
            ...new Set([event.actor, ...exclude].filter(isEntityRef)),
          ],
        },
        payload: {
          title,
          description: record.title,
          link: recordPagePath(record.kind, record.number, pagePath),
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

/** A notification a kind sends of one of its events: to whom, titled how. */
interface Notice {
  /** A user or group each; nobody when null. */
  to: string | null | readonly string[];
  title: string;
  /** Overrides the record's priority-based severity. */
  severity?: NotificationSeverity;
}

/**
 * What a kind tells of each type of its events besides what every kind tells (no
 * notice: nothing more).
 */
type Notices<E extends KindEvent, R> = {
  [T in E['type']]?: (
    event: Extract<E, { type: T }>,
    record: R,
  ) => Notice | undefined;
};

/**
 * A kind's notifier: approvers hear of steps that wait for them and requesters of
 * every move of their record, for every kind alike; `notices` adds what the kind tells
 * besides (new work for a group, an assignment, a rejection's reason).
 */
export function createRecordNotifier<E extends KindEvent, R extends RecordCore>(
  options: NotifierOptions,
  spec: {
    /** The record an event is about. */
    recordOf: (event: E) => R;
    notices: Notices<E, R>;
  },
) {
  const send = createSender(options);
  return async (event: E) => {
    const record = spec.recordOf(event);
    if (event.type === 'approval_requested' && 'steps' in event)
      await askApprovers(send, record, event as E & { steps: ApprovalStep[] });
    if (event.type === 'state_changed')
      await send(record.requester, record, event, nowIn(record));
    // The entry of the event's type reads it as that type.
    const noticeOf = spec.notices[event.type as E['type']] as
      | ((event: E, record: R) => Notice | undefined)
      | undefined;
    const notice = noticeOf?.(event, record);
    if (!notice) return;
    for (const to of [notice.to].flat())
      await send(to, record, event, notice.title, [], notice.severity);
  };
}

type NotifierOptions = Parameters<typeof createSender>[0];

/** Tells the people concerned about incidents through Backstage notifications. */
export function createIncidentNotifier(options: NotifierOptions) {
  return createRecordNotifier<IncidentEvent, Incident>(options, {
    recordOf: event => event.incident,
    notices: {
      created: (_event, incident) => ({
        to: incident.assignmentGroup,
        title: `New ${incident.priority} incident ${incident.number}`,
      }),
      assigned: (_event, incident) => ({
        to: incident.assignee,
        title: `${incident.number} is assigned to you`,
      }),
      requester_replied: (_event, incident) => ({
        to: incident.assignee ?? incident.assignmentGroup,
        title: `The caller replied on ${incident.number}`,
      }),
      major_proposed: (event, incident) => ({
        to: event.group,
        title: `${incident.number} is proposed as a major incident`,
        severity: 'critical',
      }),
      major_accepted: (_event, incident) => ({
        to: incident.assignmentGroup,
        title: `${incident.number} is now a major incident`,
      }),
      major_rejected: (_event, incident) => ({
        to: incident.assignmentGroup,
        title: `${incident.number} is not a major incident`,
      }),
      impacting: (event, incident) => ({
        to: event.owners,
        title: `${incident.priority} incident ${incident.number} impacts what you own`,
      }),
      // Stakeholders: the owners of what the major incident impacts.
      stakeholder_update: (event, incident) => ({
        to: event.owners,
        title: `Major incident ${incident.number}: ${event.body.slice(0, 120)}`,
        severity: 'critical',
      }),
    },
  });
}

/** Tells approvers what waits for them, and requesters what became of their change. */
export function createChangeNotifier(options: NotifierOptions) {
  return createRecordNotifier<ChangeEvent, Change>(options, {
    recordOf: event => event.change,
    notices: {
      rejected: (event, change) => ({
        to: change.requester,
        title: `${change.number} was rejected: ${event.comment}`,
      }),
    },
  });
}

/** An approved request is work for the offering's owner group. */
function workToFulfil(request: ServiceRequest): Notice | undefined {
  if (request.state !== 'approved') return undefined;
  return {
    to: request.assignmentGroup,
    title: `New request ${request.number} to fulfil: ${request.offeringTitle}`,
  };
}

/**
 * Tells the owner group about new requests, approvers what waits for them, and the
 * requester what became of their request.
 */
export function createRequestNotifier(options: NotifierOptions) {
  return createRecordNotifier<RequestEvent, ServiceRequest>(options, {
    recordOf: event => event.request,
    notices: {
      created: (_event, request) => workToFulfil(request),
      state_changed: (event, request) =>
        event.from === 'awaiting_approval' ? workToFulfil(request) : undefined,
    },
  });
}

/** Tells the problem's group of new problems and of known errors published. */
export function createProblemNotifier(options: NotifierOptions) {
  return createRecordNotifier<ProblemEvent, Problem>(options, {
    recordOf: event => event.problem,
    notices: {
      created: (_event, problem) => ({
        to: problem.assignmentGroup,
        title: `New problem ${problem.number}`,
      }),
      known_error: (_event, problem) => ({
        to: problem.assignmentGroup,
        title: `${problem.number} is published as a known error`,
      }),
    },
  });
}

/**
 * Tells the assignee and the assignment group that a timer is at risk or breached
 * (docs/domain-rules.md §4). The sweep calls this once per recorded warning or breach.
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
