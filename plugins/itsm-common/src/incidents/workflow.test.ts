import {
  allowedIncidentTransitions,
  incidentTransitionProblems,
} from './workflow';
import { computePriority, DEFAULT_PRIORITY_MATRIX } from './priority';
import { formatRecordNumber, normalizeEntityRef } from '../records';

describe('incident priority', () => {
  it.each([
    [1, 1, 'P1'],
    [1, 2, 'P2'],
    [2, 1, 'P2'],
    [1, 3, 'P3'],
    [2, 2, 'P3'],
    [3, 1, 'P3'],
    [2, 3, 'P4'],
    [3, 2, 'P4'],
    [3, 3, 'P5'],
  ] as const)('impact %i × urgency %i is %s', (impact, urgency, expected) => {
    expect(computePriority(impact, urgency)).toBe(expected);
  });

  it('uses a configured matrix', () => {
    const allP1 = DEFAULT_PRIORITY_MATRIX.map(row =>
      row.map(() => 'P1' as const),
    );
    expect(computePriority(3, 3, allP1)).toBe('P1');
  });
});

describe('incident workflow', () => {
  it('allows reopening a resolved incident but nothing after closed', () => {
    expect(allowedIncidentTransitions('resolved')).toContain('in_progress');
    expect(allowedIncidentTransitions('closed')).toEqual([]);
    expect(allowedIncidentTransitions('on_hold')).not.toContain('canceled');
  });

  it('requires a resolution code and notes to resolve', () => {
    expect(incidentTransitionProblems({ to: 'resolved' })).toEqual([
      'resolutionCode is required to resolve',
      'resolutionNotes are required to resolve',
    ]);
    expect(
      incidentTransitionProblems({
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: '  ',
      }),
    ).toEqual(['resolutionNotes are required to resolve']);
    expect(
      incidentTransitionProblems({
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'restarted the pod',
      }),
    ).toEqual([]);
  });

  it('requires a reason for hold and a comment when awaiting the caller', () => {
    expect(incidentTransitionProblems({ to: 'on_hold' })).toContain(
      'holdReason is required to put on hold',
    );
    expect(
      incidentTransitionProblems({
        to: 'on_hold',
        holdReason: 'awaiting_caller',
      }),
    ).toEqual(['a comment to the caller is required when awaiting the caller']);
    expect(
      incidentTransitionProblems({
        to: 'in_progress',
        holdReason: 'awaiting_vendor',
      }),
    ).toEqual(['holdReason is only allowed when putting on hold']);
  });
});

describe('records', () => {
  it('formats numbers per kind', () => {
    expect(formatRecordNumber('incident', 123)).toBe('INC-000123');
    expect(formatRecordNumber('change', 1234567)).toBe('CHG-1234567');
  });

  it('normalizes entity refs and rejects malformed ones', () => {
    expect(normalizeEntityRef('Component:default/Payments')).toBe(
      'component:default/payments',
    );
    expect(normalizeEntityRef('component:payments')).toBe(
      'component:default/payments',
    );
    expect(normalizeEntityRef('payments')).toBeUndefined();
    expect(normalizeEntityRef('component:a/b/c')).toBeUndefined();
    expect(normalizeEntityRef('')).toBeUndefined();
  });
});
