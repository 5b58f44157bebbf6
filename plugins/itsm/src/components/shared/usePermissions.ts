import { usePermission } from '@backstage/plugin-permission-react';
import {
  ITSM_KIND_PERMISSIONS,
  itsmRecordWorknoteReadPermission,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';

/** A decision of the permission framework: `allowed` is false until it is known. */
export interface PermissionDecision {
  allowed: boolean;
  loading: boolean;
  /** Why it could not be decided (then `allowed` is false). */
  error?: Error;
}

/**
 * Whether the signed-in user may create records of `kind` ("Report incident",
 * "Request change", "Order"). Buttons wait for it: false while loading.
 */
export function useCreatePermission(kind: RecordKind): PermissionDecision {
  const { allowed, loading, error } = usePermission({
    permission: ITSM_KIND_PERMISSIONS[kind].create,
  });
  return { allowed, loading, error };
}

/** The acts on one record that the UI offers or hides. */
export type RecordAct = 'update' | 'comment' | 'approve';

/**
 * Whether the signed-in user may do `act` on the record with id `recordId` (the id,
 * not the number: resource permissions take `resourceRef: record.id`). False while
 * loading, and without a record; always false for `approve` on a kind without
 * approvals.
 */
export function useRecordPermission(
  kind: RecordKind,
  act: RecordAct,
  recordId: string | undefined,
): PermissionDecision {
  const permissions = ITSM_KIND_PERMISSIONS[kind];
  // Hooks run unconditionally: a kind without approvals asks for its update
  // permission instead (the same request, deduplicated) and answers no.
  const permission = permissions[act] ?? permissions.update;
  const { allowed, loading, error } = usePermission({
    permission,
    resourceRef: recordId,
  });
  return {
    allowed: allowed && !!permissions[act] && !!recordId,
    loading: loading || !recordId,
    error,
  };
}

/** What a record's page offers the signed-in user. */
export interface RecordPermissions {
  /** Until every decision is in, nothing is offered (no button shows and vanishes). */
  loading: boolean;
  /** Edit fields, make moves, write work notes. */
  update: boolean;
  /** Add a comment the requester sees. */
  comment: boolean;
  /** See the work notes (the server leaves them out of the timeline otherwise). */
  readWorkNotes: boolean;
  /** A decision that could not be made: what it guards is not offered. */
  error?: Error;
}

/**
 * The permissions a record's page needs, for every kind. Approving is asked by each
 * step's decision buttons as they appear (`useRecordPermission`): a step that opens
 * while the page is shown mounts them, which asks again, where a decision taken when
 * the page opened would be stale.
 */
export function useRecordPermissions(
  kind: RecordKind,
  recordId: string | undefined,
): RecordPermissions {
  const update = useRecordPermission(kind, 'update', recordId);
  const comment = useRecordPermission(kind, 'comment', recordId);
  const workNotes = usePermission({
    permission: itsmRecordWorknoteReadPermission,
    resourceRef: recordId,
  });
  const loading =
    update.loading || comment.loading || workNotes.loading || !recordId;
  return {
    loading,
    update: !loading && update.allowed,
    comment: !loading && comment.allowed,
    readWorkNotes: !loading && workNotes.allowed,
    error: update.error ?? comment.error ?? workNotes.error,
  };
}
