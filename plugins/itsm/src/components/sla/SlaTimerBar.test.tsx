import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { SlaTimerStatus } from '@backstage-itsm/plugin-itsm-common';
import { fromNow } from '../../__testUtils__/fixtures';
import { SlaTimerBar } from './SlaTimerBar';
import { TimerFigures } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The bar's filled part, whose colour tells the status. */
const filledPart = (bar: HTMLElement) =>
  bar.querySelector('.MuiLinearProgress-bar') as HTMLElement;

/**
 * The background colour a browser paints for `element` from the page's class rules:
 * the most specific matching rule, the later one on a tie. jsdom's getComputedStyle
 * applies rules in sheet order only, ignoring specificity, which the bar relies on.
 */
function paintedBackground(element: HTMLElement): string | undefined {
  let best: { specificity: number; color: string } | undefined;
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSStyleRule)) continue;
      const color = rule.style.backgroundColor;
      if (!color || !element.matches(rule.selectorText)) continue;
      const specificity = rule.selectorText.split('.').length - 1;
      if (!best || specificity >= best.specificity)
        best = { specificity, color };
    }
  }
  return best?.color;
}

describe('SlaTimerBar', () => {
  it.each<[SlaTimerStatus, Partial<TimerFigures>, number, string, string]>([
    [
      'running',
      { elapsed: 130 * MINUTE, dueAt: fromNow(110 * MINUTE + 30_000) },
      54,
      '2h 10m of 4h · due in 1h 50m',
      'rgb(21, 101, 192)',
    ],
    [
      'at_risk',
      { elapsed: 3 * HOUR, dueAt: fromNow(HOUR + 30_000) },
      75,
      '3h of 4h · due in 1h',
      'rgb(255, 160, 0)',
    ],
    [
      'paused',
      { elapsed: HOUR, dueAt: null },
      25,
      '1h of 4h · paused, 3h left',
      'rgb(117, 117, 117)',
    ],
    [
      'breached',
      { elapsed: 4 * HOUR + 35 * MINUTE, dueAt: fromNow(-35 * MINUTE) },
      100,
      '4h 35m of 4h · breached 35m ago',
      'rgb(198, 40, 40)',
    ],
    [
      'met',
      { elapsed: 3 * HOUR + 20 * MINUTE, dueAt: null },
      83,
      '3h 20m of 4h · met, 40m to spare',
      'rgb(46, 125, 50)',
    ],
    [
      'canceled',
      { elapsed: 20 * MINUTE, dueAt: null },
      8,
      '20m of 4h · canceled',
      'rgb(189, 189, 189)',
    ],
  ])('draws a %s timer', async (status, figures, percent, text, color) => {
    await renderInTestApp(
      <SlaTimerBar
        name="Resolution"
        timer={{
          status,
          target: 4 * HOUR,
          elapsed: 0,
          dueAt: null,
          ...figures,
        }}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Resolution' });
    expect(bar).toHaveAttribute('aria-valuenow', String(percent));
    expect(bar).toHaveAttribute('aria-valuetext', text);
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(paintedBackground(filledPart(bar))).toBe(color);
  });

  it('labels the status in words, not only in colour', async () => {
    await renderInTestApp(
      <>
        <SlaTimerBar
          name="Response"
          timer={{ status: 'paused', target: HOUR, elapsed: 0, dueAt: null }}
        />
        <SlaTimerBar
          name="Resolution"
          timer={{
            status: 'breached',
            target: HOUR,
            elapsed: 2 * HOUR,
            dueAt: null,
          }}
        />
      </>,
    );
    expect(screen.getByTestId('sla-status-paused')).toHaveTextContent('Paused');
    expect(screen.getByTestId('sla-status-breached')).toHaveTextContent(
      'Breached',
    );
    // A stopped breached timer has no due time: how far over the target it went.
    expect(
      screen.getByText('2h of 1h · breached, 1h over'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByText('Response').parentElement!).getByText('Paused'),
    ).toBeInTheDocument();
  });
});
