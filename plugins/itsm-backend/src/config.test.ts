import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { readItsmConfig } from './config';

describe('readItsmConfig', () => {
  it('reads the demo app-config, SLA calendars and policies included', () => {
    const appConfig = YAML.parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../../app-config.yaml'),
        'utf8',
      ),
    );
    const config = readItsmConfig(new ConfigReader(appConfig));
    expect(config.changes.platformGroup).toBe('group:default/platform-team');
    expect(Object.keys(config.sla.calendars).sort()).toEqual([
      '24x7',
      'eu-office',
    ]);
    expect(config.sla.policies.map(p => p.name)).toContain(
      'P1 incidents, around the clock',
    );
  });

  it('has no SLA policies unless configured', () => {
    expect(readItsmConfig(new ConfigReader({})).sla).toEqual({
      calendars: {},
      policies: [],
    });
  });

  it.each([
    [
      {
        calendars: {
          office: {
            type: 'business',
            timeZone: 'Mars/Olympus',
            hours: { mon: ['09:00-17:00'] },
          },
        },
      },
      /itsm\.sla\.calendars\.office\.timeZone/,
    ],
    [
      {
        calendars: { always: { type: '24x7' } },
        policies: [
          {
            name: 'x',
            appliesTo: { kind: 'incident' },
            calendar: 'always',
            targets: { resolution: '4 hours' },
          },
        ],
      },
      /itsm\.sla\.policies\[0\]\.targets\.resolution/,
    ],
  ])('stops start-up naming the bad SLA key (%#)', (sla, message) => {
    expect(() => readItsmConfig(new ConfigReader({ itsm: { sla } }))).toThrow(
      message,
    );
  });
});

describe('readItsmConfig: problem candidates', () => {
  const read = (candidates: JsonObject) =>
    readItsmConfig(new ConfigReader({ itsm: { problems: { candidates } } }))
      .problems;

  it('defaults to 3 incidents within 30 days', () => {
    expect(readItsmConfig(new ConfigReader({})).problems).toEqual({
      candidates: { minIncidents: 3, days: 30 },
    });
    expect(read({ days: 7 })).toEqual({
      candidates: { minIncidents: 3, days: 7 },
    });
  });

  it('reads the configured values, numbers from environment variables included', () => {
    expect(read({ minIncidents: 2, days: 365 })).toEqual({
      candidates: { minIncidents: 2, days: 365 },
    });
    expect(read({ minIncidents: '5', days: '1' })).toEqual({
      candidates: { minIncidents: 5, days: 1 },
    });
  });

  it.each([
    [
      { minIncidents: 1 },
      'itsm.problems.candidates.minIncidents must be a whole number of at least 2',
    ],
    [
      { minIncidents: 2.5 },
      'itsm.problems.candidates.minIncidents must be a whole number of at least 2',
    ],
    [
      { days: 0 },
      'itsm.problems.candidates.days must be a whole number of days from 1 to 365',
    ],
    [
      { days: 366 },
      'itsm.problems.candidates.days must be a whole number of days from 1 to 365',
    ],
    [
      { days: 1.5 },
      'itsm.problems.candidates.days must be a whole number of days from 1 to 365',
    ],
  ])('stops start-up naming the bad key (%j)', (candidates, message) => {
    expect(() => read(candidates)).toThrow(new Error(message));
  });
});

describe('readItsmConfig: incidents, changes and routing', () => {
  const read = (itsm: JsonObject) => readItsmConfig(new ConfigReader({ itsm }));

  it('reads them, with their defaults', () => {
    const config = read({
      incidents: { autoCloseAfterDays: 3 },
      changes: { platformGroup: 'group:Platform' },
    });
    expect(config.autoCloseAfterDays).toBe(3);
    expect(config.changes.platformGroup).toBe('group:default/platform');
    expect(config.routing.fallbackGroup).toBe('group:default/platform');
    expect(read({}).autoCloseAfterDays).toBe(7);
    expect(read({}).priorityMatrix[0]).toEqual(['P1', 'P2', 'P3']);
  });

  it.each([
    [
      { incidents: { priorityMatrix: [['P1', 'P2', 'P3']] } },
      'itsm.incidents.priorityMatrix must be 3 rows (impact high→low) of 3 priorities P1–P5 (urgency high→low)',
    ],
    [
      { incidents: { autoCloseAfterDays: 0 } },
      'itsm.incidents.autoCloseAfterDays must be a positive number of days',
    ],
    [
      { changes: { platformGroup: 'user:default/alice' } },
      "itsm.changes.platformGroup must be a group ref such as group:default/platform-team, got 'user:default/alice'",
    ],
    [
      { routing: { fallbackGroup: 'not a ref' } },
      "itsm.routing.fallbackGroup must be a group ref such as group:default/platform-team, got 'not a ref'",
    ],
    [
      { changes: { approvalPolicy: [{ name: 'A', approvers: ['x y'] }] } },
      'itsm.changes.approvalPolicy[0].approvers[0] must be owners, platform or a group ref such as group:default/dba',
    ],
    [
      { changes: { freezeWindows: [{ name: 'X', start: 'soon' }] } },
      'itsm.changes.freezeWindows[0].start must be an ISO-8601 date-time, e.g. 2026-12-20T00:00:00Z',
    ],
  ])('stops start-up naming the bad key (%#)', (itsm, message) => {
    expect(() => read(itsm)).toThrow(new Error(message));
  });
});
