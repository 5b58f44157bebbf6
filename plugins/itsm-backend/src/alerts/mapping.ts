import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { AlertPolicy, Levels } from './policy';

/** Where an alert came from: the webhook it was posted to. */
export type AlertSource = 'alertmanager' | 'grafana';

/** One alert of a webhook payload, as the intake reads it (both formats). */
export interface ReceivedAlert {
  source: AlertSource;
  status: 'firing' | 'resolved';
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
  /** Grafana's: the values that fired it and the links to look at. */
  valueString?: string;
  dashboardURL?: string;
  panelURL?: string;
  silenceURL?: string;
}

/** The part of a payload the intake reads (Alertmanager v4 and Grafana share it). */
export interface AlertPayload {
  commonLabels?: Record<string, string>;
  commonAnnotations?: Record<string, string>;
  alerts: Array<
    Omit<ReceivedAlert, 'source' | 'labels' | 'annotations'> & {
      labels: Record<string, string>;
      annotations?: Record<string, string>;
    }
  >;
}

/** The alerts of a payload, each with the group's common labels and annotations under its own. */
export function alertsOf(
  source: AlertSource,
  payload: AlertPayload,
): ReceivedAlert[] {
  return payload.alerts.map(alert => ({
    source,
    status: alert.status,
    fingerprint: alert.fingerprint,
    labels: { ...payload.commonLabels, ...alert.labels },
    annotations: { ...payload.commonAnnotations, ...alert.annotations },
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
    generatorURL: alert.generatorURL,
    valueString: alert.valueString,
    dashboardURL: alert.dashboardURL,
    panelURL: alert.panelURL,
    silenceURL: alert.silenceURL,
  }));
}

/** The entity an alert is about, or why it names none. */
export type AlertEntity =
  | { ref: string; label: string }
  | { ref?: undefined; reason: string };

/**
 * The entity the first configured label names: a full ref (`component:default/payments`)
 * or a name, meaning a component in the default namespace.
 */
export function entityOf(
  alert: ReceivedAlert,
  policy: Pick<AlertPolicy, 'entityLabels'>,
): AlertEntity {
  for (const label of policy.entityLabels) {
    const value = alert.labels[label]?.trim();
    if (!value) continue;
    try {
      const ref = stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US');
      return { ref, label };
    } catch {
      return { reason: `label ${label}: '${value}' is not an entity ref` };
    }
  }
  return {
    reason: `no label names an entity (tried ${policy.entityLabels.join(
      ', ',
    )})`,
  };
}

/** The impact and urgency of the incident an alert opens, by its severity label. */
export function levelsOf(
  alert: ReceivedAlert,
  policy: Pick<AlertPolicy, 'severityLabel' | 'severities' | 'defaultLevels'>,
): Levels {
  const severity = alert.labels[policy.severityLabel]
    ?.trim()
    .toLocaleLowerCase('en-US');
  return (severity && policy.severities[severity]) || policy.defaultLevels;
}

const TITLE_MAX = 200;

/** A one-line name: the alert's name and its summary. */
function headline(alert: ReceivedAlert): string {
  const name = alert.labels.alertname?.trim() || 'Alert';
  const summary = (
    alert.annotations.summary ||
    alert.annotations.title ||
    alert.annotations.message ||
    ''
  ).trim();
  return summary ? `${name}: ${summary}` : name;
}

/** The links an alert carries, as markdown. */
/** The alert's links: Markdown for the description, `Name: url` for the timeline (plain text). */
function links(alert: ReceivedAlert, markdown = true): string[] {
  const named: Array<[string, string | undefined]> = [
    ['Source', alert.generatorURL],
    ['Dashboard', alert.dashboardURL],
    ['Panel', alert.panelURL],
    ['Silence', alert.silenceURL],
    ['Runbook', alert.annotations.runbook_url],
  ];
  return named
    .filter(([, url]) => url && /^https?:\/\//i.test(url))
    .map(([name, url]) => (markdown ? `[${name}](${url})` : `${name}: ${url}`));
}

/** The title and description of the incident a firing alert opens. */
export function incidentTextOf(alert: ReceivedAlert): {
  title: string;
  description: string;
} {
  const title = headline(alert);
  const labels = Object.entries(alert.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `\`${k}=${v}\``)
    .join(' ');
  const description = [
    `Opened by ${alert.source} alert \`${alert.fingerprint}\`${
      alert.startsAt ? ` firing since ${alert.startsAt}` : ''
    }.`,
    alert.annotations.description?.trim(),
    alert.valueString ? `Values: ${alert.valueString}` : undefined,
    `Labels: ${labels}`,
    links(alert).join(' · '),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    title:
      title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    description,
  };
}

/** What an alert's timeline entry says. */
export function alertEntryBody(alert: ReceivedAlert): string {
  const when =
    alert.status === 'resolved'
      ? alert.endsAt && ` at ${alert.endsAt}`
      : alert.startsAt && ` since ${alert.startsAt}`;
  return [
    `${alert.status === 'resolved' ? 'Resolved' : 'Firing'} (${
      alert.source
    }): ${headline(alert)}${when || ''}`,
    alert.valueString ? `Values: ${alert.valueString}` : undefined,
    links(alert, false).join('\n') || undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The key that makes one open incident per alert: its source and fingerprint. */
export function openKeyOf(
  alert: Pick<ReceivedAlert, 'source' | 'fingerprint'>,
) {
  return `${alert.source}:${alert.fingerprint}`;
}
