import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogCis } from '../catalog/CatalogCis';
import { IncidentService } from '../incidents/IncidentService';
import { IncidentStore } from '../incidents/IncidentStore';
import { RecordStore } from '../records/RecordStore';
import { AlertStore } from './AlertStore';
import {
  AlertPayload,
  AlertSource,
  alertEntryBody,
  alertsOf,
  entityOf,
  incidentTextOf,
  levelsOf,
  ReceivedAlert,
} from './mapping';
import { AlertPolicy } from './policy';

/** What became of one alert (the answer lists one per alert of the payload). */
export interface AlertResult {
  fingerprint: string;
  status: ReceivedAlert['status'];
  outcome:
    | 'created'
    | 'updated'
    | 'resolved'
    | 'unknown_entity'
    | 'no_entity'
    | 'no_incident';
  entityRef?: string;
  incident?: string;
  incidentResolved?: boolean;
  reason?: string;
}

/** The caller that posted the alerts: the external-access subject, e.g. alertmanager. */
export interface AlertCaller {
  ref: string;
}

export interface AlertIntakeOptions {
  records: RecordStore;
  incidents: IncidentService;
  incidentStore: IncidentStore;
  cis: CatalogCis;
  policy: AlertPolicy;
  /** The plugin's own credentials: machine callers read the catalog as the plugin. */
  credentials: () => Promise<BackstageCredentials>;
  now?: () => Date;
}

/** Thrown inside the create transaction when another incident got the alert first. */
class TakenMeanwhile extends Error {}

/**
 * Alerts to incidents (docs/alerts.md): a firing alert opens an incident on the entity
 * its labels name, or adds to the open incident with its fingerprint; a resolved one is
 * noted there (and resolves the incident once all its alerts have, when configured).
 * Each alert is answered on its own: one that cannot be placed does not stop the rest.
 */
export class AlertIntake {
  private readonly alerts: AlertStore;
  private readonly now: () => Date;

  constructor(private readonly options: AlertIntakeOptions) {
    this.alerts = new AlertStore(options.records.db);
    this.now = options.now ?? (() => new Date());
  }

  async receive(
    source: AlertSource,
    payload: AlertPayload,
    caller: AlertCaller,
  ): Promise<AlertResult[]> {
    const results: AlertResult[] = [];
    for (const alert of alertsOf(source, payload)) {
      const answer = { fingerprint: alert.fingerprint, status: alert.status };
      results.push({
        ...answer,
        ...(alert.status === 'firing'
          ? await this.firing(alert, caller)
          : await this.resolved(alert, caller)),
      });
    }
    return results;
  }

  private async firing(
    alert: ReceivedAlert,
    caller: AlertCaller,
  ): Promise<Omit<AlertResult, 'fingerprint' | 'status'>> {
    const entity = entityOf(alert, this.options.policy);
    if (!('label' in entity))
      return { outcome: 'no_entity', reason: entity.reason };
    const credentials = await this.options.credentials();
    try {
      await this.options.cis.resolveOne('entityRef', entity.ref, credentials);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return {
        outcome: 'unknown_entity',
        entityRef: entity.ref,
        reason: error.message,
      };
    }
    // A unique key decides which incident an alert is open on, never a read alone:
    // a second try finds the incident that won (see AlertStore.claim).
    for (let attempt = 0; attempt < 3; attempt++) {
      const open = await this.alerts.findOpen(alert);
      if (open?.isOpen) {
        await this.note(alert, open.incidentId, caller);
        return {
          outcome: 'updated',
          entityRef: entity.ref,
          incident: open.number,
        };
      }
      if (open) await this.alerts.release(alert, open.incidentId);
      try {
        const incident = await this.options.incidents.create(
          {
            ...incidentTextOf(alert),
            entityRef: entity.ref,
            ...levelsOf(alert, this.options.policy),
          },
          { ref: caller.ref, credentials },
          async (trx, id, at) => {
            if (!(await this.alerts.claim(trx, alert, id, at)))
              throw new TakenMeanwhile();
            await this.options.records.appendTimeline(trx, id, caller.ref, at, [
              { type: 'alert', body: alertEntryBody(alert) },
            ]);
          },
        );
        return {
          outcome: 'created',
          entityRef: entity.ref,
          incident: incident.number,
        };
      } catch (error) {
        if (!(error instanceof TakenMeanwhile)) throw error;
      }
    }
    throw new ConflictError(
      `alert ${alert.fingerprint} kept changing incident; send it again`,
    );
  }

  private async resolved(
    alert: ReceivedAlert,
    caller: AlertCaller,
  ): Promise<Omit<AlertResult, 'fingerprint' | 'status'>> {
    const open = await this.alerts.findOpen(alert);
    if (!open?.isOpen)
      return {
        outcome: 'no_incident',
        reason: 'no open incident has this alert',
      };
    const { allResolved, version } = await this.note(
      alert,
      open.incidentId,
      caller,
    );
    const result = { outcome: 'resolved' as const, incident: open.number };
    if (!this.options.policy.resolveIncidents || !allResolved) return result;
    try {
      await this.options.incidents.transition(
        open.incidentId,
        {
          to: 'resolved',
          resolutionCode: 'fixed',
          resolutionNotes: `Resolved by monitoring: every alert on it resolved (${alert.source}).`,
          version,
        },
        { ref: caller.ref, credentials: await this.options.credentials() },
      );
      return { ...result, incidentResolved: true };
    } catch (error) {
      // Someone worked it meanwhile, or it cannot be resolved from where it is: theirs.
      if (!(error instanceof ConflictError || error instanceof InputError))
        throw error;
      return { ...result, incidentResolved: false, reason: error.message };
    }
  }

  /** The alert on its incident's timeline, under the incident's lock. */
  private note(alert: ReceivedAlert, incidentId: string, caller: AlertCaller) {
    const { incidentStore, records } = this.options;
    return incidentStore.withLock(
      incidentId,
      this.now,
      async (trx, current, _row, at) => {
        await records.appendTimeline(trx, incidentId, caller.ref, at, [
          { type: 'alert', body: alertEntryBody(alert) },
        ]);
        await this.alerts.seen(trx, alert, incidentId, at);
        return {
          allResolved: await this.alerts.allResolved(trx, incidentId),
          version: current.version,
        };
      },
    );
  }
}
