import { z } from 'zod/v4';
import {
  configIssueMessage,
  formatConfigPath,
  namingIssue,
  parseConfig,
} from './parseConfig';
import {
  configObject,
  groupRef,
  listsAsObjects,
  nonEmptyString,
  readWith,
  wholeValue,
} from './schemas';

/** The message parseConfig throws, or undefined when it parses. */
function messageOf(schema: z.ZodType, raw: unknown, key = 'itsm.x'): unknown {
  try {
    parseConfig(schema, raw, key);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('formatConfigPath', () => {
  it.each([
    [[], ''],
    [['timeZone'], '.timeZone'],
    [[2], '[2]'],
    [[2, 'targets', 'resolution'], '[2].targets.resolution'],
    [['hours', 'mon', 0], '.hours.mon[0]'],
    [['eu-office', 'hours'], '.eu-office.hours'],
    // A key that looks like a number is still a key (`when.0`), not an index.
    [['when', '0'], '.when.0'],
    [[0, 1], '[0][1]'],
  ])('%j → %j', (path, text) => {
    expect(formatConfigPath(path)).toBe(text);
  });
});

describe('parseConfig', () => {
  const settings = configObject(
    {
      name: nonEmptyString('must be a non-empty string'),
      limits: z
        .array(z.number({ error: 'must be a number' }), {
          error: 'must be a list of numbers',
        })
        .optional(),
    },
    { notObject: 'must be an object', unknownKey: 'is not a setting' },
  );

  it('returns what the schema makes of the value', () => {
    expect(
      parseConfig(settings, { name: ' a ', limits: [1, 2] }, 'itsm.x'),
    ).toEqual({ name: 'a', limits: [1, 2] });
  });

  it('names the key, the path in it and the message', () => {
    expect(messageOf(settings, { name: 'a', limits: [1, 'two'] })).toBe(
      'itsm.x.limits[1] must be a number',
    );
    expect(messageOf(settings, 'x', 'itsm.sla.calendars.office')).toBe(
      'itsm.sla.calendars.office must be an object',
    );
    expect(
      messageOf(z.array(settings), [{ name: 'a' }, { name: '' }], 'itsm.xs'),
    ).toBe('itsm.xs[1].name must be a non-empty string');
  });

  it('reports the first issue only', () => {
    expect(messageOf(settings, { name: 3, limits: 'x' })).toBe(
      'itsm.x.name must be a non-empty string',
    );
    expect(
      messageOf(z.array(settings), [{ name: 'a', limits: [true] }, {}]),
    ).toBe('itsm.x[0].limits[0] must be a number');
  });

  it('names an unknown key by its path, before the other issues of its object', () => {
    expect(messageOf(settings, { name: 'a', colour: 'red', size: 1 })).toBe(
      'itsm.x.colour is not a setting',
    );
    expect(messageOf(settings, { limits: 'x', colour: 'red' })).toBe(
      'itsm.x.colour is not a setting',
    );
    expect(
      messageOf(z.array(settings), [{ name: 'a' }, { name: 'b', '0': 1 }]),
    ).toBe('itsm.x[1].0 is not a setting');
  });

  it('drops unknown keys when the object names no message for them', () => {
    const loose = configObject(
      { name: z.string() },
      { notObject: 'must be an object' },
    );
    expect(parseConfig(loose, { name: 'a', other: 1 }, 'itsm.x')).toEqual({
      name: 'a',
    });
  });

  it('ends a message with the other key a namingIssue names', () => {
    const ascending = z.array(z.number()).check(ctx => {
      const i = ctx.value.findIndex((v, j) => j > 0 && v <= ctx.value[j - 1]);
      if (i > 0) {
        ctx.issues.push(
          namingIssue({
            path: [i],
            message: 'must be greater than',
            names: [i - 1],
            input: ctx.value,
          }),
        );
      }
    });
    expect(
      messageOf(
        z.array(z.object({ levels: ascending })),
        [{ levels: [1, 2] }, { levels: [1, 3, 2] }],
        'itsm.y',
      ),
    ).toBe('itsm.y[1].levels[2] must be greater than itsm.y[1].levels[1]');
  });

  it('formats any zod issue the same way', () => {
    const result = z
      .object({ a: z.object({ b: z.string({ error: 'must be text' }) }) })
      .safeParse({ a: { b: 1 } });
    expect(result.success).toBe(false);
    expect(configIssueMessage(result.error!.issues[0], 'itsm.z')).toBe(
      'itsm.z.a.b must be text',
    );
  });
});

describe('the schema building blocks', () => {
  it('wholeValue states one issue for the whole value', () => {
    const tags = wholeValue(
      z.array(z.string().trim().min(1)).min(1),
      'must be a non-empty list of strings',
    );
    expect(parseConfig(tags, [' a ', 'b'], 'itsm.tags')).toEqual(['a', 'b']);
    expect(messageOf(tags, ['a', ' '], 'itsm.tags')).toBe(
      'itsm.tags must be a non-empty list of strings',
    );
  });

  it('readWith says what the reader could not read, with the value if asked', () => {
    const even = readWith(
      value =>
        typeof value === 'number' && value % 2 === 0 ? value : undefined,
      value => `must be even, got ${String(value)}`,
    );
    expect(parseConfig(even, 4, 'itsm.n')).toBe(4);
    expect(messageOf(even, 3, 'itsm.n')).toBe('itsm.n must be even, got 3');
  });

  it('groupRef normalizes group refs and refuses other refs', () => {
    const group = groupRef('must be a group ref');
    expect(parseConfig(group, 'group:Platform', 'itsm.g')).toBe(
      'group:default/platform',
    );
    expect(messageOf(group, 'user:default/alice', 'itsm.g')).toBe(
      'itsm.g must be a group ref',
    );
    expect(messageOf(group, 7, 'itsm.g')).toBe('itsm.g must be a group ref');
  });

  it('listsAsObjects reads a list as the object of its indexes', () => {
    const conditions = listsAsObjects(
      configObject(
        { type: z.string().optional() },
        { notObject: 'must be an object', unknownKey: 'is not a condition' },
      ),
    );
    expect(parseConfig(conditions, [], 'itsm.when')).toEqual({});
    expect(messageOf(conditions, ['x'], 'itsm.when')).toBe(
      'itsm.when.0 is not a condition',
    );
    expect(messageOf(conditions, null, 'itsm.when')).toBe(
      'itsm.when must be an object',
    );
  });
});
