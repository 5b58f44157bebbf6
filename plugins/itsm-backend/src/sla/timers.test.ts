import { DateTime } from 'luxon';
import { parseCalendars } from './calendar';
import { parseSlaPolicies } from './policy';
import { SlaHistoryEvent, SlaStateModel, deriveTimer } from './timers';

/*
 * Reference dates (2026, Europe/Berlin = CET, UTC+1):
 *   Fri 11-20, Sat 11-21, Sun 11-22, Mon 11-23, Tue 11-24, Wed 11-25
 * `office` = Mon–Fri 09:00–17:00 Berlin (8 business hours a day).
 */
const H = 3_600_000;
const M = 60_000;

/** Berlin wall time "yyyy-MM-dd HH:mm" → ISO (UTC). */
const b = (local: string): string => {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', {
    zone: 'Europe/Berlin',
  });
  if (!dt.isValid) throw new Error(`bad test date ${local}`);
  return dt.toUTC().toISO()!;
};

const calendars = parseCalendars({
  always: { type: '24x7' },
  office: {
    type: 'business',
    timeZone: 'Europe/Berlin',
    hours: {
      mon: ['09:00-17:00'],
      tue: ['09:00-17:00'],
      wed: ['09:00-17:00'],
      thu: ['09:00-17:00'],
      fri: ['09:00-17:00'],
    },
  },
});
const [office, p1] = parseSlaPolicies(
  [
    {
      name: 'office',
      appliesTo: { kind: 'incident' },
      calendar: 'office',
      targets: { response: 'PT1H', resolution: 'PT8H' },
      pauseStates: ['on_hold', 'awaiting_vendor'],
    },
    {
      name: 'P1',
      appliesTo: { kind: 'incident', priority: ['P1'] },
      calendar: 'always',
      targets: { response: 'PT15M', resolution: 'PT4H' },
      pauseStates: ['on_hold'],
    },
  ],
  calendars,
);

const created = (at: string, seq = 1): SlaHistoryEvent => ({
  at,
  type: 'created',
  toState: 'new',
  seq,
});
const to = (toState: string, at: string, seq?: number): SlaHistoryEvent => ({
  at,
  type: 'state_changed',
  toState,
  ...(seq === undefined ? {} : { seq }),
});

describe('deriveTimer: resolution on the office calendar (target 8 business hours)', () => {
  it.each<
    [
      string,
      SlaHistoryEvent[],
      string, // now (Berlin)
      {
        elapsed: number;
        status: string;
        dueAt: string | null;
        thresholds: number[];
      },
    ]
  >([
    [
      // Mon 09:00–10:00 = 1 h of 8 h (12.5 %); 7 h left from Mon 10:00 → Mon 17:00
      'running',
      [
        created(b('2026-11-23 09:00')),
        to('in_progress', b('2026-11-23 09:10')),
      ],
      '2026-11-23 10:00',
      {
        elapsed: 1 * H,
        status: 'running',
        dueAt: b('2026-11-23 17:00'),
        thresholds: [],
      },
    ],
    [
      // 09:00–13:00 = 4 h = 50 %; 4 h left → 17:00
      'at risk at 50 %',
      [created(b('2026-11-23 09:00'))],
      '2026-11-23 13:00',
      {
        elapsed: 4 * H,
        status: 'at_risk',
        dueAt: b('2026-11-23 17:00'),
        thresholds: [0.5],
      },
    ],
    [
      // 09:00–15:00 = 6 h = 75 %
      'at risk at 75 %',
      [created(b('2026-11-23 09:00'))],
      '2026-11-23 15:00',
      {
        elapsed: 6 * H,
        status: 'at_risk',
        dueAt: b('2026-11-23 17:00'),
        thresholds: [0.5, 0.75],
      },
    ],
    [
      // Mon 09–17 (8 h) + Tue 09–10 (1 h) = 9 h ≥ 8 h; breached at Mon 17:00
      'breached while running (dueAt = the past breach instant)',
      [created(b('2026-11-23 09:00'))],
      '2026-11-24 10:00',
      {
        elapsed: 9 * H,
        status: 'breached',
        dueAt: b('2026-11-23 17:00'),
        thresholds: [0.5, 0.75],
      },
    ],
    [
      // created Mon 18:00 (closed) → counts from Tue 09:00; Tue 09–11 = 2 h; due Tue 17:00
      'created outside hours',
      [created(b('2026-11-23 18:00'))],
      '2026-11-24 11:00',
      {
        elapsed: 2 * H,
        status: 'running',
        dueAt: b('2026-11-24 17:00'),
        thresholds: [],
      },
    ],
    [
      // Fri 15–17 = 2 h, weekend 0, Mon 09–12 = 3 h → 5 h; 3 h left from Mon 12 → 15:00
      'no pause across a weekend',
      [
        created(b('2026-11-20 15:00')),
        to('in_progress', b('2026-11-20 15:30')),
      ],
      '2026-11-23 12:00',
      {
        elapsed: 5 * H,
        status: 'at_risk',
        dueAt: b('2026-11-23 15:00'),
        thresholds: [0.5],
      },
    ],
    [
      // Fri 15–16 = 1 h, on hold Fri 16:00 → Mon 10:00, Mon 10–12 = 2 h → 3 h;
      // 5 h left from Mon 12:00 → Mon 17:00
      'paused across a weekend, resumed',
      [
        created(b('2026-11-20 15:00')),
        to('on_hold', b('2026-11-20 16:00')),
        to('in_progress', b('2026-11-23 10:00')),
      ],
      '2026-11-23 12:00',
      {
        elapsed: 3 * H,
        status: 'running',
        dueAt: b('2026-11-23 17:00'),
        thresholds: [],
      },
    ],
    [
      // on hold since Fri 16:00; Fri 15–16 = 1 h; no due time while paused
      'paused',
      [created(b('2026-11-20 15:00')), to('on_hold', b('2026-11-20 16:00'))],
      '2026-11-21 12:00',
      { elapsed: 1 * H, status: 'paused', dueAt: null, thresholds: [] },
    ],
    [
      // on_hold → awaiting_vendor stays paused; Mon 09–10 = 1 h, paused 10:00 on
      'paused through two pause states',
      [
        created(b('2026-11-23 09:00')),
        to('on_hold', b('2026-11-23 10:00')),
        to('awaiting_vendor', b('2026-11-23 11:00')),
      ],
      '2026-11-23 16:00',
      { elapsed: 1 * H, status: 'paused', dueAt: null, thresholds: [] },
    ],
    [
      // 09:00–16:00 = 7 h < 8 h
      'met',
      [created(b('2026-11-23 09:00')), to('resolved', b('2026-11-23 16:00'))],
      '2026-11-25 12:00',
      { elapsed: 7 * H, status: 'met', dueAt: null, thresholds: [0.5, 0.75] },
    ],
    [
      // resolved exactly at the due instant: 8 h ≥ 8 h is a breach
      'resolved exactly at the target',
      [created(b('2026-11-23 09:00')), to('resolved', b('2026-11-23 17:00'))],
      '2026-11-25 12:00',
      {
        elapsed: 8 * H,
        status: 'breached',
        dueAt: null,
        thresholds: [0.5, 0.75],
      },
    ],
    [
      // Mon 8 h + Tue 09–10 1 h = 9 h, stopped late
      'breached and resolved',
      [
        created(b('2026-11-23 09:00')),
        to('resolved', b('2026-11-24 10:00')),
        to('closed', b('2026-11-25 10:00')),
      ],
      '2026-11-26 12:00',
      {
        elapsed: 9 * H,
        status: 'breached',
        dueAt: null,
        thresholds: [0.5, 0.75],
      },
    ],
    [
      // paused while already breached: breach is permanent
      'paused after breach',
      [created(b('2026-11-23 09:00')), to('on_hold', b('2026-11-24 10:00'))],
      '2026-11-24 12:00',
      {
        elapsed: 9 * H,
        status: 'breached',
        dueAt: null,
        thresholds: [0.5, 0.75],
      },
    ],
    [
      // canceled at 10:00 after 1 h
      'canceled',
      [created(b('2026-11-23 09:00')), to('canceled', b('2026-11-23 10:00'))],
      '2026-11-23 12:00',
      { elapsed: 1 * H, status: 'canceled', dueAt: null, thresholds: [] },
    ],
    [
      // events after now are ignored: at Mon 11:00 still running (2 h)
      'ignores the future',
      [created(b('2026-11-23 09:00')), to('resolved', b('2026-11-23 12:00'))],
      '2026-11-23 11:00',
      {
        elapsed: 2 * H,
        status: 'running',
        dueAt: b('2026-11-23 17:00'),
        thresholds: [],
      },
    ],
  ])('%s', (_name, history, now, expected) => {
    const timer = deriveTimer(
      office,
      office.calendar,
      'resolution',
      history,
      new Date(b(now)),
    );
    expect({
      elapsed: timer.elapsed,
      status: timer.status,
      dueAt: timer.dueAt,
      thresholds: timer.thresholdsCrossed,
    }).toEqual(expected);
    expect(timer.target).toBe(8 * H);
    expect(timer.cycles).toHaveLength(1);
  });

  it('explains itself with the timeline events (and their seq)', () => {
    const timer = deriveTimer(
      office,
      office.calendar,
      'resolution',
      [
        to('resolved', b('2026-11-23 12:00'), 4),
        created(b('2026-11-20 15:00'), 1),
        { at: b('2026-11-20 15:10'), type: 'comment_added', seq: 2 },
        to('on_hold', b('2026-11-20 16:00'), 2),
        to('in_progress', b('2026-11-23 10:00'), 3),
      ],
      new Date(b('2026-11-24 12:00')),
    );
    expect(timer.explanation).toEqual([
      { at: b('2026-11-20 15:00'), event: 'started', state: 'new', seq: 1 },
      { at: b('2026-11-20 16:00'), event: 'paused', state: 'on_hold', seq: 2 },
      {
        at: b('2026-11-23 10:00'),
        event: 'resumed',
        state: 'in_progress',
        seq: 3,
      },
      {
        at: b('2026-11-23 12:00'),
        event: 'stopped',
        state: 'resolved',
        seq: 4,
      },
    ]);
    // Fri 15–16 (1 h) + Mon 10–12 (2 h)
    expect(timer.elapsed).toBe(3 * H);
    expect(timer.status).toBe('met');
    expect(timer.cycles[0].pauses).toEqual([
      { start: b('2026-11-20 16:00'), end: b('2026-11-23 10:00') },
    ]);
  });

  it('resolving while paused closes the pause and stops', () => {
    const timer = deriveTimer(
      office,
      office.calendar,
      'resolution',
      [
        created(b('2026-11-23 09:00')),
        to('on_hold', b('2026-11-23 10:00')),
        to('resolved', b('2026-11-23 12:00')),
      ],
      new Date(b('2026-11-23 13:00')),
    );
    expect(timer.elapsed).toBe(1 * H);
    expect(timer.status).toBe('met');
    expect(timer.explanation.map(e => e.event)).toEqual([
      'started',
      'paused',
      'stopped',
    ]);
  });

  it('reopen starts a second cycle and keeps the first', () => {
    const timer = deriveTimer(
      office,
      office.calendar,
      'resolution',
      [
        created(b('2026-11-23 09:00')),
        to('resolved', b('2026-11-23 11:00')),
        to('in_progress', b('2026-11-24 09:00')),
      ],
      new Date(b('2026-11-24 12:00')),
    );
    // cycle 1: Mon 09–11 = 2 h met; cycle 2: Tue 09–12 = 3 h, 5 h left → Tue 17:00
    expect(timer.cycles.map(c => [c.status, c.elapsed, c.stoppedAt])).toEqual([
      ['met', 2 * H, b('2026-11-23 11:00')],
      ['running', 3 * H, null],
    ]);
    expect(timer.elapsed).toBe(3 * H);
    expect(timer.status).toBe('running');
    expect(timer.dueAt).toBe(b('2026-11-24 17:00'));
    expect(timer.explanation.map(e => e.event)).toEqual([
      'started',
      'stopped',
      'started',
    ]);
  });

  it('reopen into a pause state starts paused; resolved → closed does not reopen', () => {
    const timer = deriveTimer(
      office,
      office.calendar,
      'resolution',
      [
        created(b('2026-11-23 09:00')),
        to('resolved', b('2026-11-23 10:00')),
        to('closed', b('2026-11-23 11:00')),
        to('on_hold', b('2026-11-23 12:00')),
      ],
      new Date(b('2026-11-23 14:00')),
    );
    expect(timer.cycles.map(c => [c.status, c.elapsed])).toEqual([
      ['met', 1 * H],
      ['paused', 0],
    ]);
  });
});

describe('deriveTimer: response vs resolution', () => {
  const history = [
    created(b('2026-11-23 09:00')),
    to('in_progress', b('2026-11-23 09:30')),
    to('on_hold', b('2026-11-23 10:00')),
    to('in_progress', b('2026-11-23 10:30')),
  ];
  it('response stops at the first change out of new; resolution keeps running', () => {
    const now = new Date(b('2026-11-23 11:00'));
    const response = deriveTimer(
      office,
      office.calendar,
      'response',
      history,
      now,
    );
    expect(response).toMatchObject({
      metric: 'response',
      target: 1 * H,
      elapsed: 30 * M,
      status: 'met',
      dueAt: null,
      thresholdsCrossed: [0.5],
    });
    expect(response.cycles).toHaveLength(1);
    // 09:00–11:00 minus pause 10:00–10:30 = 1.5 h; 6.5 h left: Mon 11–17 (6 h) + Tue 09:00–09:30
    const resolution = deriveTimer(
      office,
      office.calendar,
      'resolution',
      history,
      now,
    );
    expect(resolution).toMatchObject({
      metric: 'resolution',
      target: 8 * H,
      elapsed: 90 * M,
      status: 'running',
      dueAt: b('2026-11-24 09:30'),
    });
  });

  it('a late first change breaches response', () => {
    const response = deriveTimer(
      office,
      office.calendar,
      'response',
      [
        created(b('2026-11-23 09:00')),
        to('in_progress', b('2026-11-23 11:00')),
      ],
      new Date(b('2026-11-23 12:00')),
    );
    expect([response.elapsed, response.status]).toEqual([2 * H, 'breached']);
  });

  it('24x7 P1: wall-clock, response due 15 min after creation', () => {
    const now = new Date('2026-11-21T10:05:00Z'); // Saturday: 24x7 does not care
    const events = [{ at: '2026-11-21T10:00:00Z', type: 'created' }];
    const response = deriveTimer(p1, p1.calendar, 'response', events, now);
    expect([response.elapsed, response.status, response.dueAt]).toEqual([
      5 * M,
      'running',
      '2026-11-21T10:15:00.000Z',
    ]);
    const resolution = deriveTimer(
      p1,
      p1.calendar,
      'resolution',
      events,
      new Date('2026-11-21T12:30:00Z'),
    );
    expect([resolution.elapsed, resolution.status, resolution.dueAt]).toEqual([
      150 * M,
      'at_risk',
      '2026-11-21T14:00:00.000Z',
    ]);
  });
});

describe('deriveTimer: parameters and errors', () => {
  it('takes stop states as a parameter (e.g. requests)', () => {
    const model: SlaStateModel = {
      initialState: 'submitted',
      stopStates: ['fulfilled', 'rejected'],
      cancelStates: ['rejected'],
    };
    const history = [
      { at: b('2026-11-23 09:00'), type: 'created' },
      to('resolved', b('2026-11-23 10:00')), // not a stop state here
      to('fulfilled', b('2026-11-23 11:00')),
    ];
    const now = new Date(b('2026-11-23 12:00'));
    const res = deriveTimer(
      office,
      office.calendar,
      'resolution',
      history,
      now,
      model,
    );
    expect([res.elapsed, res.status]).toEqual([2 * H, 'met']);
    const resp = deriveTimer(
      office,
      office.calendar,
      'response',
      history,
      now,
      model,
    );
    expect([resp.elapsed, resp.status]).toEqual([1 * H, 'breached']);
  });

  it('throws without a created event or a target', () => {
    const now = new Date(b('2026-11-23 12:00'));
    expect(() =>
      deriveTimer(office, office.calendar, 'resolution', [], now),
    ).toThrow('cannot derive an SLA timer: history has no created event');
    const [noResponse] = parseSlaPolicies(
      [
        {
          name: 'x',
          appliesTo: { kind: 'incident' },
          calendar: 'always',
          targets: { resolution: 'PT1H' },
        },
      ],
      calendars,
    );
    expect(() =>
      deriveTimer(
        noResponse,
        noResponse.calendar,
        'response',
        [created(b('2026-11-23 09:00'))],
        now,
      ),
    ).toThrow("SLA policy 'x' has no response target");
    expect(() =>
      deriveTimer(
        office,
        office.calendar,
        'resolution',
        [created('yesterday')],
        now,
      ),
    ).toThrow('invalid timestamp in history: yesterday');
  });
});
