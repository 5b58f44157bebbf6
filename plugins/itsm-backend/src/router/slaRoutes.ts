import {
  ITSM_KIND_PERMISSIONS,
  kindDeclaration,
  RECORD_KINDS,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { CatalogCis } from '../catalog/CatalogCis';
import { Actor } from '../records/actor';
import { SlaReports, SlaScope } from '../sla/SlaReports';
import { SlaTimerStore } from '../sla/SlaTimerStore';
import { spec } from '../schema/openapi.generated';
import { Authorizer } from './authorization';

export interface SlaRouteOptions {
  authorizer: Authorizer;
  timers: SlaTimerStore;
  reports: SlaReports;
  cis: CatalogCis;
  now?: () => Date;
}

type Router = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;
type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/**
 * The SLA view's routes: a record's timers (read permission of the record) and the
 * reports, which only count records the caller may read.
 */
export function registerSlaRoutes(
  router: Router,
  options: SlaRouteOptions,
  helpers: {
    actorOf: (req: AnyRequest) => Promise<Actor>;
    actOn: (
      kind: RecordKind,
      req: AnyRequest & { params: { id: string } },
      permission: ResourcePermission,
    ) => Promise<{ actor: Actor; id: string }>;
    refParam: (name: string, value: string | undefined) => string | undefined;
  },
) {
  const { authorizer, timers, reports, cis } = options;
  const now = () => options.now?.() ?? new Date();

  /** A record's SLA, for whoever may read the record. */
  const recordSla = async (
    kind: RecordKind,
    req: AnyRequest & { params: { id: string } },
  ) => {
    const { id } = await helpers.actOn(
      kind,
      req,
      ITSM_KIND_PERMISSIONS[kind].read,
    );
    return timers.describe(id, now());
  };
  for (const kind of RECORD_KINDS) {
    router.get(
      `/${kindDeclaration(kind).apiPath}/:id/sla` as '/incidents/:id/sla',
      async (req, res) => {
        res.json(await recordSla(kind, req));
      },
    );
  }

  const visibleTo = (credentials: BackstageCredentials) =>
    authorizer.readFilters(credentials);

  const scopeOf = async (
    q: { entityRef?: string; group?: string; system?: string },
    credentials: BackstageCredentials,
  ): Promise<SlaScope> => {
    const system = helpers.refParam('system', q.system);
    return {
      entityRef: helpers.refParam('entityRef', q.entityRef),
      group: helpers.refParam('group', q.group),
      primaryCis: system ? await cis.partsOf(system, credentials) : undefined,
    };
  };

  router.get('/sla/summary', async (req, res) => {
    const { credentials } = await helpers.actorOf(req);
    const visible = await visibleTo(credentials);
    res.json(
      await reports.summary(visible, await scopeOf(req.query, credentials)),
    );
  });

  router.get('/sla/compliance', async (req, res) => {
    const { credentials } = await helpers.actorOf(req);
    const visible = await visibleTo(credentials);
    res.json(
      await reports.compliance(
        visible,
        req.query.groupBy ?? 'group',
        req.query.days ?? 30,
        refs => cis.systemsOf(refs, credentials),
      ),
    );
  });

  router.get('/sla/timers', async (req, res) => {
    const { credentials } = await helpers.actorOf(req);
    const visible = await visibleTo(credentials);
    const q = req.query;
    res.json(
      await reports.list(
        visible,
        {
          ...(await scopeOf(q, credentials)),
          statuses: q.status,
          open: q.open,
          days: q.days,
        },
        { limit: q.limit ?? 50, cursor: q.cursor },
      ),
    );
  });
}
