import { parseCalendars } from '../sla/calendar';
import { parseSlaPolicies } from '../sla/policy';

/** `24x7` and `office` (Mon–Fri 09:00–17:00 Europe/Berlin). */
export const testCalendars = parseCalendars({
  '24x7': { type: '24x7' },
  office: {
    type: 'business',
    timeZone: 'Europe/Berlin',
    hours: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map(d => [d, ['09:00-17:00']]),
    ),
  },
});

/** Policies of the tests: tier-1 P1/P2 incidents around the clock, the rest office hours. */
export const testSlaPolicies = parseSlaPolicies(
  [
    {
      name: 'Tier-1 incidents',
      appliesTo: { kind: 'incident', priority: ['P1', 'P2'], tier: ['tier-1'] },
      calendar: '24x7',
      targets: { response: 'PT15M', resolution: 'PT4H' },
      pauseStates: ['on_hold'],
    },
    {
      name: 'Other incidents',
      appliesTo: { kind: 'incident' },
      calendar: 'office',
      targets: { response: 'PT4H', resolution: 'PT16H' },
      pauseStates: ['on_hold'],
    },
    {
      name: 'Requests',
      appliesTo: { kind: 'request' },
      calendar: 'office',
      targets: { resolution: 'PT16H' },
      pauseStates: ['awaiting_approval'],
    },
  ],
  testCalendars,
);
