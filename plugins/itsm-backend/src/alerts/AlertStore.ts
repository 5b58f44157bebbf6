import { Knex } from 'knex';
import { openKeyOf, ReceivedAlert } from './mapping';

const TABLE = 'itsm_incident_alerts';

/** The incident an alert is open on. */
export interface OpenAlert {
  incidentId: string;
  number: string;
  /** Whether that incident is still open (a closed one no longer takes the alert). */
  isOpen: boolean;
}

/**
 * The alerts on incidents. `open_key` is unique: an alert is the open one of at most
 * one incident, whoever inserts it first (docs/alerts.md).
 */
export class AlertStore {
  constructor(private readonly db: Knex) {}

  async findOpen(alert: ReceivedAlert): Promise<OpenAlert | undefined> {
    const row = await this.db(`${TABLE} as a`)
      .join('itsm_records as r', 'r.id', 'a.incident_id')
      .where('a.open_key', openKeyOf(alert))
      .first('a.incident_id', 'r.number', 'r.is_open');
    return (
      row && {
        incidentId: row.incident_id,
        number: row.number,
        isOpen: Boolean(row.is_open),
      }
    );
  }

  /** The incident is no longer open: the next firing of the alert opens a new one. */
  async release(alert: ReceivedAlert, incidentId: string): Promise<void> {
    await this.db(TABLE)
      .where({ open_key: openKeyOf(alert), incident_id: incidentId })
      .update({ open_key: null });
  }

  /**
   * Makes `incidentId` the open incident of the alert, unless another incident has
   * it: false then (the unique key decided; the caller's transaction must not go on).
   */
  async claim(
    trx: Knex.Transaction,
    alert: ReceivedAlert,
    incidentId: string,
    at: string,
  ): Promise<boolean> {
    const key = openKeyOf(alert);
    await trx(TABLE)
      .insert({
        source: alert.source,
        fingerprint: alert.fingerprint,
        incident_id: incidentId,
        status: alert.status,
        labels: JSON.stringify(alert.labels),
        first_seen_at: at,
        last_seen_at: at,
        open_key: key,
      })
      .onConflict('open_key')
      .ignore();
    const owner = await trx(TABLE)
      .where({ open_key: key })
      .first('incident_id');
    return owner?.incident_id === incidentId;
  }

  /** The alert fired again or resolved, on the incident it is open on. */
  async seen(
    trx: Knex.Transaction,
    alert: ReceivedAlert,
    incidentId: string,
    at: string,
  ): Promise<void> {
    await trx(TABLE)
      .where({ open_key: openKeyOf(alert), incident_id: incidentId })
      .update({
        status: alert.status,
        labels: JSON.stringify(alert.labels),
        last_seen_at: at,
        resolved_at: alert.status === 'resolved' ? at : null,
      });
  }

  /** Whether every alert on the incident has resolved. */
  async allResolved(trx: Knex.Transaction, incidentId: string) {
    const firing = await trx(TABLE)
      .where({ incident_id: incidentId, status: 'firing' })
      .whereNotNull('open_key')
      .first('fingerprint');
    return !firing;
  }
}
