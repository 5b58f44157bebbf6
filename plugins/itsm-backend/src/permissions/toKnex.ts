import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { ItsmRecordQuery } from '@backstage-itsm/plugin-itsm-node';
import { mapRecordKinds, RecordKind } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';

/**
 * What a caller may read of one kind: every record (`undefined`), none (`null`), or
 * the records that meet the criteria of a conditional decision.
 */
export type ReadFilter = PermissionCriteria<ItsmRecordQuery> | null | undefined;

/** The read filter of every kind, for views over records of several kinds. */
export type ReadFilters = Record<RecordKind, ReadFilter>;

/** The read filters of a caller who may read every record of every kind. */
export const READ_EVERY_KIND: ReadFilters = mapRecordKinds(() => undefined);

/**
 * Turns a conditional decision (already transformed to ItsmRecordQuery leaves) into
 * WHERE clauses on `itsm_records as r`, so a list never returns what the caller may
 * not read.
 */
export function applyPermissionCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<ItsmRecordQuery>,
): void {
  if (isAndCriteria(criteria)) {
    query.where(inner => {
      for (const child of criteria.allOf) {
        inner.andWhere(sub => applyPermissionCriteria(sub, child));
      }
    });
  } else if (isOrCriteria(criteria)) {
    query.where(inner => {
      for (const child of criteria.anyOf) {
        inner.orWhere(sub => applyPermissionCriteria(sub, child));
      }
    });
  } else if (isNotCriteria(criteria)) {
    query.whereNot(inner => applyPermissionCriteria(inner, criteria.not));
  } else if (criteria.values.length === 0) {
    query.whereRaw('1 = 0');
  } else if (criteria.column === 'pending_approver') {
    // Records with an open approval step that one of the values may decide.
    query.whereIn('r.id', sub =>
      sub
        .from('itsm_approval_steps as ps')
        .join('itsm_approval_step_groups as pg', 'pg.step_id', 'ps.id')
        .whereIn('pg.group_ref', criteria.values)
        .andWhere('pg.state', 'pending')
        .select('ps.record_id'),
    );
  } else if (criteria.column === 'known_error') {
    query.whereIn('r.id', sub =>
      sub
        .from('itsm_problems as kp')
        .where('kp.known_error', true)
        .select('kp.record_id'),
    );
  } else {
    query.whereIn(`r.${criteria.column}`, criteria.values);
  }
}

/** Narrows a query over `itsm_records as r` to what a read filter lets through. */
export function applyReadFilter(
  query: Knex.QueryBuilder,
  filter: ReadFilter,
): void {
  if (filter === null) query.whereRaw('1 = 0');
  else if (filter) applyPermissionCriteria(query, filter);
}

/** WHERE (kind = incident AND its read filter) OR (kind = change AND …) …. */
export function applyReadFilters(
  query: Knex.QueryBuilder,
  filters: ReadFilters,
): void {
  const kinds = (Object.keys(filters) as RecordKind[]).filter(
    kind => filters[kind] !== null,
  );
  // Every kind readable in full: no condition (an OR over all kinds only misleads the
  // planner).
  if (
    kinds.every(kind => filters[kind] === undefined) &&
    kinds.length === Object.keys(filters).length
  )
    return;
  if (kinds.length === 0) {
    query.whereRaw('1 = 0');
    return;
  }
  query.where(any => {
    for (const kind of kinds) {
      any.orWhere(one => {
        one.where('r.kind', kind);
        applyReadFilter(one, filters[kind]);
      });
    }
  });
}
