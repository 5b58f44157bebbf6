import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { ItsmRecordQuery } from './rules';

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
  } else {
    query.whereIn(`r.${criteria.column}`, criteria.values);
  }
}
