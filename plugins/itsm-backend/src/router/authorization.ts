import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ITSM_KIND_PERMISSIONS,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmRecordQuery,
  ItsmRecordResource,
} from '@backstage-itsm/plugin-itsm-node';
import {
  AuthorizeResult,
  BasicPermission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { ReadFilter, ReadFilters } from '../permissions/toKnex';
import { RecordStore } from '../records/RecordStore';

const KINDS = Object.keys(ITSM_KIND_PERMISSIONS) as RecordKind[];

/**
 * Permission checks of the HTTP edge. A record the caller may not read answers 404,
 * word for word as a record that does not exist: record numbers are sequential, so a
 * 403 would tell anyone which numbers exist. A record the caller may read but not act
 * on answers 403 naming the permission. Conditional decisions are never an allow:
 * single records are checked by the permission framework against the record, lists
 * and related records get the conditions as SQL.
 */
export class Authorizer {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly transform: ConditionTransformer<ItsmRecordQuery>,
    private readonly records: RecordStore,
    /** Applies a conditional decision's conditions to a record, in process. */
    private readonly applies: (
      decision: PolicyDecision,
      resource: ItsmRecordResource | undefined,
    ) => boolean,
  ) {}

  /**
   * The decisions of `permissions` on one record. The policy's answers come without
   * the record (one call to the permission backend); a conditional answer is applied
   * here, to the record read once, rather than by a second round trip from the
   * permission backend back to this plugin.
   */
  private async decide(
    permissions: ResourcePermission[],
    id: string,
    credentials: BackstageCredentials,
  ): Promise<boolean[]> {
    const decisions = await this.permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    let resource: Promise<ItsmRecordResource | undefined> | undefined;
    return Promise.all(
      decisions.map(async decision => {
        if (decision.result !== AuthorizeResult.CONDITIONAL)
          return decision.result === AuthorizeResult.ALLOW;
        resource ??= this.records
          .getPermissionResources([id])
          .then(([found]) => found);
        return this.applies(decision, await resource);
      }),
    );
  }

  async basic(permission: BasicPermission, credentials: BackstageCredentials) {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You are not allowed to ${permission.name}`);
    }
  }

  /**
   * The id of the record the caller addresses (by id or number), once they may read
   * it and, when given, do `permission` on it.
   */
  async record(
    kind: RecordKind,
    idOrNumber: string,
    credentials: BackstageCredentials,
    permission?: ResourcePermission,
  ): Promise<string> {
    return (await this.recordAnd(kind, idOrNumber, credentials, permission)).id;
  }

  /**
   * As `record`, and whether the caller may also do each of `also` on it: all asked of
   * the permission backend in one call.
   */
  async recordAnd(
    kind: RecordKind,
    idOrNumber: string,
    credentials: BackstageCredentials,
    permission?: ResourcePermission,
    also: ResourcePermission[] = [],
  ): Promise<{ id: string; also: boolean[] }> {
    const id = await this.records.resolveId(kind, idOrNumber);
    const read = ITSM_KIND_PERMISSIONS[kind].read;
    const asks = [
      read,
      ...(permission && permission !== read ? [permission] : []),
    ];
    const allowed = await this.decide([...asks, ...also], id, credentials);
    if (!allowed[0])
      throw new NotFoundError(RecordStore.notFoundMessage(kind, idOrNumber));
    if (allowed.slice(0, asks.length).some(a => !a))
      throw new NotAllowedError(
        `You are not allowed to ${permission!.name} on this ${kind}`,
      );
    return { id, also: allowed.slice(asks.length) };
  }

  /** For lists: what `permission` lets the caller read, as a filter the stores apply. */
  async readFilter(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
  ): Promise<ReadFilter> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.filterOf(decision);
  }

  private filterOf(decision: PolicyDecision): ReadFilter {
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.transform(decision.conditions);
    }
    return null;
  }

  /**
   * The read filter of every kind, for views over several kinds (queues, SLA): one
   * call to the permission backend for all kinds.
   */
  async readFilters(credentials: BackstageCredentials): Promise<ReadFilters> {
    const decisions = await this.permissions.authorizeConditional(
      KINDS.map(kind => ({ permission: ITSM_KIND_PERMISSIONS[kind].read })),
      { credentials },
    );
    return Object.fromEntries(
      KINDS.map((kind, i) => [kind, this.filterOf(decisions[i])]),
    ) as ReadFilters;
  }

  /** Which of the given records of a kind (by id or number) the caller may read. */
  async readable(
    kind: RecordKind,
    key: 'id' | 'number',
    values: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    if (values.length === 0) return new Set();
    const filter = await this.readFilter(
      ITSM_KIND_PERMISSIONS[kind].read,
      credentials,
    );
    return this.records.readable(kind, key, values, filter);
  }
}
