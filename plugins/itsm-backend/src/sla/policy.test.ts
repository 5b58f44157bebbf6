import { parseCalendars } from './calendar';
import {
  parseIsoDurationMillis,
  parseSlaPolicies,
  selectPolicy,
} from './policy';

const H = 3_600_000;
const M = 60_000;

const calendars = parseCalendars({
  'eu-office': {
    type: 'business',
    timeZone: 'Europe/Berlin',
    hours: { mon: ['09:00-17:00'] },
  },
  always: { type: '24x7' },
});

const p1 = {
  name: 'P1 incidents, tier-1',
  appliesTo: { kind: 'incident', priority: ['P1'], tier: ['tier-1'] },
  calendar: 'always',
  targets: { response: 'PT15M', resolution: 'PT4H' },
  pauseStates: ['on_hold'],
  warningThresholds: [0.5, 0.75],
};
const anyIncident = {
  name: 'other incidents',
  appliesTo: { kind: 'incident' },
  calendar: 'eu-office',
  targets: { resolution: 'P2D' },
};

describe('parseIsoDurationMillis', () => {
  it.each([
    ['PT15M', 15 * M],
    ['PT4H', 4 * H],
    ['P1D', 24 * H],
    ['P2DT4H30M', 52 * H + 30 * M],
    ['PT1.5S', 1500],
    ['PT90M', 90 * M],
  ])('%s = %i ms', (text, ms) => {
    expect(parseIsoDurationMillis(text)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    '4h',
    'PT0S',
    'P1M',
    'P1Y',
    'P1W',
    'PT-1H',
    'P1DT',
    4,
  ])('rejects %p', text => {
    expect(parseIsoDurationMillis(text)).toBeUndefined();
  });
});

describe('parseSlaPolicies', () => {
  it('parses the documented example and applies defaults', () => {
    const [a, b] = parseSlaPolicies([p1, anyIncident], calendars);
    expect(a).toEqual({
      name: 'P1 incidents, tier-1',
      appliesTo: { kind: 'incident', priority: ['P1'], tier: ['tier-1'] },
      calendarName: 'always',
      calendar: { type: '24x7' },
      targets: { response: 15 * M, resolution: 4 * H },
      targetsIso: { response: 'PT15M', resolution: 'PT4H' },
      pauseStates: ['on_hold'],
      warningThresholds: [0.5, 0.75],
    });
    expect(b.appliesTo).toEqual({ kind: 'incident' });
    expect(b.calendar).toBe(calendars['eu-office']);
    expect(b.targets).toEqual({ resolution: 48 * H });
    expect(b.pauseStates).toEqual([]);
    expect(b.warningThresholds).toEqual([0.5, 0.75]);
  });

  it('treats missing config as no policies', () => {
    expect(parseSlaPolicies(undefined, calendars)).toEqual([]);
  });

  const k = 'itsm.sla.policies';
  it.each([
    [{}, `${k} must be a list of policies`],
    [[anyIncident, 'x'], `${k}[1] must be an object`],
    [[{ ...p1, foo: 1 }], `${k}[0].foo is not a policy property`],
    [[{ ...p1, name: ' ' }], `${k}[0].name must be a non-empty string`],
    [
      [{ ...p1, appliesTo: undefined }],
      `${k}[0].appliesTo must be an object with at least kind`,
    ],
    [
      [{ ...p1, appliesTo: { priority: ['P1'] } }],
      `${k}[0].appliesTo.kind must be a record kind such as incident`,
    ],
    [
      [{ ...p1, appliesTo: { kind: 'incident', team: ['x'] } }],
      `${k}[0].appliesTo.team is not allowed (use kind, priority, tier)`,
    ],
    [
      [{ ...p1, appliesTo: { kind: 'incident', priority: 'P1' } }],
      `${k}[0].appliesTo.priority must be a non-empty list of strings`,
    ],
    [
      [{ ...p1, appliesTo: { kind: 'incident', tier: [] } }],
      `${k}[0].appliesTo.tier must be a non-empty list of strings`,
    ],
    [
      [anyIncident, { ...p1, calendar: 'x' }],
      `${k}[1].calendar 'x' is not one of the calendars: always, eu-office`,
    ],
    [
      [{ ...p1, targets: 'PT4H' }],
      `${k}[0].targets must be an object with response and/or resolution`,
    ],
    [
      [{ ...p1, targets: {} }],
      `${k}[0].targets must set response and/or resolution`,
    ],
    [
      [
        anyIncident,
        anyIncident,
        { ...p1, name: 'z', targets: { resolution: '4h' } },
      ],
      `${k}[2].targets.resolution must be an ISO-8601 duration such as PT4H`,
    ],
    [
      [{ ...p1, targets: { fulfilment: 'PT4H' } }],
      `${k}[0].targets.fulfilment is not a metric (use response, resolution)`,
    ],
    [
      [{ ...p1, pauseStates: 'on_hold' }],
      `${k}[0].pauseStates must be a non-empty list of strings`,
    ],
    [
      [{ ...p1, warningThresholds: 0.5 }],
      `${k}[0].warningThresholds must be a list of fractions such as [0.5, 0.75]`,
    ],
    [
      [{ ...p1, warningThresholds: [0.5, 1] }],
      `${k}[0].warningThresholds[1] must be a number between 0 and 1`,
    ],
    [
      [{ ...p1, warningThresholds: [0] }],
      `${k}[0].warningThresholds[0] must be a number between 0 and 1`,
    ],
    [
      [{ ...p1, warningThresholds: [0.75, 0.5] }],
      `${k}[0].warningThresholds[1] must be greater than ${k}[0].warningThresholds[0]`,
    ],
    [
      [p1, p1],
      `${k}[1].name 'P1 incidents, tier-1' is already used by ${k}[0]`,
    ],
  ])('rejects case %#', (raw, message) => {
    expect(() => parseSlaPolicies(raw, calendars)).toThrow(message);
  });

  it('says when no calendars are defined', () => {
    expect(() => parseSlaPolicies([p1], {})).toThrow(
      `${k}[0].calendar 'always' is not one of the calendars: (none defined in itsm.sla.calendars)`,
    );
  });

  it('accepts empty pauseStates and thresholds', () => {
    const [p] = parseSlaPolicies(
      [{ ...p1, pauseStates: [], warningThresholds: [] }],
      calendars,
    );
    expect(p.pauseStates).toEqual([]);
    expect(p.warningThresholds).toEqual([]);
  });
});

describe('selectPolicy (first match wins)', () => {
  const policies = parseSlaPolicies(
    [
      p1,
      {
        ...anyIncident,
        name: 'P1/P2 any tier',
        appliesTo: { kind: 'incident', priority: ['P1', 'P2'] },
      },
      anyIncident,
      { ...anyIncident, name: 'requests', appliesTo: { kind: 'request' } },
    ],
    calendars,
  );
  it.each([
    [
      { kind: 'incident', priority: 'P1', tiers: ['tier-1'] },
      'P1 incidents, tier-1',
    ],
    [
      { kind: 'incident', priority: 'P1', tiers: ['tier-3', 'tier-1'] },
      'P1 incidents, tier-1',
    ],
    [{ kind: 'incident', priority: 'P1', tiers: ['tier-2'] }, 'P1/P2 any tier'],
    [{ kind: 'incident', priority: 'P1' }, 'P1/P2 any tier'],
    [{ kind: 'incident', priority: 'P2', tiers: ['tier-1'] }, 'P1/P2 any tier'],
    [
      { kind: 'incident', priority: 'P4', tiers: ['tier-1'] },
      'other incidents',
    ],
    [{ kind: 'incident', priority: null }, 'other incidents'],
    [{ kind: 'request', priority: 'P1', tiers: ['tier-1'] }, 'requests'],
    [{ kind: 'change', priority: 'P1' }, undefined],
  ])('%j → %s', (subject, name) => {
    expect(selectPolicy(policies, subject)?.name).toBe(name);
  });
});
