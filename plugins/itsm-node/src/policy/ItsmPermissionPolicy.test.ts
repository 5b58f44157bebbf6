import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  ITSM_KIND_PERMISSIONS,
  itsmAdminPermission,
  itsmRecordWorknoteReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ItsmRecordResource } from '../permissions/resource';
import { itsmRecordPermissionRules } from '../permissions/rules';
import { ItsmPermissionPolicy } from './ItsmPermissionPolicy';

const user = (name: string, groups: string[]) => {
  const ref = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(ref),
    info: {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...groups.map(g => `group:default/${g}`)],
    },
  };
};
const alice = user('alice', ['team-payments']);
const bob = user('bob', ['platform']);
const frank = user('frank', ['itsm-admins']);

/** A record raised by alice, worked by platform, with an open step for team-payments. */
const record: ItsmRecordResource = {
  id: 'r1',
  requester: 'user:default/alice',
  assignee: null,
  assignmentGroup: 'group:default/platform',
  pendingApprovers: ['group:default/team-payments'],
  knownError: false,
};

/** Evaluates a decision on a record the way the permission framework does. */
function allows(decision: PolicyDecision, resource = record): boolean {
  if (decision.result !== AuthorizeResult.CONDITIONAL)
    return decision.result === AuthorizeResult.ALLOW;
  const rules = Object.values(itsmRecordPermissionRules);
  const evaluate = (
    criteria: PermissionCriteria<PermissionCondition>,
  ): boolean => {
    if ('allOf' in criteria) return criteria.allOf.every(evaluate);
    if ('anyOf' in criteria) return criteria.anyOf.some(evaluate);
    if ('not' in criteria) return !evaluate(criteria.not);
    const rule = rules.find(r => r.name === criteria.rule)!;
    return (rule.apply as (r: ItsmRecordResource, p: unknown) => boolean)(
      resource,
      criteria.params,
    );
  };
  return evaluate(decision.conditions);
}

const policy = (config: object = {}, delegate?: ItsmPermissionPolicy) =>
  ItsmPermissionPolicy.fromConfig(
    new ConfigReader({ itsm: { permissions: config } }),
    { delegate },
  );
const decide = (p: ItsmPermissionPolicy, permission: Permission, who = alice) =>
  p.handle({ permission }, who);

describe('ItsmPermissionPolicy', () => {
  const shipped = policy({ adminGroups: ['group:default/itsm-admins'] });

  it('lets everyone report, order, raise and read', async () => {
    for (const kind of ['incident', 'change', 'request'] as const) {
      const perms = ITSM_KIND_PERMISSIONS[kind];
      expect((await decide(shipped, perms.create, bob)).result).toBe(
        AuthorizeResult.ALLOW,
      );
      expect((await decide(shipped, perms.read, bob)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });

  it('lets the assignment group work a record, and a change or request requester act on theirs', async () => {
    const incident = ITSM_KIND_PERMISSIONS.incident;
    const change = ITSM_KIND_PERMISSIONS.change;
    expect(allows(await decide(shipped, incident.update, bob))).toBe(true);
    // alice raised it but is not in platform: she comments, she does not work it.
    expect(allows(await decide(shipped, incident.update, alice))).toBe(false);
    expect(allows(await decide(shipped, incident.comment, alice))).toBe(true);
    expect(allows(await decide(shipped, change.update, alice))).toBe(true);
    const stranger = user('carol', ['team-storefront']);
    expect(allows(await decide(shipped, incident.comment, stranger))).toBe(
      false,
    );
    expect(allows(await decide(shipped, change.update, stranger))).toBe(false);
  });

  it('keeps work notes from the requester outside the assignment group', async () => {
    const notes = itsmRecordWorknoteReadPermission;
    expect(allows(await decide(shipped, notes, alice))).toBe(false);
    expect(allows(await decide(shipped, notes, bob))).toBe(true);
    // Assigned to her, she works it and reads its notes.
    expect(
      allows(await decide(shipped, notes, alice), {
        ...record,
        assignee: 'user:default/alice',
      }),
    ).toBe(true);
  });

  it('lets only who may decide an open step approve, never the requester', async () => {
    const approve = ITSM_KIND_PERMISSIONS.change.approve!;
    const dave = user('dave', ['team-payments']);
    expect(allows(await decide(shipped, approve, dave))).toBe(true);
    expect(allows(await decide(shipped, approve, alice))).toBe(false);
    expect(allows(await decide(shipped, approve, bob))).toBe(false);
    // An owning user (not a group) is matched by their own user ref.
    expect(
      allows(await decide(shipped, approve, bob), {
        ...record,
        pendingApprovers: ['user:default/bob'],
      }),
    ).toBe(true);
  });

  it('lets the admin group do everything, and nobody else administer', async () => {
    for (const permission of [
      itsmAdminPermission,
      itsmRecordWorknoteReadPermission,
      ITSM_KIND_PERMISSIONS.incident.update,
      ITSM_KIND_PERMISSIONS.change.approve!,
    ]) {
      expect((await decide(shipped, permission, frank)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
    expect((await decide(shipped, itsmAdminPermission, bob)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('with readAccess involved, reads only what the caller is involved in', async () => {
    const involved = policy({ readAccess: 'involved' });
    const read = ITSM_KIND_PERMISSIONS.incident.read;
    expect(allows(await decide(involved, read, alice))).toBe(true);
    expect(allows(await decide(involved, read, bob))).toBe(true);
    const dave = user('dave', ['team-payments']);
    expect(allows(await decide(involved, read, dave))).toBe(true); // approver
    expect(
      allows(await decide(involved, read, user('carol', ['team-storefront']))),
    ).toBe(false);
  });

  it('with readAccess involved, lets everyone read a published known error, not other problems', async () => {
    const involved = policy({ readAccess: 'involved' });
    const carol = user('carol', ['team-storefront']);
    const problemRead = ITSM_KIND_PERMISSIONS.problem.read;
    const knownError = { ...record, knownError: true };
    expect(allows(await decide(involved, problemRead, carol), knownError)).toBe(
      true,
    );
    expect(allows(await decide(involved, problemRead, carol), record)).toBe(
      false,
    );
    // Only problems: an incident is not read by being flagged.
    expect(
      allows(
        await decide(involved, ITSM_KIND_PERMISSIONS.incident.read, carol),
        knownError,
      ),
    ).toBe(false);
    // Working a problem stays with its group.
    expect(
      allows(
        await decide(involved, ITSM_KIND_PERMISSIONS.problem.update, carol),
        knownError,
      ),
    ).toBe(false);
  });

  it('denies what is not ITSM unless given a delegate, and callers without a user', async () => {
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: {},
    });
    expect((await decide(shipped, other)).result).toBe(AuthorizeResult.DENY);
    const delegating = policy({}, undefined);
    expect((await delegating.handle({ permission: other }, alice)).result).toBe(
      AuthorizeResult.DENY,
    );
    const allowOthers = new ItsmPermissionPolicy({
      settings: { adminGroups: [], readAccess: 'everyone' },
      delegate: { handle: async () => ({ result: AuthorizeResult.ALLOW }) },
    });
    expect(
      (await allowOthers.handle({ permission: other }, alice)).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (
        await shipped.handle({
          permission: ITSM_KIND_PERMISSIONS.incident.read,
        })
      ).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('names the bad key of itsm.permissions', () => {
    expect(() => policy({ adminGroups: ['itsm-admins'] })).toThrow(
      /^itsm\.permissions\.adminGroups\.0: 'itsm-admins' is not a group ref/,
    );
    expect(() => policy({ readAccess: 'some' })).toThrow(
      /^itsm\.permissions\.readAccess: /,
    );
    expect(() => policy({ admins: [] })).toThrow(/^itsm\.permissions/);
  });
});
