import { ConfigReader } from '@backstage/config';
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
