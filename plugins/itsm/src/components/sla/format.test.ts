import {
  describeTimer,
  formatCompliance,
  formatDurationMs,
  formatMeanTime,
} from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2025-11-24T12:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('SLA formatting', () => {
  it('formats business durations in hours and minutes, wall-clock spans with days', () => {
    expect(formatDurationMs(0)).toBe('0m');
    expect(formatDurationMs(20_000)).toBe('<1m');
    expect(formatDurationMs(35 * MINUTE)).toBe('35m');
    expect(formatDurationMs(130 * MINUTE)).toBe('2h 10m');
    expect(formatDurationMs(4 * HOUR)).toBe('4h');
    // A day of business time is no day of the week.
    expect(formatDurationMs(48 * HOUR)).toBe('48h');
    expect(formatDurationMs(26 * HOUR + 5 * MINUTE, { days: true })).toBe(
      '1d 2h',
    );
    expect(formatDurationMs(-35 * MINUTE)).toBe('35m');
    expect(formatMeanTime(null)).toBe('—');
    expect(formatMeanTime(3 * 24 * HOUR)).toBe('3d');
  });

  it('never rounds a breach away from compliance', () => {
    expect(formatCompliance(null)).toBe('—');
    expect(formatCompliance(1)).toBe('100%');
    expect(formatCompliance(0)).toBe('0%');
    expect(formatCompliance(23 / 25)).toBe('92%');
    expect(formatCompliance(2 / 3)).toBe('66.6%');
    expect(formatCompliance(9999 / 10000)).toBe('99.9%');
  });

  it('describes a timer by its status', () => {
    const timer = { target: 4 * HOUR, elapsed: 130 * MINUTE };
    expect(
      describeTimer(
        { ...timer, status: 'running', dueAt: at(110 * MINUTE) },
        NOW,
      ),
    ).toBe('2h 10m of 4h · due in 1h 50m');
    // On an office calendar the due time is days away though 1h 50m are left.
    expect(
      describeTimer({ ...timer, status: 'at_risk', dueAt: at(50 * HOUR) }, NOW),
    ).toBe('2h 10m of 4h · due in 2d 2h');
    expect(
      describeTimer({ ...timer, status: 'running', dueAt: null }, NOW),
    ).toBe('2h 10m of 4h · 1h 50m left');
    expect(
      describeTimer({ ...timer, status: 'running', dueAt: at(-MINUTE) }, NOW),
    ).toBe('2h 10m of 4h · past due');
    expect(
      describeTimer(
        {
          target: 4 * HOUR,
          elapsed: 5 * HOUR,
          status: 'breached',
          dueAt: null,
          breachedAt: at(-26 * HOUR),
        },
        NOW,
      ),
    ).toBe('5h of 4h · breached 1d 2h ago');
  });
});
