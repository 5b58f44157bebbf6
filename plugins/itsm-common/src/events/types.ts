import type { RecordKind } from '../kinds/registry';

/**
 * The events service topic of ITSM record events (`@backstage/plugin-events-node`).
 *
 * @public
 */
export const ITSM_RECORD_EVENTS_TOPIC = 'itsm.record';

/**
 * The signals channel on which record pages and lists hear that a record changed. Its
 * message names the record by kind and id only: it is broadcast, and says nothing a
 * user who may not read the record should learn.
 *
 * @public
 */
export const ITSM_RECORD_SIGNAL_CHANNEL = 'itsm:record';

/**
 * What happened to a record: `created`; `moved` (a state change); `approved` (its
 * approval state left for the next state); `rejected`; `breached` (an SLA target was
 * reached) and `sla_warning`; and each kind's own (`assigned`, `known_error`,
 * `major_proposed`, `approval_requested`, …).
 *
 * @public
 */
export type ItsmRecordEventType =
  | 'created'
  | 'moved'
  | 'approved'
  | 'rejected'
  | 'breached'
  | 'sla_warning'
  | (string & {});

/**
 * The payload of an event on `itsm.record`.
 *
 * @public
 */
export interface ItsmRecordEventPayload {
  type: ItsmRecordEventType;
  kind: RecordKind;
  id: string;
  number: string;
  title: string;
  state?: string;
  /** `moved`, `approved`, `rejected`: the state it left. */
  from?: string;
  priority?: string;
  /** The record's CIs, its primary CI first. */
  entityRefs?: string[];
  assignmentGroup?: string | null;
  /** Who acted (`user:default/alice`, or the plugin for SLA events). */
  actor: string;
  /** `breached` and `sla_warning`: the SLA metric. */
  metric?: string;
  at: string;
}

/**
 * The message on `itsm:record`.
 *
 * @public
 */
export interface ItsmRecordSignal {
  kind: RecordKind;
  id: string;
}
