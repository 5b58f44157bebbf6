import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  ITSM_RECORD_EVENTS_TOPIC,
  ITSM_RECORD_SIGNAL_CHANNEL,
  ItsmRecordEventPayload,
  ItsmRecordSignal,
  kindDeclaration,
  RecordCore,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { SYSTEM_ACTOR } from '../records/actor';
import { SlaEvent } from '../sla/SlaMonitor';

/** A kind's event as the services tell it: the record under the kind's name. */
type AnyKindEvent = { type: string; actor: string; from?: string } & {
  [kind: string]: unknown;
};

/** Moves out of the approval state that are not a rejection or a withdrawal. */
const NOT_APPROVED = new Set(['draft', 'rejected', 'canceled']);

/** The published type of a kind's event (`state_changed` told as moved, approved or rejected). */
function publishedType(kind: RecordKind, event: AnyKindEvent, to: string) {
  if (event.type !== 'state_changed') return event.type;
  if (to === 'rejected') return 'rejected';
  const { approvalState } = kindDeclaration(kind) as {
    approvalState: string | null;
  };
  return event.from === approvalState && !NOT_APPROVED.has(to)
    ? 'approved'
    : 'moved';
}

/** The payload of a kind's event on `itsm.record`. */
export function recordEventPayload(
  kind: RecordKind,
  event: AnyKindEvent,
  at: string,
): ItsmRecordEventPayload {
  const record = event[kind] as RecordCore & {
    affectedEntityRefs?: string[];
  };
  return {
    type: publishedType(kind, event, record.state),
    kind,
    id: record.id,
    number: record.number,
    title: record.title,
    state: record.state,
    ...(event.from ? { from: event.from } : {}),
    priority: record.priority,
    entityRefs: [record.entityRef, ...(record.affectedEntityRefs ?? [])],
    assignmentGroup: record.assignmentGroup,
    actor: event.actor,
    at,
  };
}

/**
 * Tells the portal what happened to records: an event on the events service (topic
 * `itsm.record`, for other backend plugins and modules) and a signal on `itsm:record`
 * (record pages and lists refresh; the signal names only the kind and id). A failure
 * is logged, never thrown: the act it tells of is already committed.
 */
export class RecordPublisher {
  constructor(
    private readonly options: {
      events?: EventsService;
      signals?: SignalsService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** The handler of one kind's events. */
  forKind(kind: RecordKind) {
    return (event: AnyKindEvent) =>
      this.publish(recordEventPayload(kind, event, this.now()));
  }

  /** SLA warnings and breaches, from the SLA monitor. */
  sla = (event: SlaEvent) =>
    this.publish({
      type: event.type === 'sla_breached' ? 'breached' : 'sla_warning',
      kind: event.record.kind,
      id: event.record.id,
      number: event.record.number,
      title: event.record.title,
      priority: event.record.priority,
      assignmentGroup: event.record.assignmentGroup,
      actor: SYSTEM_ACTOR,
      metric: event.metric,
      at: this.now(),
    });

  private now() {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  private async publish(payload: ItsmRecordEventPayload) {
    const { events, signals, logger } = this.options;
    const signal: ItsmRecordSignal = { kind: payload.kind, id: payload.id };
    await Promise.all([
      events
        ?.publish({
          topic: ITSM_RECORD_EVENTS_TOPIC,
          eventPayload: payload,
          metadata: { type: payload.type, kind: payload.kind },
        })
        .catch(error =>
          logger.warn(
            `Publishing ${payload.type} of ${payload.number} failed: ${error}`,
          ),
        ),
      signals
        ?.publish<ItsmRecordSignal & Record<string, string>>({
          recipients: { type: 'broadcast' },
          channel: ITSM_RECORD_SIGNAL_CHANNEL,
          message: signal as ItsmRecordSignal & Record<string, string>,
        })
        .catch(error =>
          logger.warn(`Signalling ${payload.number} failed: ${error}`),
        ),
    ]);
  }
}

/** One handler that runs both, the second even when the first fails (then rethrows). */
export function both<E>(
  first: ((event: E) => Promise<unknown> | unknown) | undefined,
  second: (event: E) => Promise<unknown>,
) {
  return async (event: E): Promise<void> => {
    const results = await Promise.allSettled([
      Promise.resolve().then(() => first?.(event)),
      second(event),
    ]);
    const failed = results.find(r => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  };
}
