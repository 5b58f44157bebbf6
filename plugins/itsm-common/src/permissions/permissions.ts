import {
  BasicPermission,
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { RecordKind } from '../records/types';

/** Resource type of ITSM records, for resource permissions and conditional rules. */
export const ITSM_RECORD_RESOURCE_TYPE = 'itsm-record';

/** Opening an incident (no resource yet: a basic permission). */
export const itsmIncidentCreatePermission = createPermission({
  name: 'itsm.incident.create',
  attributes: { action: 'create' },
});

/** Reading incidents; lists are filtered by the policy's conditions. */
export const itsmIncidentReadPermission = createPermission({
  name: 'itsm.incident.read',
  attributes: { action: 'read' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/** Editing fields, moving state and writing work notes on an incident. */
export const itsmIncidentUpdatePermission = createPermission({
  name: 'itsm.incident.update',
  attributes: { action: 'update' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/** Adding a comment visible to the requester (the requester's own replies too). */
export const itsmIncidentCommentPermission = createPermission({
  name: 'itsm.incident.comment',
  attributes: { action: 'update' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/** Raising a change (no resource yet: a basic permission). */
export const itsmChangeCreatePermission = createPermission({
  name: 'itsm.change.create',
  attributes: { action: 'create' },
});

/** Reading changes, their approvals and the change calendar. */
export const itsmChangeReadPermission = createPermission({
  name: 'itsm.change.read',
  attributes: { action: 'read' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/** Editing the plan, moving state and commenting on a change. */
export const itsmChangeUpdatePermission = createPermission({
  name: 'itsm.change.update',
  attributes: { action: 'update' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/**
 * Deciding an approval step of a change. On top of this permission, the domain rule
 * applies: the decider is a member of the step's group and not the change's requester.
 */
export const itsmChangeApprovePermission = createPermission({
  name: 'itsm.change.approve',
  attributes: { action: 'update' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/** Ordering from the service catalog (no resource yet: a basic permission). */
export const itsmRequestCreatePermission = createPermission({
  name: 'itsm.request.create',
  attributes: { action: 'create' },
});

/** Reading service requests. */
export const itsmRequestReadPermission = createPermission({
  name: 'itsm.request.read',
  attributes: { action: 'read' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/**
 * Moving a request (fulfilment by the owner group, cancellation by the requester; the
 * domain rules say who may make which move) and commenting on it.
 */
export const itsmRequestUpdatePermission = createPermission({
  name: 'itsm.request.update',
  attributes: { action: 'update' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/** Deciding an approval step of a request (plus the group-membership domain rule). */
export const itsmRequestApprovePermission = createPermission({
  name: 'itsm.request.approve',
  attributes: { action: 'update' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/**
 * Reading the internal work notes on a record's timeline, for every kind. Reading a
 * record does not include its work notes: a requester outside the assignment group
 * sees the record and its comments, not the notes its workers keep.
 */
export const itsmRecordWorknoteReadPermission = createPermission({
  name: 'itsm.record.worknote.read',
  attributes: { action: 'read' },
  resourceType: ITSM_RECORD_RESOURCE_TYPE,
});

/** Administrative acts on any ITSM record. */
export const itsmAdminPermission = createPermission({
  name: 'itsm.admin',
  attributes: {},
});

/** What a caller may do to records of one kind, and the permission that guards it. */
export interface ItsmKindPermissions {
  create: BasicPermission;
  read: ResourcePermission;
  update: ResourcePermission;
  /** Adding a comment visible to the requester. */
  comment: ResourcePermission;
  /** Deciding an approval step (approvable kinds only). */
  approve?: ResourcePermission;
}

/** The permissions of each kind, so that code serving every kind looks them up here. */
export const ITSM_KIND_PERMISSIONS: Record<RecordKind, ItsmKindPermissions> = {
  incident: {
    create: itsmIncidentCreatePermission,
    read: itsmIncidentReadPermission,
    update: itsmIncidentUpdatePermission,
    comment: itsmIncidentCommentPermission,
  },
  change: {
    create: itsmChangeCreatePermission,
    read: itsmChangeReadPermission,
    update: itsmChangeUpdatePermission,
    comment: itsmChangeUpdatePermission,
    approve: itsmChangeApprovePermission,
  },
  request: {
    create: itsmRequestCreatePermission,
    read: itsmRequestReadPermission,
    update: itsmRequestUpdatePermission,
    comment: itsmRequestUpdatePermission,
    approve: itsmRequestApprovePermission,
  },
};

export const itsmPermissions = [
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  itsmIncidentCommentPermission,
  itsmChangeCreatePermission,
  itsmChangeReadPermission,
  itsmChangeUpdatePermission,
  itsmChangeApprovePermission,
  itsmRequestCreatePermission,
  itsmRequestReadPermission,
  itsmRequestUpdatePermission,
  itsmRequestApprovePermission,
  itsmRecordWorknoteReadPermission,
  itsmAdminPermission,
];

/** Permissions that apply to a record resource (registered with the resource type). */
export const itsmRecordPermissions = [
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  itsmIncidentCommentPermission,
  itsmChangeReadPermission,
  itsmChangeUpdatePermission,
  itsmChangeApprovePermission,
  itsmRequestReadPermission,
  itsmRequestUpdatePermission,
  itsmRequestApprovePermission,
  itsmRecordWorknoteReadPermission,
];
