import { GuardProblem } from '@backstage-itsm/plugin-itsm-common';
import { KindRecord, MoveDescriptor, MoveInput } from './descriptor';

/** What the user entered in a move's dialog, by field name ('' when empty). */
export type MoveValues = Record<string, string>;

/** The problems of a move's form: by field, and those that belong to no field. */
export interface MoveProblems {
  fields: Record<string, string>;
  other: string[];
}

/**
 * The form of one move of a record, by its kind's descriptor: the fields it asks for,
 * the request it sends, and the kind's guard (the one the backend enforces) read field
 * by field.
 */
export function moveForm<R extends KindRecord>(
  moves: MoveDescriptor<R>,
  record: R,
  to: R['state'],
) {
  const fields = moves.fields(to, record);
  const describe = (problem: GuardProblem) =>
    moves.describe ? moves.describe(problem) : problem.message;

  /** The move's request: the target and the fields that are filled in. */
  const input = (values: MoveValues): MoveInput<R> => {
    const filled: Record<string, string | boolean> = {};
    for (const field of fields) {
      const value = values[field.name] ?? '';
      if (field.checkbox) {
        if (value === 'true') filled[field.name] = true;
      } else if (value.trim()) {
        filled[field.name] = field.trim ? value.trim() : value;
      }
    }
    return { to, ...filled };
  };

  return {
    fields,
    input,

    /** Whether the guard requires `field`, given the other values. */
    isRequired(values: MoveValues, field: string): boolean {
      return moves
        .guard(record, input({ ...values, [field]: '' }))
        .some(
          problem => problem.field === field && problem.code === 'required',
        );
    },

    /**
     * The guard's problems with what the user entered, plus the length limits, each at
     * the field the user must fix: a required field left empty gets the field's own
     * words; what belongs to no field of the move (a change's plan) is `other`.
     */
    problems(values: MoveValues): MoveProblems {
      const result: MoveProblems = { fields: {}, other: [] };
      for (const problem of moves.guard(record, input(values))) {
        const field = fields.find(f => f.name === problem.field);
        if (field?.missing && problem.code === 'required') {
          result.fields[field.name] = field.missing;
        } else {
          result.other.push(describe(problem));
        }
      }
      for (const field of fields) {
        const length = values[field.name]?.length ?? 0;
        if (field.maxLength && length > field.maxLength)
          result.fields[field.name] = `At most ${field.maxLength} characters`;
      }
      return result;
    },

    /**
     * What stops the move before its dialog opens: the guard's problems with the record
     * itself (a change's plan), that no field of the move can fix.
     */
    blockers(): string[] {
      const names = fields.map(field => field.name);
      return moves
        .guard(record, { to })
        .filter(problem => !names.includes(problem.field))
        .map(describe);
    },
  };
}
