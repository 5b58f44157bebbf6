import { incidentTransitionGuard } from './incident';
import { problemTransitionGuard } from './problem';
import { resolutionGuard } from './resolution';

const fields = (problems: { field: string; code: string }[]) =>
  problems.map(p => [p.field, p.code]);

describe('the resolution guard', () => {
  it('asks for a code and notes to resolve, and takes them only then', () => {
    expect(fields(resolutionGuard({ to: 'resolved' }))).toEqual([
      ['resolutionCode', 'required'],
      ['resolutionNotes', 'required'],
    ]);
    expect(
      resolutionGuard({
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Restarted the pool',
      }),
    ).toEqual([]);
    expect(
      fields(resolutionGuard({ to: 'in_progress', resolutionNotes: 'x' })),
    ).toEqual([['resolutionNotes', 'not_allowed']]);
    expect(
      fields(
        resolutionGuard({
          to: 'closed',
          resolutionCode: 'x',
          resolutionNotes: 'y',
        }),
      ),
    ).toEqual([['resolutionCode', 'not_allowed']]);
  });

  it('guards incidents and problems alike', () => {
    for (const guard of [incidentTransitionGuard, problemTransitionGuard]) {
      expect(guard({ to: 'resolved' })).toEqual(
        resolutionGuard({ to: 'resolved' }),
      );
    }
    expect(
      fields(
        incidentTransitionGuard({ to: 'on_hold', resolutionCode: 'fixed' }),
      ),
    ).toEqual([
      ['resolutionCode', 'not_allowed'],
      ['holdReason', 'required'],
    ]);
    expect(
      fields(
        problemTransitionGuard({ to: 'resolved', resolutionCode: 'canceled' }),
      ),
    ).toEqual([
      ['resolutionCode', 'invalid'],
      ['resolutionNotes', 'required'],
    ]);
  });
});
