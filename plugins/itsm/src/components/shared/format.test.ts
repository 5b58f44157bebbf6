import {
  formatAge,
  formatRelativeTime,
  humanizeCode,
  humanizeRef,
} from './format';

describe('format', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');

  it('formats ages compactly', () => {
    expect(formatAge('2025-03-10T11:59:30Z', now)).toBe('30s');
    expect(formatAge('2025-03-10T11:15:00Z', now)).toBe('45m');
    expect(formatAge('2025-03-10T07:00:00Z', now)).toBe('5h');
    expect(formatAge('2025-03-07T12:00:00Z', now)).toBe('3d');
  });

  it('formats relative times', () => {
    expect(formatRelativeTime('2025-03-10T11:55:00Z', now)).toBe(
      '5 minutes ago',
    );
    expect(formatRelativeTime('2025-03-08T12:00:00Z', now)).toBe('2 days ago');
  });

  it('humanizes refs', () => {
    expect(humanizeRef('user:default/alice')).toBe('alice');
    expect(humanizeRef('group:ops/sre')).toBe('ops/sre');
    expect(humanizeRef('component:default/payments')).toBe(
      'component:payments',
    );
    expect(humanizeRef('not a ref')).toBe('not a ref');
    expect(humanizeRef(null)).toBe('');
  });

  it('humanizes codes', () => {
    expect(humanizeCode('assignmentGroup')).toBe('assignment group');
    expect(humanizeCode('awaiting_caller')).toBe('awaiting caller');
  });
});
