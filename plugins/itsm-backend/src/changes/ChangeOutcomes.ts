import { Knex } from 'knex';
import { applyReadFilter, ReadFilter } from '../permissions/toKnex';
import { RecordStore } from '../records/RecordStore';
import { dayOf, splitByDays } from '../sla/rollups/counted';

/** What change success is broken down by: the assignment group or the primary CI. */
export type OutcomeKey = 'group' | 'entity';

/** Changes closed with one close code under one key. */
export interface ClosedChanges {
  key: string | null;
  close_code: string;
  n: number;
}

/**
 * Change outcomes for the change success rate: closed changes counted per UTC day of
 * closing, once under their assignment group and once under their primary CI, by close
 * code (`itsm_change_outcomes`). A period reads these lines for its whole days and the
 * changes themselves only for the part of a day at its start, so its cost follows the
 * days and keys asked for, not the number of changes. A closed change is final (no edit,
 * no move, so its `updated_at` is when it closed): a line only ever grows.
 */
export class ChangeOutcomes {
  constructor(private readonly records: RecordStore) {}

  private get db(): Knex {
    return this.records.db;
  }

  /** Counts each change in the transaction that closes it (once per record store). */
  attach(): this {
    this.records.onAppend(async (trx, recordId, _at, entries) => {
      if (
        entries.some(e => e.type === 'state_changed' && e.toState === 'closed')
      )
        await this.records.atEnd(trx, `change-outcome:${recordId}`, () =>
          this.count(trx, recordId),
        );
    }, 'change-outcomes');
    return this;
  }

  private async count(trx: Knex.Transaction, recordId: string): Promise<void> {
    const closed = await this.closedChanges(trx)
      .where('r.id', recordId)
      .first(
        'r.updated_at',
        'r.assignment_group',
        'r.entity_ref',
        'k.close_code',
      );
    if (!closed) return;
    const day = dayOf(new Date(closed.updated_at).getTime());
    const lines = [
      // One order for every writer ('entity' < 'group'): no deadlock between closers.
      { role: 'entity', ref: closed.entity_ref },
      { role: 'group', ref: closed.assignment_group ?? '' },
    ].map(line => ({ day, ...line, close_code: closed.close_code, n: 1 }));
    await trx('itsm_change_outcomes')
      .insert(lines)
      .onConflict(['role', 'day', 'ref', 'close_code'])
      .merge({ n: trx.raw('itsm_change_outcomes.n + excluded.n') });
  }

  /** Closed changes with a close code, as `itsm_records as r` ⋈ `itsm_changes as k`. */
  private closedChanges(db: Knex) {
    return db('itsm_records as r')
      .join('itsm_changes as k', 'k.record_id', 'r.id')
      .where('r.kind', 'change')
      .where('r.state', 'closed')
      .whereNotNull('k.close_code');
  }

  /**
   * Changes closed since `from` that the caller may read (`visible`: the read filter of
   * changes), by key and close code.
   */
  async closedSince(
    visible: ReadFilter,
    keyBy: OutcomeKey,
    from: number,
  ): Promise<ClosedChanges[]> {
    // The lines hold every change: they answer callers who may read every change.
    if (visible !== undefined)
      return this.fromChanges(visible, keyBy, { from, to: Infinity });
    const { days, edges } = splitByDays(from, Infinity);
    const parts = await Promise.all([
      days ? this.fromLines(keyBy, days.from) : [],
      ...edges.map(edge => this.fromChanges(visible, keyBy, edge)),
    ]);
    const sums = new Map<string, ClosedChanges>();
    for (const row of parts.flat()) {
      const k = `${row.key}\u0000${row.close_code}`;
      const sum = sums.get(k) ?? { ...row, n: 0 };
      sum.n += row.n;
      sums.set(k, sum);
    }
    return [...sums.values()];
  }

  private async fromLines(
    keyBy: OutcomeKey,
    fromDay: string,
  ): Promise<ClosedChanges[]> {
    return closedRows(
      await this.db('itsm_change_outcomes')
        .where('role', keyBy)
        .where('day', '>=', fromDay)
        .select({ key: 'ref', close_code: 'close_code' })
        .sum({ n: 'n' })
        .groupBy('ref', 'close_code'),
    );
  }

  private async fromChanges(
    visible: ReadFilter,
    keyBy: OutcomeKey,
    range: { from: number; to: number },
  ): Promise<ClosedChanges[]> {
    const key = keyBy === 'group' ? 'r.assignment_group' : 'r.entity_ref';
    const query = this.closedChanges(this.db).where(
      'r.updated_at',
      '>=',
      new Date(range.from).toISOString(),
    );
    if (Number.isFinite(range.to))
      query.where('r.updated_at', '<', new Date(range.to).toISOString());
    applyReadFilter(query, visible);
    return closedRows(
      await query
        .select({ key, close_code: 'k.close_code' })
        .count({ n: '*' })
        .groupBy(key, 'k.close_code'),
    );
  }
}

/** Rows as the database returns them; "no group" is '' in the lines, NULL in records. */
function closedRows(rows: any[]): ClosedChanges[] {
  return rows.map(r => ({
    key: r.key === '' || r.key === undefined ? null : r.key,
    close_code: r.close_code,
    n: Number(r.n),
  }));
}
