import { screen } from '@testing-library/react';
import { renderInTestApp, textContentMatcher } from '@backstage/test-utils';
import { TimelineEntry } from '@backstage-itsm/plugin-itsm-common';
import { mountedRoutes } from '../../__testUtils__/render';
import { Timeline } from './Timeline';

const at = new Date(Date.now() - 3600_000).toISOString();
const entry = (
  seq: number,
  fields: Omit<TimelineEntry, 'id' | 'recordId' | 'seq' | 'actor' | 'at'>,
): TimelineEntry => ({
  id: `t${seq}`,
  recordId: 'r',
  seq,
  actor: 'user:default/alice',
  at,
  ...fields,
});

describe('Timeline', () => {
  it("shows a linked problem's workaround and links made and removed", async () => {
    await renderInTestApp(
      <Timeline
        kind="incident"
        entries={[
          entry(1, {
            type: 'field_changed',
            changes: [{ field: 'problem', from: null, to: 'PRB-000012' }],
          }),
          entry(2, {
            type: 'workaround',
            body: 'Workaround from PRB-000012 (Pool exhaustion): Restart the pods',
          }),
          entry(3, {
            type: 'link_removed',
            body: 'INC-000009 (Checkout fails) was unlinked from this problem',
          }),
        ]}
      />,
      { mountedRoutes },
    );
    expect(screen.getByTestId('timeline-workaround')).toHaveTextContent(
      'WorkaroundWorkaround from PRB-000012 (Pool exhaustion): Restart the pods',
    );
    expect(screen.getByText('link removed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'INC-000009 (Checkout fails) was unlinked from this problem',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(textContentMatcher('problem: none → PRB-000012')),
    ).toBeInTheDocument();
  });

  it("labels a problem's states, resolution codes and known error", async () => {
    await renderInTestApp(
      <Timeline
        kind="problem"
        entries={[
          entry(1, { type: 'created' }),
          entry(2, {
            type: 'state_changed',
            fromState: 'root_cause_analysis',
            toState: 'resolved',
            changes: [
              { field: 'resolutionCode', from: null, to: 'risk_accepted' },
            ],
          }),
          entry(3, {
            type: 'field_changed',
            changes: [{ field: 'knownError', from: false, to: true }],
          }),
        ]}
      />,
      { mountedRoutes },
    );
    expect(screen.getByText('opened the problem')).toBeInTheDocument();
    expect(
      screen.getByTestId('state-chip-root_cause_analysis'),
    ).toHaveTextContent('Root cause analysis');
    expect(
      screen.getByText(
        textContentMatcher(
          'resolution code: none → Workaround only / risk accepted',
        ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        textContentMatcher('known error: not published → published'),
      ),
    ).toBeInTheDocument();
  });

  it('shows alerts and stakeholder updates, and never fails on a type it does not know', async () => {
    await renderInTestApp(
      <Timeline
        kind="incident"
        entries={[
          entry(1, {
            type: 'alert',
            body: 'Alert HighErrorRate firing on payments-api\n\nSource: http://prometheus.example/graph <img src=x onerror=alert(1)>',
          }),
          entry(2, {
            type: 'stakeholder_update',
            body: 'Payments are degraded; next update at 10:00',
          }),
          entry(3, {
            type: 'constructor' as TimelineEntry['type'],
            body: 'From a newer backend',
          }),
          entry(4, { type: 'something_new' as TimelineEntry['type'] }),
        ]}
      />,
      { mountedRoutes },
    );
    expect(screen.getByTestId('timeline-alert')).toHaveTextContent(
      'AlertAlert HighErrorRate firing on payments-api',
    );
    // Written entries are shown as written (plain text): HTML in them is text.
    expect(screen.getByTestId('timeline-alert')).toHaveTextContent(
      '<img src=x onerror=alert(1)>',
    );
    expect(screen.getByTestId('timeline-alert').querySelector('img')).toBeNull();
    expect(screen.getByTestId('timeline-stakeholder-update')).toHaveTextContent(
      'Stakeholder updatePayments are degraded; next update at 10:00',
    );
    expect(screen.getByText('From a newer backend')).toBeInTheDocument();
    expect(screen.getByText('something new')).toBeInTheDocument();
  });
});
