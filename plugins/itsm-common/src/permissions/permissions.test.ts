import {
  ITSM_KIND_PERMISSIONS,
  itsmAdminPermission,
  itsmChangeApprovePermission,
  itsmIncidentCommentPermission,
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmPermissions,
  itsmRecordPermissions,
  itsmRequestUpdatePermission,
} from './permissions';

const named = (permissions: { name: string }[]) =>
  permissions.map(permission => permission.name);

describe('ITSM permissions', () => {
  it('keep their public names, in order', () => {
    expect(named(itsmPermissions)).toEqual([
      'itsm.incident.create',
      'itsm.incident.read',
      'itsm.incident.update',
      'itsm.incident.comment',
      'itsm.change.create',
      'itsm.change.read',
      'itsm.change.update',
      'itsm.change.approve',
      'itsm.request.create',
      'itsm.request.read',
      'itsm.request.update',
      'itsm.request.approve',
      'itsm.problem.create',
      'itsm.problem.read',
      'itsm.problem.update',
      'itsm.record.worknote.read',
      'itsm.admin',
      'itsm.alerts.receive',
      'itsm.gates.check',
    ]);
    expect(named(itsmRecordPermissions)).toEqual([
      'itsm.incident.read',
      'itsm.incident.update',
      'itsm.incident.comment',
      'itsm.change.read',
      'itsm.change.update',
      'itsm.change.approve',
      'itsm.request.read',
      'itsm.request.update',
      'itsm.request.approve',
      'itsm.problem.read',
      'itsm.problem.update',
      'itsm.record.worknote.read',
    ]);
  });

  it('are the permissions createPermission makes', () => {
    expect(itsmIncidentCreatePermission).toEqual({
      type: 'basic',
      name: 'itsm.incident.create',
      attributes: { action: 'create' },
    });
    expect(itsmIncidentReadPermission).toEqual({
      type: 'resource',
      name: 'itsm.incident.read',
      attributes: { action: 'read' },
      resourceType: 'itsm-record',
    });
    expect(itsmIncidentCommentPermission).toEqual({
      type: 'resource',
      name: 'itsm.incident.comment',
      attributes: { action: 'update' },
      resourceType: 'itsm-record',
    });
    expect(itsmChangeApprovePermission.attributes).toEqual({
      action: 'update',
    });
    expect(itsmAdminPermission).toEqual({
      type: 'basic',
      name: 'itsm.admin',
      attributes: {},
    });
  });

  it('are looked up by kind', () => {
    expect(ITSM_KIND_PERMISSIONS.incident.comment).toBe(
      itsmIncidentCommentPermission,
    );
    expect(ITSM_KIND_PERMISSIONS.request.comment).toBe(
      itsmRequestUpdatePermission,
    );
    expect(ITSM_KIND_PERMISSIONS.change.approve).toBe(
      itsmChangeApprovePermission,
    );
    expect(ITSM_KIND_PERMISSIONS.incident.approve).toBeUndefined();
    expect(
      Object.fromEntries(
        Object.entries(ITSM_KIND_PERMISSIONS).map(([kind, set]) => [
          kind,
          Object.keys(set),
        ]),
      ),
    ).toEqual({
      incident: ['create', 'read', 'update', 'comment'],
      change: ['create', 'read', 'update', 'comment', 'approve'],
      request: ['create', 'read', 'update', 'comment', 'approve'],
      problem: ['create', 'read', 'update', 'comment'],
    });
  });
});
