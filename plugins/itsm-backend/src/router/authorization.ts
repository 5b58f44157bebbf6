import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ITSM_KIND_PERMISSIONS,
  itsmRecordWorknoteReadPermission,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmRecordQuery } from '@backstage-itsm/plugin-itsm-node';
import {
  AuthorizeResult,
  BasicPermission,
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
  ) {}

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
    const id = await this.records.resolveId(kind, idOrNumber);
    const read = ITSM_KIND_PERMISSIONS[kind].read;
    const asks = [read, ...(permission && permission !== read ? [permission] : [])];
    const decisions = await this.permissions.authorize(
      asks.map(p => ({ permission: p, resourceRef: id })),
      { credentials },
    );
    if (decisions[0].result !== AuthorizeResult.ALLOW)
      throw new NotFoundError(RecordStore.notFoundMessage(kind, idOrNumber));
    if (decisions.some(d => d.result !== AuthorizeResult.ALLOW))
      throw new NotAllowedError(
        `You are not allowed to ${permission!.name} on this ${kind}`,
      );
    return id;
  }

  /** Whether the caller may read the work notes of a record they may read. */
  async mayReadWorknotes(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission: itsmRecordWorknoteReadPermission, resourceRef: id }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
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
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.transform(decision.conditions);
    }
    return null;
  }

  /** The read filter of every kind, for views over several kinds (queues, SLA). */
  async readFilters(credentials: BackstageCredentials): Promise<ReadFilters> {
    const filters = await Promise.all(
      KINDS.map(kind =>
        this.readFilter(ITSM_KIND_PERMISSIONS[kind].read, credentials),
      ),
    );
    return Object.fromEntries(
      KINDS.map((kind, i) => [kind, filters[i]]),
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
