import {
  allowedTransitions,
  isOpenState,
  knownErrorGuard,
  problemTransitionGuard,
} from '..';

describe('the problem kind', () => {
  it('moves from analysis to a fix and back, and reopens from resolved', () => {
    expect(allowedTransitions('problem', 'new')).toEqual([
      'assess',
      'root_cause_analysis',
      'canceled',
    ]);
    expect(allowedTransitions('problem', 'fix_in_progress')).toContain(
      'root_cause_analysis',
    );
    expect(allowedTransitions('problem', 'resolved')).toEqual([
      'root_cause_analysis',
      'closed',
    ]);
    expect(allowedTransitions('problem', 'closed')).toEqual([]);
    expect(isOpenState('problem', 'fix_in_progress')).toBe(true);
    expect(isOpenState('problem', 'resolved')).toBe(false);
  });

  it('resolves with a code and notes, cancels with a reason, by field', () => {
    expect(
      problemTransitionGuard({ to: 'resolved' }).map(p => [p.field, p.code]),
    ).toEqual([
      ['resolutionCode', 'required'],
      ['resolutionNotes', 'required'],
    ]);
    expect(
      problemTransitionGuard({
        to: 'resolved',
        resolutionCode: 'canceled',
        resolutionNotes: 'x',
      }).map(p => [p.field, p.code]),
    ).toEqual([['resolutionCode', 'invalid']]);
    expect(
      problemTransitionGuard({
        to: 'resolved',
        resolutionCode: 'risk_accepted',
        resolutionNotes: 'Workaround is enough',
      }),
    ).toEqual([]);
    expect(
      problemTransitionGuard({ to: 'assess', resolutionNotes: 'x' }).map(p => [
        p.field,
        p.code,
      ]),
    ).toEqual([['resolutionNotes', 'not_allowed']]);
    expect(
      problemTransitionGuard({ to: 'canceled', comment: ' ' }).map(p => [
        p.field,
        p.code,
      ]),
    ).toEqual([['comment', 'required']]);
  });

  it('publishes a known error only with its cause and a workaround', () => {
    expect(
      knownErrorGuard({ rootCause: ' ', workaround: null }).map(p => p.field),
    ).toEqual(['rootCause', 'workaround']);
    expect(
      knownErrorGuard({ rootCause: 'Pool too small', workaround: 'Restart' }),
    ).toEqual([]);
  });
});
