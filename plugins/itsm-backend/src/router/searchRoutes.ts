import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  ITSM_KIND_PERMISSIONS,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { Request, Response, Router } from 'express';
import { SearchFeed } from '../search/SearchFeed';
import { Authorizer } from './authorization';

/**
 * The search collator's feed: every record of a kind, for service callers only (the
 * search backend's own token). What a searcher may see is decided when they search,
 * by each kind's read permission on each record found (docs/domain-rules.md §7). A token
 * restricted to other permissions (an alert source's) reads nothing of it.
 */
export function registerSearchRoutes(
  validated: unknown,
  feed: SearchFeed,
  tools: { httpAuth: HttpAuthService; authorizer: Authorizer },
) {
  const router = validated as Router;
  router.get('/search/documents', async (req: Request, res: Response) => {
    const credentials = await tools.httpAuth.credentials(req, {
      allow: ['service'],
    });
    const { kind, limit, cursor } = req.query as {
      kind: RecordKind;
      limit?: string;
      cursor?: string;
    };
    // The whole feed of the kind, or nothing: a service has no partial read access.
    const { read } = ITSM_KIND_PERMISSIONS[kind];
    const filter = await tools.authorizer.readFilter(read, credentials);
    if (filter !== undefined)
      throw new NotAllowedError(`You are not allowed to ${read.name}`);
    res.json(
      await feed.page(kind, {
        limit: limit === undefined ? undefined : Number(limit),
        cursor,
      }),
    );
  });
}
