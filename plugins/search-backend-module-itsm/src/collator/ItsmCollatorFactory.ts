import { Readable } from 'stream';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  ITSM_KIND_PERMISSIONS,
  ItsmIndexableDocumentFields,
  itsmSearchType,
  RecordKind,
  recordPagePath,
  SearchDocumentSource,
} from '@backstage-itsm/plugin-itsm-common';
import { IndexableDocument } from '@backstage/plugin-search-common';

/**
 * An ITSM record in the search index: Backstage's title, text and location, and what
 * the result list item shows. `authorization.resourceRef` is the record's id, so that
 * the search backend asks the ITSM plugin, per record found, whether the searcher may
 * read it (the kind's read permission, with the organisation's policy conditions).
 *
 * @public
 */
export interface ItsmSearchDocument
  extends IndexableDocument,
    ItsmIndexableDocumentFields {}

/**
 * Collates the records of one kind from the ITSM backend (`GET /search/documents`, a
 * page at a time, with the search plugin's own service token). One factory per kind:
 * each document type has the visibility permission of its kind.
 *
 * @public
 */
export class ItsmCollatorFactory implements DocumentCollatorFactory {
  readonly type: string;
  readonly visibilityPermission;

  constructor(
    private readonly kind: RecordKind,
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      /** Records per request to the ITSM backend (at most 1000). */
      batchSize?: number;
      /** Where the app mounts the ITSM page (`itsm.pagePath`, default /itsm). */
      pagePath?: string;
    },
  ) {
    this.type = itsmSearchType(kind);
    this.visibilityPermission = ITSM_KIND_PERMISSIONS[kind].read;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<ItsmSearchDocument> {
    const { auth, discovery, batchSize = 500 } = this.options;
    const baseUrl = await discovery.getBaseUrl('itsm');
    let cursor: string | undefined;
    do {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'itsm',
      });
      const query = new URLSearchParams({
        kind: this.kind,
        limit: String(batchSize),
        ...(cursor ? { cursor } : {}),
      });
      const response = await fetch(`${baseUrl}/search/documents?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const page = (await response.json()) as {
        items: SearchDocumentSource[];
        nextCursor?: string;
      };
      for (const record of page.items) yield this.toDocument(record);
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** What a searcher finds a record by: its number, title, description and CIs. */
  private toDocument(record: SearchDocumentSource): ItsmSearchDocument {
    return {
      title: `${record.number} ${record.title}`,
      text: [record.description, record.entityRefs.join(' ')]
        .filter(Boolean)
        .join('\n'),
      location: recordPagePath(this.kind, record.number, this.options.pagePath),
      kind: this.kind,
      number: record.number,
      state: record.state,
      priority: record.priority,
      entityRefs: record.entityRefs,
      authorization: { resourceRef: record.id },
    };
  }
}
