import {
  ApprovalStep,
  CommentVisibility,
  ITSM_KIND_PERMISSIONS,
  kindDeclaration,
  itsmRecordWorknoteReadPermission,
  Page,
  RecordCore,
  RecordKind,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { ItsmRecordQuery } from '@backstage-itsm/plugin-itsm-node';
import { Request, Router } from 'express';
import { Actor, Member } from '../records/actor';
import { Paging, RecordListFilter } from '../records/types';
import { Authorizer } from './authorization';

/** Lists return at most this many records when no limit is asked for. */
const DEFAULT_LIMIT = 50;

type AnyRequest = Parameters<HttpAuthService['credentials']>[0];
type WithId = Request<{ id: string }>;

/**
 * What the routes need of a kind's service: every RecordService has the reads,
 * comments and moves; `update` and `decide` where the kind has them. Inputs arrive
 * validated against the OpenAPI spec.
 */
export interface KindService {
  list(
    filter: RecordListFilter,
    paging: Paging,
    criteria?: PermissionCriteria<ItsmRecordQuery>,
  ): Promise<Page<RecordCore>>;
  get(idOrNumber: string): Promise<RecordCore>;
  create(input: unknown, actor: Actor): Promise<RecordCore>;
  update?(
    idOrNumber: string,
    input: unknown,
    actor: Actor,
  ): Promise<RecordCore>;
  transition(
    idOrNumber: string,
    input: unknown,
    actor: Actor,
  ): Promise<RecordCore>;
  decide?(
    idOrNumber: string,
    input: unknown,
    actor: Member,
  ): Promise<RecordCore>;
  comment(
    idOrNumber: string,
    input: { body: string; visibility: CommentVisibility },
    actor: Actor,
  ): Promise<TimelineEntry>;
  approvalSteps(idOrNumber: string): Promise<ApprovalStep[]>;
}

/** A kind as the HTTP edge serves it (`/<path>`, `/<path>/:id`, …; docs/domain-rules.md §5). */
export interface KindRoutes {
  kind: RecordKind;
  /** The collection's path segment, e.g. `incidents`. */
  path: string;
  service: KindService;
  /** Whether its writes need the caller's groups (domain rules on who may act). */
  members: boolean;
  /** The kind's own list filters, from the validated query. */
  listFilter?: (query: Record<string, any>) => object;
  /** What the audit event of a create records about it. */
  createMeta: (body: Record<string, any>) => JsonObject;
  /** Leaves out what the caller may not see of records (e.g. a linked record). */
  present?: (
    items: RecordCore[],
    credentials: BackstageCredentials,
  ) => Promise<RecordCore[]>;
  /** Checks a create needs beyond the create permission (e.g. reading what it links). */
  checkCreate?: (body: Record<string, any>, actor: Actor) => Promise<void>;
  /** Checks an update needs beyond the record's permission (e.g. reading a link). */
  checkUpdate?: (body: Record<string, any>, actor: Actor) => Promise<void>;
}

/** The edge's own tools, shared with the routes that are not per kind. */
export interface EdgeTools {
  authorizer: Authorizer;
  actorOf(req: AnyRequest): Promise<Actor>;
  memberOf(actor: Actor): Promise<Member>;
  actOn(
    kind: RecordKind,
    req: AnyRequest & { params: { id: string } },
    permission?: ResourcePermission,
  ): Promise<{ actor: Actor; id: string }>;
  audited<T>(
    req: AnyRequest,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
  ): Promise<T>;
  /** The filters every kind's list takes (docs/domain-rules.md §5). */
  listFilterOf(query: Record<string, any>): RecordListFilter;
  /** A record's whole timeline, work notes included. */
  timeline(id: string): Promise<TimelineEntry[]>;
}

/**
 * The routes every record kind has — list, create, read, update, move, comment,
 * timeline and approvals — registered once for each declared kind. Each handler
 * authenticates, authorises, audits and delegates to the kind's service.
 */
export function registerKindRoutes(
  router: Router,
  kinds: KindRoutes[],
  tools: EdgeTools,
) {
  const { authorizer, actorOf, actOn, audited } = tools;

  /**
   * An entry that tells of another record (an incident linked to a problem, the change
   * raised to fix it) names it; a reader who may not read that record sees that
   * something was linked, not what.
   */
  const withoutUnreadableLinks = async (
    entries: TimelineEntry[],
    credentials: BackstageCredentials,
  ): Promise<TimelineEntry[]> => {
    const readable = new Map<RecordKind, Set<string>>();
    for (const kind of new Set(entries.flatMap(e => e.link?.kind ?? []))) {
      const numbers = entries.flatMap(e =>
        e.link?.kind === kind ? [e.link.number] : [],
      );
      readable.set(
        kind,
        await authorizer.readable(kind, 'number', numbers, credentials),
      );
    }
    return entries.map(entry => {
      const link = entry.link;
      if (!link || readable.get(link.kind)?.has(link.number)) return entry;
      const { link: _hidden, ...rest } = entry;
      const label = kindDeclaration(link.kind).labels.singular;
      const what = `${
        /^[AEIOU]/.test(label) ? 'An' : 'A'
      } ${label.toLocaleLowerCase('en-US')} that you may not read`;
      const told: Partial<Record<TimelineEntry['type'], string>> = {
        link_added: `${what} was linked`,
        link_removed: `${what} was unlinked`,
      };

      return {
        ...rest,
        body: told[entry.type] ?? `About ${what.toLocaleLowerCase('en-US')}`,
      };
    });
  };

  /** A record's timeline; work notes only for callers who may read them. */
  const timelineOf = async (kind: RecordKind, req: WithId) => {
    const actor = await actorOf(req);
    const {
      id,
      also: [notes],
    } = await authorizer.recordAnd(
      kind,
      req.params.id,
      actor.credentials,
      undefined,
      [itsmRecordWorknoteReadPermission],
    );
    const entries = await tools.timeline(id);
    const shown = notes ? entries : entries.filter(e => e.type !== 'work_note');
    return withoutUnreadableLinks(shown, actor.credentials);
  };

  for (const spec of kinds) {
    const { kind, path, service } = spec;
    const permissions = ITSM_KIND_PERMISSIONS[kind];
    const present = async (
      items: RecordCore[],
      credentials: BackstageCredentials,
    ) => (spec.present ? spec.present(items, credentials) : items);
    const presentOne = async (
      item: RecordCore,
      credentials: BackstageCredentials,
    ) => (await present([item], credentials))[0];
    /** The caller as the kind's writes need them (with their groups, or not). */
    const writer = async (actor: Actor): Promise<Actor> =>
      spec.members ? tools.memberOf(actor) : actor;

    router.get(`/${path}`, async (req, res) => {
      const { credentials } = await actorOf(req);
      const criteria = await authorizer.readFilter(
        permissions.read,
        credentials,
      );
      if (criteria === null) {
        res.json({ items: [] });
        return;
      }
      const q = req.query as Record<string, any>;
      const page = await service.list(
        { ...tools.listFilterOf(q), ...spec.listFilter?.(q) },
        { limit: q.limit ?? DEFAULT_LIMIT, cursor: q.cursor },
        criteria,
      );
      res.json({ ...page, items: await present(page.items, credentials) });
    });

    router.post(`/${path}`, async (req, res) => {
      const actor = await writer(await actorOf(req));
      await authorizer.basic(permissions.create, actor.credentials);
      await spec.checkCreate?.(req.body, actor);
      const created = await audited(
        req,
        `${kind}-create`,
        spec.createMeta(req.body),
        () => service.create(req.body, actor),
      );
      res.status(201).json(await presentOne(created, actor.credentials));
    });

    router.get(`/${path}/:id`, async (req: WithId, res) => {
      const { actor, id } = await actOn(kind, req);
      res.json(await presentOne(await service.get(id), actor.credentials));
    });

    const update = service.update?.bind(service);
    if (update) {
      router.patch(`/${path}/:id`, async (req: WithId, res) => {
        const acted = await actOn(kind, req, permissions.update);
        const actor = await writer(acted.actor);
        await spec.checkUpdate?.(req.body, actor);
        const updated = await audited(
          req,
          `${kind}-update`,
          { id: acted.id, fields: Object.keys(req.body) },
          () => update(acted.id, req.body, actor),
        );
        res.json(await presentOne(updated, actor.credentials));
      });
    }

    router.post(`/${path}/:id/transitions`, async (req: WithId, res) => {
      const acted = await actOn(kind, req, permissions.update);
      const actor = await writer(acted.actor);
      const moved = await audited(
        req,
        `${kind}-transition`,
        { id: acted.id, to: req.body.to },
        () => service.transition(acted.id, req.body, actor),
      );
      res.json(await presentOne(moved, actor.credentials));
    });

    router.post(`/${path}/:id/comments`, async (req: WithId, res) => {
      const { actor, id } = await actOn(
        kind,
        req,
        // A work note is working the record.
        req.body.visibility === 'work_note'
          ? permissions.update
          : permissions.comment,
      );
      const entry = await audited(
        req,
        `${kind}-comment`,
        { id, visibility: req.body.visibility },
        () => service.comment(id, req.body, actor),
      );
      res.status(201).json(entry);
    });

    router.get(`/${path}/:id/timeline`, async (req: WithId, res) => {
      res.json({ items: await timelineOf(kind, req) });
    });

    const decide = service.decide?.bind(service);
    const approve = permissions.approve;
    if (decide && approve) {
      router.get(`/${path}/:id/approvals`, async (req: WithId, res) => {
        const { id } = await actOn(kind, req);
        res.json({ items: await service.approvalSteps(id) });
      });
      router.post(`/${path}/:id/approvals`, async (req: WithId, res) => {
        const acted = await actOn(kind, req, approve);
        const approver = await tools.memberOf(acted.actor);
        const decided = await audited(
          req,
          `${kind}-approval`,
          {
            id: acted.id,
            stepId: req.body.stepId,
            decision: req.body.decision,
          },
          () => decide(acted.id, req.body, approver),
        );
        res.json(decided);
      });
    }
  }
}
