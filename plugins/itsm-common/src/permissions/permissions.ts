import {
  BasicPermission,
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { RecordKindDeclaration } from '../kinds/declaration';
import {
  mapRecordKinds,
  RECORD_KIND_DECLARATIONS,
  RECORD_KINDS,
  RecordKind,
} from '../kinds/registry';

/** Resource type of ITSM records, for resource permissions and conditional rules. */
export const ITSM_RECORD_RESOURCE_TYPE = 'itsm-record';

/** A permission on a record resource. */
type ItsmRecordPermission = ResourcePermission<
  typeof ITSM_RECORD_RESOURCE_TYPE
>;

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

/** `itsm.<kind>.<verb>` on a record of the kind. */
function recordPermission(
  kind: string,
  verb: string,
  action: 'read' | 'update',
): ItsmRecordPermission {
  return createPermission({
    name: `itsm.${kind}.${verb}`,
    attributes: { action },
    resourceType: ITSM_RECORD_RESOURCE_TYPE,
  });
}

/**
 * The permissions of a kind, named after it: `itsm.<kind>.create` (a basic permission:
 * no record yet), `.read`, `.update`, `.comment` when the kind's comments take their own
 * permission (else the update permission guards them) and `.approve` when it has
 * approvals. The names are public: permission policies grant them.
 */
function kindPermissions(declaration: RecordKindDeclaration) {
  const { kind, commentPermission, approvalState } = declaration;
  const update = recordPermission(kind, 'update', 'update');
  return {
    create: createPermission({
      name: `itsm.${kind}.create`,
      attributes: { action: 'create' },
    }),
    read: recordPermission(kind, 'read', 'read'),
    update,
    comment:
      commentPermission === 'comment'
        ? recordPermission(kind, 'comment', 'update')
        : update,
    ...(approvalState === null
      ? {}
      : { approve: recordPermission(kind, 'approve', 'update') }),
  };
}

/** The permission set of a kind, `approve` given exactly for the kinds with approvals. */
type KindPermissionsOf<D> = Omit<
  ReturnType<typeof kindPermissions>,
  'approve'
> &
  (D extends { approvalState: null }
    ? unknown
    : { approve: ItsmRecordPermission });

const PERMISSION_SETS = mapRecordKinds(kindPermissions);

const KIND_PERMISSIONS = PERMISSION_SETS as {
  [K in RecordKind]: KindPermissionsOf<(typeof RECORD_KIND_DECLARATIONS)[K]>;
};

/** The permissions of each kind, so that code serving every kind looks them up here. */
export const ITSM_KIND_PERMISSIONS: Record<RecordKind, ItsmKindPermissions> =
  KIND_PERMISSIONS;

// The per-kind names that code imports, for the permissions of ITSM_KIND_PERMISSIONS.

/** Opening an incident (no resource yet: a basic permission). */
export const itsmIncidentCreatePermission = KIND_PERMISSIONS.incident.create;

/** Reading incidents; lists are filtered by the policy's conditions. */
export const itsmIncidentReadPermission = KIND_PERMISSIONS.incident.read;

/** Adding a comment visible to the requester (the requester's own replies too). */
export const itsmIncidentCommentPermission = KIND_PERMISSIONS.incident.comment;

/** Reading changes, their approvals and the change calendar. */
export const itsmChangeReadPermission = KIND_PERMISSIONS.change.read;

/**
 * Deciding an approval step of a change. On top of this permission, the domain rule
 * applies: the decider is a member of the step's group and not the change's requester.
 */
export const itsmChangeApprovePermission = KIND_PERMISSIONS.change.approve;

/**
 * Moving a request (fulfilment by the owner group, cancellation by the requester; the
 * domain rules say who may make which move) and commenting on it.
 */
export const itsmRequestUpdatePermission = KIND_PERMISSIONS.request.update;

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

/**
 * Posting monitoring alerts (`POST /alerts/alertmanager`, `/alerts/grafana`), which
 * opens and updates incidents: a machine caller's permission. An external access token
 * restricted to it (`accessRestrictions: [{ plugin: itsm, permission:
 * itsm.alerts.receive }]`) can do nothing else.
 */
export const itsmAlertsReceivePermission = createPermission({
  name: 'itsm.alerts.receive',
  attributes: { action: 'create' },
});

/**
 * Asking the deploy gate (`GET /gates`), which records the check on the change's
 * timeline: the permission of a deploy pipeline's token.
 */
export const itsmGatesCheckPermission = createPermission({
  name: 'itsm.gates.check',
  attributes: { action: 'read' },
});

/** The permissions on records of a kind, each once (comments may take the update one). */
function recordPermissionsOf(kind: RecordKind): ItsmRecordPermission[] {
  const { read, update, comment, approve } = PERMISSION_SETS[kind];
  return [...new Set([read, update, comment, approve])].filter(
    (permission): permission is ItsmRecordPermission => !!permission,
  );
}

export const itsmPermissions: Array<BasicPermission | ItsmRecordPermission> = [
  ...RECORD_KINDS.flatMap(kind => [
    PERMISSION_SETS[kind].create,
    ...recordPermissionsOf(kind),
  ]),
  itsmRecordWorknoteReadPermission,
  itsmAdminPermission,
  itsmAlertsReceivePermission,
  itsmGatesCheckPermission,
];

/** Permissions that apply to a record resource (registered with the resource type). */
export const itsmRecordPermissions: ItsmRecordPermission[] = [
  ...RECORD_KINDS.flatMap(recordPermissionsOf),
  itsmRecordWorknoteReadPermission,
];
