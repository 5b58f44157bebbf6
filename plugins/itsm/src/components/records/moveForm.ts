import { GuardProblem } from '@backstage-itsm/plugin-itsm-common';
import { KindRecord, MoveDescriptor, MoveField } from './descriptor';

/** What the user entered in a move's dialog, by field name ('' when empty). */
export type MoveValues = Record<string, string>;

/** The problems of a move's form: by field, and those that belong to no field. */
export interface MoveProblems {
  fields: Record<string, string>;
  other: string[];
}

/** The move's request: the target and the fields of this move that are filled in. */
export function moveInput<S extends string, I extends { to: S }>(
  to: S,
  fields: readonly MoveField[],
  values: MoveValues,
): I {
  const input: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name] ?? '';
    if (value.trim()) input[field.name] = field.trim ? value.trim() : value;
  }
  return { to, ...input } as unknown as I;
}

function describe(
  moves: { describe?: (problem: GuardProblem) => string },
  problem: GuardProblem,
): string {
  return moves.describe ? moves.describe(problem) : problem.message;
}

/** Whether the guard requires `field` for the move, given the other values. */
export function isFieldRequired<
  R extends KindRecord<S>,
  S extends string,
  I extends { to: S },
>(
  moves: MoveDescriptor<R, S, I>,
  record: R,
  to: S,
  values: MoveValues,
  field: string,
): boolean {
  const input = moveInput<S, I>(to, moves.fields(to), {
    ...values,
    [field]: '',
  });
  return moves
    .guard(record, input)
    .some(problem => problem.field === field && problem.code === 'required');
}

/**
 * Runs the kind's guard (the one the backend enforces) on what the user entered, plus
 * the length limits, and places each problem at the field the user must fix: a required
 * field left empty gets the field's own words; what belongs to no field of the move (a
 * change's plan) is `other`.
 */
export function moveProblems<
  R extends KindRecord<S>,
  S extends string,
  I extends { to: S },
>(
  moves: MoveDescriptor<R, S, I>,
  record: R,
  to: S,
  values: MoveValues,
): MoveProblems {
  const fields = moves.fields(to);
  const result: MoveProblems = { fields: {}, other: [] };
  for (const problem of moves.guard(record, moveInput(to, fields, values))) {
    const field = fields.find(f => f.name === problem.field);
    if (field?.missing && problem.code === 'required') {
      result.fields[field.name] = field.missing;
    } else {
      result.other.push(describe(moves, problem));
    }
  }
  for (const field of fields) {
    if (field.maxLength && (values[field.name]?.length ?? 0) > field.maxLength)
      result.fields[field.name] = `At most ${field.maxLength} characters`;
  }
  return result;
}

/**
 * What stops a move before its dialog opens: the guard's problems with the record itself
 * (a change's plan), that no field of the move can fix.
 */
export function moveBlockers<
  R extends KindRecord<S>,
  S extends string,
  I extends { to: S },
>(moves: MoveDescriptor<R, S, I>, record: R, to: S): string[] {
  const names = moves.fields(to).map(field => field.name);
  return moves
    .guard(record, moveInput(to, [], {}))
    .filter(problem => !names.includes(problem.field))
    .map(problem => describe(moves, problem));
}
