import { createPermission } from '@backstage/plugin-permission-common';

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

/** Administrative acts on any ITSM record. */
export const itsmAdminPermission = createPermission({
  name: 'itsm.admin',
  attributes: {},
});

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
];
