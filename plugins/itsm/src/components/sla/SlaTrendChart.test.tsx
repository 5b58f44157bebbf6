import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { SlaTrendPoint } from '@backstage-itsm/plugin-itsm-common';
import { SlaTrendChart } from './SlaTrendChart';

const week = (
  weekStart: string,
  met: number,
  breached: number,
): SlaTrendPoint => ({
  weekStart,
  met,
  breached,
  compliance: met + breached === 0 ? null : met / (met + breached),
});

describe('SlaTrendChart', () => {
  it('draws weekly compliance as an image with a tooltip per week', async () => {
    await renderInTestApp(
      <SlaTrendChart
        trend={[
          week('2025-11-03T00:00:00.000Z', 10, 0),
          week('2025-11-10T00:00:00.000Z', 0, 0),
          week('2025-11-17T00:00:00.000Z', 3, 1),
          week('2025-11-24T00:00:00.000Z', 9, 1),
        ]}
      />,
    );
    const chart = screen.getByRole('img', {
      name: 'SLA compliance per week, 3 Nov to 24 Nov; latest: Week of 24 Nov: 90% (9 met, 1 breached)',
    });
    expect(chart).toBeInTheDocument();
    // SVG tooltips: a <title> in each week's group.
    expect(
      Array.from(chart.querySelectorAll('g > title')).map(t => t.textContent),
    ).toEqual([
      'Week of 3 Nov: 100% (10 met, 0 breached)',
      'Week of 10 Nov: nothing measured',
      'Week of 17 Nov: 75% (3 met, 1 breached)',
      'Week of 24 Nov: 90% (9 met, 1 breached)',
    ]);
    // One dot per measured week; the empty week breaks the line in two.
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(
      chart.querySelector('path')?.getAttribute('d')?.match(/M/g),
    ).toHaveLength(2);
  });

  it('says so when no week was measured', async () => {
    await renderInTestApp(
      <SlaTrendChart trend={[week('2025-11-24T00:00:00.000Z', 0, 0)]} />,
    );
    expect(
      screen.getByText('No SLA timers were measured in these weeks.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
