import { HttpAuthService } from '@backstage/backend-plugin-api';
import { RecordKind } from '@backstage-itsm/plugin-itsm-common';
import { Request, Response, Router } from 'express';
import { SearchFeed } from '../search/SearchFeed';

/**
 * The search collator's feed: every record of a kind, for service callers only (the
 * search backend's own token). What a searcher may see is decided when they search,
 * by each kind's read permission on each record found (docs/DESIGN.md §7).
 */
export function registerSearchRoutes(
  validated: unknown,
  feed: SearchFeed,
  tools: { httpAuth: HttpAuthService },
) {
  const router = validated as Router;
  router.get('/search/documents', async (req: Request, res: Response) => {
    await tools.httpAuth.credentials(req, { allow: ['service'] });
    const { kind, limit, cursor } = req.query as {
      kind: RecordKind;
      limit?: string;
      cursor?: string;
    };
    res.json(
      await feed.page(kind, {
        limit: limit === undefined ? undefined : Number(limit),
        cursor,
      }),
    );
  });
}
