import { appliesTo, freezesFor, parseFreezeWindows } from './freezes';

describe('freeze windows', () => {
  const [blackFriday, payments] = parseFreezeWindows([
    {
      name: 'Black Friday',
      start: '2026-11-27T00:00:00Z',
      end: '2026-11-30T00:00:00Z',
    },
    {
      name: 'Payments migration',
      start: '2026-12-01T08:00:00+01:00',
      end: '2026-12-01T18:00:00+01:00',
      systems: ['payments'],
      domains: ['domain:default/commerce'],
    },
  ]);
  const ctx = {
    refs: ['component:default/cart'],
    systems: ['system:default/storefront'],
    domains: [],
  };

  it('reads ISO date-times and short refs', () => {
    expect(payments).toEqual({
      name: 'Payments migration',
      start: '2026-12-01T07:00:00.000Z',
      end: '2026-12-01T17:00:00.000Z',
      systems: ['system:default/payments'],
      domains: ['domain:default/commerce'],
    });
  });

  it('apply to everything without filters, else to the CIs, systems or domains named', () => {
    expect(appliesTo(blackFriday, ctx)).toBe(true);
    expect(appliesTo(payments, ctx)).toBe(false);
    expect(
      appliesTo(payments, { ...ctx, domains: ['domain:default/commerce'] }),
    ).toBe(true);
  });

  it('hold a window that overlaps them, not one that only touches them', () => {
    const window = (start: string, end: string) =>
      freezesFor([blackFriday], { start, end }, ctx);
    expect(window('2026-11-26T22:00:00Z', '2026-11-27T01:00:00Z')).toHaveLength(
      1,
    );
    expect(window('2026-11-26T22:00:00Z', '2026-11-27T00:00:00Z')).toHaveLength(
      0,
    );
    expect(window('2026-11-30T00:00:00Z', '2026-11-30T01:00:00Z')).toHaveLength(
      0,
    );
  });

  it.each([
    [
      [{ name: 'X', start: 'soon', end: '2026-11-30T00:00:00Z' }],
      'itsm.changes.freezeWindows[0].start must be an ISO-8601 date-time',
    ],
    [
      // An impossible date is a mistake, not March 2.
      [
        {
          name: 'X',
          start: '2026-02-30T00:00:00Z',
          end: '2026-03-05T00:00:00Z',
        },
      ],
      'itsm.changes.freezeWindows[0].start must be an ISO-8601 date-time',
    ],
    [
      [
        {
          name: 'X',
          start: '2026-11-30T00:00:00Z',
          end: '2026-11-29T00:00:00Z',
        },
      ],
      'itsm.changes.freezeWindows[0].end must be after itsm.changes.freezeWindows[0].start',
    ],
    [
      [
        {
          name: 'X',
          start: '2026-11-29T00:00:00Z',
          end: '2026-11-30T00:00:00Z',
          teams: [],
        },
      ],
      'itsm.changes.freezeWindows[0].teams is not a freeze window field',
    ],
    [
      [
        {
          name: 'X',
          start: '2026-11-29T00:00:00Z',
          end: '2026-11-30T00:00:00Z',
          systems: ['a b'],
        },
      ],
      'itsm.changes.freezeWindows[0].systems[0] is not a valid system ref',
    ],
  ])('rejects %j naming the bad key', (raw, message) => {
    expect(() => parseFreezeWindows(raw)).toThrow(message);
  });
});
