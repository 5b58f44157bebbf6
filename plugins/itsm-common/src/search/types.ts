import type { RecordKind } from '../kinds/registry';
import type { RecordCore } from '../records/types';

/**
 * What Backstage search indexes of a record (`GET /search/documents`, held to the
 * OpenAPI schema `SearchDocumentSource` by contract.check.ts).
 *
 * @public
 */
export type SearchDocumentSource = Pick<
  RecordCore,
  | 'id'
  | 'kind'
  | 'number'
  | 'title'
  | 'description'
  | 'state'
  | 'priority'
  | 'createdAt'
  | 'updatedAt'
> & {
  /** The record's CIs, its primary CI first. */
  entityRefs: string[];
  assignmentGroup?: string;
};

/**
 * The fields of an ITSM record's search document besides Backstage's own (title, text,
 * location): what the search result list item shows.
 *
 * @public
 */
export interface ItsmIndexableDocumentFields {
  kind: RecordKind;
  number: string;
  state: string;
  priority: string;
  entityRefs: string[];
}

/**
 * The search document type of a record kind's collator (`itsm-incident`, …).
 *
 * @public
 */
export const itsmSearchType = (kind: RecordKind) => `itsm-${kind}`;
