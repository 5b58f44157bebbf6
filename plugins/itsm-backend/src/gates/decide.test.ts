import { Change, FreezeWindow } from '@backstage-itsm/plugin-itsm-common';
import { decideGate } from './decide';

const NOW = '2026-12-01T12:00:00.000Z';
const change = (
  number: string,
  state: string,
  plannedStart: string,
  plannedEnd: string,
  type = 'normal',
) => ({ number, state, type, plannedStart, plannedEnd } as Change);
const freeze: FreezeWindow = {
  name: 'Year end',
  start: '2026-12-01T00:00:00Z',
  end: '2026-12-02T00:00:00Z',
};
const decide = (
  changes: Change[],
  options: { freezes?: FreezeWindow[]; allowWithoutChange?: boolean } = {},
) =>
  decideGate({
    entityRef: 'component:default/payments-api',
    now: NOW,
    changes,
    freezes: options.freezes ?? [],
    allowWithoutChange: options.allowWithoutChange ?? false,
  });

describe('decideGate', () => {
  const open = change(
    'CHG-1',
    'scheduled',
    '2026-12-01T11:00:00Z',
    '2026-12-01T13:00:00Z',
  );
  const later = change(
    'CHG-2',
    'scheduled',
    '2026-12-01T20:00:00Z',
    '2026-12-01T21:00:00Z',
  );
  const past = change(
    'CHG-3',
    'scheduled',
    '2026-12-01T08:00:00Z',
    '2026-12-01T09:00:00Z',
  );
  const implementing = change(
    'CHG-4',
    'implement',
    '2026-12-01T08:00:00Z',
    '2026-12-01T09:00:00Z',
  );

  it('lets a deploy go while a change is implemented or its scheduled window is open', () => {
    expect(decide([later, implementing])).toMatchObject({
      allowed: true,
      reason: 'change_in_implementation',
      change: { number: 'CHG-4' },
    });
    expect(decide([later, open])).toMatchObject({
      allowed: true,
      reason: 'change_window_open',
      change: { number: 'CHG-1', plannedEnd: '2026-12-01T13:00:00Z' },
    });
  });

  it('says when the window opens, or that it is over', () => {
    expect(decide([later])).toMatchObject({
      allowed: false,
      reason: 'window_not_open',
      message:
        'CHG-2 is scheduled, but its window opens at 2026-12-01T20:00:00Z',
    });
    expect(decide([past])).toMatchObject({
      allowed: false,
      reason: 'window_over',
      change: { number: 'CHG-3' },
    });
    // The window end is exclusive: at 13:00 the window of CHG-1 is over.
    expect(
      decideGate({
        entityRef: 'component:default/payments-api',
        now: '2026-12-01T13:00:00.000Z',
        changes: [open],
        freezes: [],
        allowWithoutChange: false,
      }).reason,
    ).toBe('window_over');
  });

  it('denies in a freeze, except for a normal or emergency change being carried out', () => {
    expect(decide([], { freezes: [freeze] })).toMatchObject({
      allowed: false,
      reason: 'freeze',
      freeze: { name: 'Year end' },
    });
    expect(decide([open], { freezes: [freeze] })).toMatchObject({
      allowed: true,
      reason: 'change_window_open',
      freeze: { name: 'Year end' },
    });
    const standard = { ...open, type: 'standard' } as Change;
    expect(decide([standard], { freezes: [freeze] })).toMatchObject({
      allowed: false,
      reason: 'freeze',
      change: { number: 'CHG-1' },
    });
    expect(
      decide([], { freezes: [freeze], allowWithoutChange: true }).reason,
    ).toBe('freeze');
  });

  it('without any change, denies unless configuration allows deploys without one', () => {
    expect(decide([])).toMatchObject({
      allowed: false,
      reason: 'no_approved_change',
    });
    expect(decide([], { allowWithoutChange: true })).toMatchObject({
      allowed: true,
      reason: 'no_change_required',
    });
  });
});
