import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseCalendars } from '@backstage-itsm/plugin-itsm-backend/src/sla/calendar';
import { parseSlaPolicies } from '@backstage-itsm/plugin-itsm-backend/src/sla/policy';
import { SlaClock } from '@backstage-itsm/plugin-itsm-backend/src/sla/SlaClock';
import { repoPath } from '../paths';

/**
 * The SLA clock of the portal's own app-config.yaml (`itsm.sla`), parsed by the plugin:
 * the seeded timers are what the backend itself would derive from the seeded
 * timelines, and the sweep is timed under the same policies.
 */
export function portalSlaClock(): SlaClock {
  const config = parse(readFileSync(repoPath('app-config.yaml'), 'utf8'));
  const sla = config?.itsm?.sla ?? {};
  const calendars = parseCalendars(sla.calendars ?? {});
  return new SlaClock(parseSlaPolicies(sla.policies, calendars));
}

export interface Offering {
  ref: string;
  title: string;
  owner: string;
  providedBy: string;
  fulfillmentTarget: string;
}

/** The example service offerings (examples/offerings.yaml), which the bench catalog loads too. */
export function exampleOfferings(): Offering[] {
  const docs = readFileSync(repoPath('examples/offerings.yaml'), 'utf8')
    .split(/^---$/m)
    .map(text => parse(text))
    .filter(doc => doc?.kind === 'ServiceOffering');
  const ref = (value: string, kind: string) =>
    value.includes(':') ? value : `${kind}:default/${value}`;
  return docs.map(doc => ({
    ref: `serviceoffering:default/${doc.metadata.name}`,
    title: doc.metadata.title ?? doc.metadata.name,
    owner: ref(doc.spec.owner, 'group'),
    providedBy: ref(
      doc.spec.providedBy ?? `serviceoffering:default/${doc.metadata.name}`,
      'component',
    ),
    fulfillmentTarget: doc.spec.fulfillmentTarget,
  }));
}
