import {
  changeTransitionGuard,
  ChangePlan,
  standardChangeGuard,
  windowGuard,
} from '../changes/workflow';
import { incidentTransitionGuard } from '../incidents/workflow';
import { requestTransitionGuard } from '../requests/workflow';
import { GuardProblem } from './guards';

/** Field and code only: what the frontend acts on. */
const placed = (problems: GuardProblem[]) =>
  problems.map(({ field, code }) => `${field}:${code}`);

const plan: ChangePlan = {
  type: 'normal',
  plannedStart: '2026-12-01T10:00:00Z',
  plannedEnd: '2026-12-01T11:00:00Z',
  implementationPlan: 'deploy',
  backoutPlan: ' ',
  testPlan: '',
};

describe('workflow guards', () => {
  it('name the field to fix and why, for every kind', () => {
    expect(placed(incidentTransitionGuard({ to: 'resolved' }))).toEqual([
      'resolutionCode:required',
      'resolutionNotes:required',
    ]);
    expect(
      placed(
        incidentTransitionGuard({
          to: 'on_hold',
          holdReason: 'awaiting_caller',
        }),
      ),
    ).toEqual(['comment:required']);
    expect(
      placed(
        incidentTransitionGuard({ to: 'in_progress', resolutionNotes: 'x' }),
      ),
    ).toEqual(['resolutionNotes:not_allowed']);
    expect(placed(changeTransitionGuard(plan, { to: 'authorize' }))).toEqual([
      'backoutPlan:required',
      'testPlan:required',
    ]);
    expect(
      placed(changeTransitionGuard(plan, { to: 'review', closeNotes: 'x' })),
    ).toEqual(['closeNotes:not_allowed']);
    expect(placed(changeTransitionGuard(plan, { to: 'closed' }))).toEqual([
      'closeCode:required',
    ]);
    expect(
      placed(standardChangeGuard({ type: 'standard', risk: 'high' })),
    ).toEqual(['risk:invalid']);
    expect(placed(requestTransitionGuard({ to: 'rejected' }))).toEqual([
      'note:required',
    ]);
  });

  it('tell which end of a window is missing, malformed or out of order', () => {
    expect(placed(windowGuard(null, '2026-12-01T10:00:00Z'))).toEqual([
      'plannedStart:required',
    ]);
    expect(placed(windowGuard('2026-12-01T10:00:00Z', undefined))).toEqual([
      'plannedEnd:required',
    ]);
    expect(placed(windowGuard('soon', '2026-12-01T10:00:00Z'))).toEqual([
      'plannedStart:invalid',
    ]);
    expect(
      placed(windowGuard('2026-12-01T10:00:00Z', '2026-12-01T09:00:00Z')),
    ).toEqual(['plannedEnd:order']);
    expect(windowGuard('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z')).toEqual(
      [],
    );
  });
});
