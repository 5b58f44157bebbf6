import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { ItsmRecordQuery } from '../permissions/rules';

/** Permission checks of the HTTP edge; a denial is a 403 that names the permission. */
export class Authorizer {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly transform: ConditionTransformer<ItsmRecordQuery>,
  ) {}

  async basic(permission: BasicPermission, credentials: BackstageCredentials) {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You are not allowed to ${permission.name}`);
    }
  }

  async resource(
    permission: ResourcePermission,
    recordId: string,
    credentials: BackstageCredentials,
  ) {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: recordId }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to ${permission.name} on this record`,
      );
    }
  }

  /**
   * For lists: `undefined` = everything, `null` = nothing, else the criteria the store
   * turns into SQL.
   */
  async listCriteria(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
  ): Promise<PermissionCriteria<ItsmRecordQuery> | undefined | null> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.transform(decision.conditions);
    }
    return null;
  }
}
