import { bindChoice, bindField } from './formSection';
import { commentProblem, recordCoreRequest } from './validation';
import { ratedRecordRequest } from './RatedRecordFields';

describe('bindField', () => {
  const section = {
    idPrefix: 'itsm-x',
    values: { title: 'Disk full', level: 2 as 1 | 2 | 3 },
    errors: { title: 'Too long' } as Partial<Record<'title' | 'level', string>>,
    onChange: jest.fn(),
  };

  it('binds id, value, error and change to one value', () => {
    const field = bindField(section, 'title');
    expect(field).toMatchObject({
      id: 'itsm-x-title',
      value: 'Disk full',
      error: 'Too long',
    });
    field.onChange('Disk almost full');
    expect(section.onChange).toHaveBeenCalledWith({
      title: 'Disk almost full',
    });
  });

  it('takes another end of the id', () => {
    expect(bindField(section, 'title', 'entity-ref').id).toBe(
      'itsm-x-entity-ref',
    );
  });

  it('does not take the empty choice of a select', () => {
    section.onChange.mockClear();
    const choice = bindChoice(section, 'level');
    choice.onChange('');
    choice.onChange(3);
    expect(section.onChange.mock.calls).toEqual([[{ level: 3 }]]);
  });
});

describe('commentProblem', () => {
  it('asks for a required comment', () => {
    expect(commentProblem('  ', 'Say why')).toBe('Say why');
    expect(commentProblem('  ')).toBeUndefined();
  });

  it('refuses a comment over the limit', () => {
    expect(commentProblem('x'.repeat(100_000))).toMatch(/^At most \d+/);
    expect(commentProblem('Fine', 'Say why')).toBeUndefined();
  });
});

describe('recordCoreRequest', () => {
  it('trims the title and leaves out an empty description', () => {
    expect(
      recordCoreRequest({
        title: '  Disk full ',
        description: '  ',
        entityRef: 'component:default/payments',
      }),
    ).toEqual({ title: 'Disk full', entityRef: 'component:default/payments' });
  });

  it('adds the rating of a rated record', () => {
    expect(
      ratedRecordRequest({
        title: 'Disk full',
        description: 'Since 9:00',
        entityRef: 'component:default/payments',
        impact: 1,
        urgency: 3,
      }),
    ).toEqual({
      title: 'Disk full',
      description: 'Since 9:00',
      entityRef: 'component:default/payments',
      impact: 1,
      urgency: 3,
    });
  });
});
