import fc from 'fast-check';
import { businessMillisBetween, parseCalendars } from './calendar';
import { parseSlaPolicies } from './policy';
import { SlaHistoryEvent, deriveTimer } from './timers';

const H = 3_600_000;
const calendars = parseCalendars({
  always: { type: '24x7' },
  office: {
    type: 'business',
    timeZone: 'Europe/Berlin',
    hours: {
      mon: ['09:00-12:00', '13:00-17:00'],
      tue: ['09:00-17:00'],
      wed: ['09:00-17:00'],
      thu: ['09:00-17:00'],
      fri: ['09:00-15:00'],
    },
    holidays: ['2026-12-25'],
  },
});
const policies = parseSlaPolicies(
  ['always', 'office'].map(calendar => ({
    name: calendar,
    appliesTo: { kind: 'incident' },
    calendar,
    targets: { response: 'PT1H', resolution: 'PT8H' },
    pauseStates: ['on_hold'],
  })),
  calendars,
);

const T0 = Date.parse('2026-10-20T00:00:00Z'); // spans the 25 Oct DST change
const SPAN = 30 * 24 * H;
const iso = (t: number) => new Date(t).toISOString();
const options = { seed: 4711, numRuns: 100 };

const policyArb = fc.constantFrom(...policies);
/** Sorted instants within SPAN of T0 (minute resolution). */
const instants = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: SPAN / 60_000 }), {
      minLength: n,
      maxLength: n,
    })
    .map(xs => xs.sort((a, b) => a - b).map(x => T0 + x * 60_000));

const states = ['in_progress', 'on_hold', 'resolved', 'closed', 'canceled'];
/** A random incident history: created, then state changes. */
const historyArb = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: SPAN / 60_000 }),
      state: fc.constantFrom(...states),
    }),
    { maxLength: 8 },
  )
  .map(changes => [
    { at: iso(T0), type: 'created', toState: 'new' } as SlaHistoryEvent,
    ...changes.map(c => ({
      at: iso(T0 + c.offset * 60_000),
      type: 'state_changed',
      toState: c.state,
    })),
  ]);

describe('deriveTimer properties', () => {
  it('adding a pause never increases elapsed (24x7: decreases by its overlap)', () => {
    fc.assert(
      fc.property(policyArb, instants(4), (policy, [p1, p2, end, now]) => {
        const base: SlaHistoryEvent[] = [
          { at: iso(T0), type: 'created', toState: 'new' },
          { at: iso(T0), type: 'state_changed', toState: 'in_progress' },
          { at: iso(end), type: 'state_changed', toState: 'resolved' },
        ];
        // pause at p1, resume at p2 (only events before the resolution)
        const paused = [...base];
        if (p1 < end)
          paused.push({
            at: iso(p1),
            type: 'state_changed',
            toState: 'on_hold',
          });
        if (p2 < end)
          paused.push({
            at: iso(p2),
            type: 'state_changed',
            toState: 'in_progress',
          });
        const t = new Date(now);
        const a = deriveTimer(policy, policy.calendar, 'resolution', base, t);
        const c = deriveTimer(policy, policy.calendar, 'resolution', paused, t);
        expect(c.elapsed).toBeLessThanOrEqual(a.elapsed);
        expect(c.cycles).toHaveLength(1);
        // 24x7: the drop is exactly the pause's overlap with [created, stop)
        const stop = Math.min(end, now);
        const overlap =
          p1 < end ? Math.max(0, Math.min(p2, stop) - Math.min(p1, stop)) : 0;
        expect(a.elapsed - c.elapsed).toBe(
          policy.calendar.type === '24x7' ? overlap : a.elapsed - c.elapsed,
        );
      }),
      options,
    );
  });

  it('a stopped timer is breached iff elapsed ≥ target, else met', () => {
    fc.assert(
      fc.property(policyArb, instants(2), (policy, [start, end]) => {
        const timer = deriveTimer(
          policy,
          policy.calendar,
          'resolution',
          [
            { at: iso(start), type: 'created' },
            { at: iso(end), type: 'state_changed', toState: 'resolved' },
          ],
          new Date(T0 + SPAN),
        );
        const expected = businessMillisBetween(
          policy.calendar,
          new Date(start),
          new Date(end),
        );
        expect(timer.elapsed).toBe(expected);
        expect(timer.status).toBe(expected >= 8 * H ? 'breached' : 'met');
        expect(timer.dueAt).toBeNull();
      }),
      options,
    );
  });

  it('elapsed never decreases as now advances; dueAt leaves exactly the remaining target', () => {
    fc.assert(
      fc.property(
        policyArb,
        historyArb,
        instants(2),
        fc.constantFrom('response' as const, 'resolution' as const),
        (policy, history, [n1, n2], metric) => {
          const a = deriveTimer(
            policy,
            policy.calendar,
            metric,
            history,
            new Date(n1),
          );
          const c = deriveTimer(
            policy,
            policy.calendar,
            metric,
            history,
            new Date(n2),
          );
          expect(c.elapsed).toBeGreaterThanOrEqual(
            a.cycles.length === c.cycles.length ? a.elapsed : 0,
          );
          expect(c.cycles.length).toBeGreaterThanOrEqual(a.cycles.length);
          const running = a.status === 'running' || a.status === 'at_risk';
          // a running timer has a due time leaving exactly the remaining target
          expect(
            running
              ? businessMillisBetween(
                  policy.calendar,
                  new Date(n1),
                  new Date(a.dueAt!),
                )
              : a.target - a.elapsed,
          ).toBe(a.target - a.elapsed);
          // only paused or stopped timers lack a due time
          expect(
            a.dueAt !== null ||
              ['paused', 'met', 'breached', 'canceled'].includes(a.status),
          ).toBe(true);
        },
      ),
      options,
    );
  });
});
