import { ApprovalStep, RecordCore } from '@backstage-itsm/plugin-itsm-common';

/** An event about a record of a kind, which names the record by the kind (`incident: …`). */
export type KindEvent<Key extends string, T, Type extends string, More = {}> = {
  type: Type;
  /** Who acted. */
  actor: string;
} & { [K in Key]: T } & More;

/**
 * What every kind tells (a record created, a record moved), and what its own acts add:
 * the notifier of the kind decides whom to tell.
 */
export type RecordEvent<Key extends string, T extends RecordCore> =
  | KindEvent<Key, T, 'created'>
  | KindEvent<Key, T, 'state_changed', { from: T['state'] }>;

/** Approval steps of a record that now wait for a decision. */
export type ApprovalRequestedEvent<Key extends string, T> = KindEvent<
  Key,
  T,
  'approval_requested',
  { steps: ApprovalStep[] }
>;
