import {
  RecordKind,
  SearchDocumentSource,
} from '@backstage-itsm/plugin-itsm-common';
import { cursorTimestamp, decodeKey, encodeKey } from '../records/cursor';
import { toIso } from '../records/time';
import { RecordStore } from '../records/RecordStore';
import { z } from 'zod/v4';

const position = z.tuple([cursorTimestamp, z.uuid()]);

/**
 * The records of a kind as search documents, oldest first by (created_at, id): the
 * index `itsm_records_kind_created_idx` serves each page, and a record created while
 * the collator reads lands on a later page, never twice.
 */
export class SearchFeed {
  constructor(private readonly records: RecordStore) {}

  async page(
    kind: RecordKind,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<{ items: SearchDocumentSource[]; nextCursor?: string }> {
    const limit = options.limit ?? 500;
    const query = this.records.db('itsm_records')
      .where({ kind })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit + 1)
      .select(
        'id',
        'number',
        'title',
        'description',
        'state',
        'priority',
        'entity_ref',
        'assignment_group',
        'created_at',
        'updated_at',
      );
    if (options.cursor) {
      const [createdAt, id] = decodeKey(options.cursor, position);
      query.where(q =>
        q
          .where('created_at', '>', createdAt)
          .orWhere(q2 =>
            q2.where('created_at', createdAt).andWhere('id', '>', id),
          ),
      );
    }
    const rows = await query;
    const page = rows.slice(0, limit);
    const affected = await this.records.getAffectedEntityRefs(
      page.map(row => row.id),
    );
    const items = page.map(
      (row): SearchDocumentSource => ({
        id: row.id,
        kind,
        number: row.number,
        title: row.title,
        description: row.description,
        state: row.state,
        priority: row.priority,
        entityRefs: [row.entity_ref, ...(affected.get(row.id) ?? [])],
        ...(row.assignment_group
          ? { assignmentGroup: row.assignment_group }
          : {}),
        createdAt: toIso(row.created_at),
        updatedAt: toIso(row.updated_at),
      }),
    );
    const last = page[page.length - 1];
    return rows.length > limit
      ? { items, nextCursor: encodeKey([toIso(last.created_at), last.id]) }
      : { items };
  }
}
