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
  itsmAdminPermission,
];

/** Permissions that apply to a record resource (registered with the resource type). */
export const itsmRecordPermissions = [
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  itsmIncidentCommentPermission,
];
