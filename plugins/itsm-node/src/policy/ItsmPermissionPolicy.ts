import {
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ITSM_KIND_PERMISSIONS,
  ITSM_RECORD_RESOURCE_TYPE,
  itsmAdminPermission,
  itsmAlertsReceivePermission,
  itsmGatesCheckPermission,
  ItsmKindPermissions,
  itsmRecordWorknoteReadPermission,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import {
  AuthorizeResult,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createItsmRecordConditionalDecision as conditional,
  itsmRecordConditions as is,
} from '../permissions/rules';
import { ItsmPermissionSettings, readItsmPermissionSettings } from './settings';

type Criteria = NonEmptyArray<
  PermissionCriteria<PermissionCondition<typeof ITSM_RECORD_RESOURCE_TYPE>>
>;
type NonEmptyArray<T> = [T, ...T[]];

type Action = keyof ItsmKindPermissions | 'worknote' | 'admin';

/** Every ITSM permission by name, with the act it guards and the kind it is for. */
const ACTS = new Map<string, { action: Action; kind?: RecordKind }>();
for (const [kind, perms] of Object.entries(ITSM_KIND_PERMISSIONS)) {
  for (const [action, permission] of Object.entries(perms)) {
    // A kind whose comments are updates names one permission twice: the first act
    // (update) decides, which is the stricter.
    if (permission && !ACTS.has(permission.name))
      ACTS.set(permission.name, {
        action: action as Action,
        kind: kind as RecordKind,
      });
  }
}
ACTS.set(itsmRecordWorknoteReadPermission.name, { action: 'worknote' });
ACTS.set(itsmAdminPermission.name, { action: 'admin' });
// Machine callers' permissions: services are decided by their tokens' restrictions,
// never by a policy; of users (whom the routes refuse anyway) only admins hold them.
ACTS.set(itsmAlertsReceivePermission.name, { action: 'admin' });
ACTS.set(itsmGatesCheckPermission.name, { action: 'admin' });

/**
 * Kinds whose requester may act on their own record: a change's requester plans and
 * moves it, a request's requester cancels it (the domain rules say which moves each
 * may make). An incident's requester comments and replies; the workers move it.
 */
const REQUESTER_UPDATES: ReadonlySet<RecordKind> = new Set([
  'change',
  'request',
]);

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * True for every permission of the ITSM plugins (those this policy decides).
 *
 * @public
 */
export function isItsmPermission(permission: Permission): boolean {
  return ACTS.has(permission.name);
}

/**
 * Options of {@link ItsmPermissionPolicy}.
 *
 * @public
 */
export interface ItsmPermissionPolicyOptions {
  settings: ItsmPermissionSettings;
  /**
   * Reads the caller's ownership refs (user and groups). Without it the policy uses
   * the user info the permission framework passes (deprecated there).
   */
  userInfo?: UserInfoService;
  /** Decides every permission that is not an ITSM one; without it they are denied. */
  delegate?: PermissionPolicy;
}

/**
 * The ITSM permission policy: what an ITSM tool promises, as a Backstage policy.
 *
 * - Everyone signed in reports incidents, orders from the service catalog and raises
 *   changes, and reads records (or, with `readAccess: involved`, only the records
 *   they are involved in).
 * - The assignment group's members and the assignee work a record: edit, move, write
 *   and read work notes. A change's or request's requester acts on it too (domain
 *   rules say which moves); an incident's requester comments on it.
 * - Work notes (`itsm.record.worknote.read`) are for the workers only: a requester
 *   outside the assignment group reads the record and its comments, never its notes.
 * - Only those who may decide an open approval step of a record approve it, never its
 *   requester (the backend also checks the step itself).
 * - Members of `adminGroups` may do everything.
 *
 * Compose it with your own policy: pass yours as `delegate`, or call
 * `handle` for the permissions where `isItsmPermission` is true.
 *
 * @public
 */
export class ItsmPermissionPolicy implements PermissionPolicy {
  static fromConfig(
    config: Config,
    options: Omit<ItsmPermissionPolicyOptions, 'settings'> = {},
  ): ItsmPermissionPolicy {
    return new ItsmPermissionPolicy({
      ...options,
      settings: readItsmPermissionSettings(config),
    });
  }

  constructor(private readonly options: ItsmPermissionPolicyOptions) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const act = ACTS.get(request.permission.name);
    if (!act) return this.options.delegate?.handle(request, user) ?? DENY;
    if (!user) return DENY;
    const info = await this.infoOf(user);
    const claims = info.ownershipEntityRefs.map(r =>
      r.toLocaleLowerCase('en-US'),
    );
    const { settings } = this.options;
    if (settings.adminGroups.some(group => claims.includes(group)))
      return ALLOW;

    const permission = request.permission;
    const requester = is.isRequester({ claims });
    const workers: Criteria = [
      is.isAssignee({ claims }),
      is.isInAssignmentGroup({ claims }),
    ];
    const involved: Criteria = [
      requester,
      ...workers,
      is.isPendingApprover({ claims }),
    ];
    switch (act.action) {
      case 'create':
        return ALLOW;
      case 'read':
        if (settings.readAccess === 'everyone') return ALLOW;
        // Known errors are published for everyone who meets the fault.
        return conditional(permission as any, {
          anyOf:
            act.kind === 'problem'
              ? [...involved, is.isPublishedKnownError()]
              : involved,
        });
      case 'comment':
        return conditional(permission as any, { anyOf: involved });
      case 'update':
        return conditional(permission as any, {
          anyOf: REQUESTER_UPDATES.has(act.kind!)
            ? [requester, ...workers]
            : workers,
        });
      case 'approve':
        return conditional(permission as any, {
          allOf: [is.isPendingApprover({ claims }), { not: requester }],
        });
      case 'worknote':
        return conditional(permission as any, { anyOf: workers });
      default:
        // itsm.admin: only the admin groups, handled above.
        return DENY;
    }
  }

  private async infoOf(user: PolicyQueryUser): Promise<BackstageUserInfo> {
    if (this.options.userInfo)
      return this.options.userInfo.getUserInfo(user.credentials);
    return user.info;
  }
}
