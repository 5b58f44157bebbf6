import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { itsmApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { BASE_URL, makeChange, makeClient } from '../../__testUtils__/fixtures';
import { ChangeCalendar } from './ChangeCalendar';
import { placeOnRange, startOfWeek } from './calendarRange';

// Local wall times, so that the labels read the same in any time zone.
const local = (day: number, hour: number, minute = 0) =>
  new Date(2025, 10, day, hour, minute).toISOString();

describe('ChangeCalendar', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let queries: URLSearchParams[];

  beforeEach(() => {
    queries = [];
    server.use(
      http.get(`${BASE_URL}/change-calendar`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          changes: [
            makeChange({
              state: 'scheduled',
              plannedStart: local(24, 22),
              plannedEnd: local(24, 23),
            }),
            makeChange({
              id: 'c2',
              number: 'CHG-000004',
              title: 'Upgrade the ledger',
              state: 'authorize',
              plannedStart: local(27, 20),
              plannedEnd: local(28, 2),
            }),
          ],
          freezes: [
            { name: 'Black Friday', start: local(28, 0), end: local(30, 0) },
          ],
        });
      }),
    );
  });

  const render = (props: { entityRef?: string } = {}) =>
    renderInTestApp(
      <TestApiProvider apis={[[itsmApiRef, makeClient()]]}>
        <ChangeCalendar initialDate={new Date(2025, 10, 26)} {...props} />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/itsm': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );

  it('draws a labelled bar per change and the freeze windows', async () => {
    await render();
    const bar = await screen.findByRole('link', {
      name: 'CHG-000003 Rotate payments DB credentials, 24 Nov 22:00–23:00',
    });
    expect(bar).toHaveAttribute('href', '/itsm/changes/CHG-000003');
    expect(bar).toHaveAttribute(
      'title',
      'CHG-000003 Rotate payments DB credentials, 24 Nov 22:00–23:00',
    );
    expect(
      screen.getByRole('link', {
        name: 'CHG-000004 Upgrade the ledger, 27 Nov 20:00 – 28 Nov 02:00',
      }),
    ).toBeInTheDocument();
    const freezes = screen.getByRole('list', { name: 'Freeze windows' });
    expect(
      within(freezes).getByRole('listitem', {
        name: 'Freeze window Black Friday, 28 Nov 00:00 – 30 Nov 00:00',
      }),
    ).toHaveTextContent('Black Friday');
    // Two weeks from the Monday of the given day.
    expect(
      screen.getByRole('heading', { name: '24 Nov – 7 Dec 2025' }),
    ).toBeInTheDocument();
    expect(queries[0].get('from')).toBe(new Date(2025, 10, 24).toISOString());
    expect(queries[0].get('to')).toBe(new Date(2025, 11, 8).toISOString());
    expect(queries[0].getAll('state')).toEqual([
      'draft',
      'assess',
      'authorize',
      'scheduled',
      'implement',
      'review',
    ]);
  });

  it('moves by two weeks, and filters by state, group and entity', async () => {
    await render();
    await screen.findByRole('heading', { name: '24 Nov – 7 Dec 2025' });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByRole('heading', { name: '8 Dec – 21 Dec 2025' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(
      await screen.findByRole('heading', { name: '10 Nov – 23 Nov 2025' }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('State'), 'Scheduled');
    await waitFor(() =>
      expect(queries[queries.length - 1].getAll('state')).toEqual([
        'scheduled',
      ]),
    );
    await userEvent.type(
      screen.getByLabelText('Assignment group'),
      'group:default/sre',
    );
    await waitFor(() =>
      expect(queries[queries.length - 1].get('assignmentGroup')).toBe(
        'group:default/sre',
      ),
    );
    await userEvent.type(
      screen.getByLabelText('Configuration item'),
      'Component:Payments',
    );
    await waitFor(() =>
      expect(queries[queries.length - 1].get('entityRef')).toBe(
        'component:default/payments',
      ),
    );
  });

  it('shows only the entity on an entity page', async () => {
    await render({ entityRef: 'component:default/payments' });
    await screen.findByRole('link', { name: /^CHG-000003 / });
    expect(screen.queryByLabelText('Configuration item')).toBeNull();
    expect(queries[0].get('entityRef')).toBe('component:default/payments');
  });

  it('labels each day in a column of its own, wide enough for its two short lines', async () => {
    await render();
    await screen.findByRole('heading', { name: '24 Nov – 7 Dec 2025' });
    const header = screen.getByTestId('calendar-days');
    // A grid column per day, which the labels fill one each: none is placed by an
    // offset of its own, so no two overlap however narrow the page is.
    expect(header.style.gridTemplateColumns.match(/minmax\(/g)).toHaveLength(
      14,
    );
    const labels = within(header).getAllByTestId(/^calendar-day-/);
    expect(labels.map(label => label.getAttribute('data-testid'))).toEqual(
      Array.from(
        { length: 14 },
        (_, i) =>
          `calendar-day-2025-${i < 7 ? `11-${24 + i}` : `12-0${i - 6}`}`,
      ),
    );
    expect(labels.map(label => label.style.gridColumn)).toEqual(
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    );
    expect(labels.map(label => label.style.left)).toEqual(Array(14).fill(''));
    // Short: the weekday over the day, with the month where the range or a month begins.
    expect(labels.map(label => label.textContent)).toEqual([
      'Mon24 Nov',
      'Tue25',
      'Wed26',
      'Thu27',
      'Fri28',
      'Sat29',
      'Sun30',
      'Mon1 Dec',
      'Tue2',
      'Wed3',
      'Thu4',
      'Fri5',
      'Sat6',
      'Sun7',
    ]);
    expect(labels[0]).toHaveAttribute('title', 'Mon 24 Nov');
    // Below the width of the label column and 3.25em per day, the grid scrolls instead.
    expect(screen.getByTestId('calendar-rows').style.minWidth).toBe('59.5em');
  });

  it('places windows on the range, clipped', () => {
    const from = startOfWeek(new Date(2025, 10, 26));
    const to = new Date(2025, 11, 8);
    expect(
      placeOnRange({ start: local(20, 0), end: local(25, 0) }, from, to),
    ).toEqual({ left: 0, width: expect.closeTo(100 / 14, 5) });
    expect(
      placeOnRange({ start: local(1, 0), end: local(2, 0) }, from, to),
    ).toBeUndefined();
    expect(
      placeOnRange({ start: null, end: local(2, 0) }, from, to),
    ).toBeUndefined();
  });
});
