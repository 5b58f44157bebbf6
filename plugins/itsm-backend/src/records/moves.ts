import { ConflictError, InputError } from '@backstage/errors';
import {
  GuardProblem,
  guardMessages,
  RecordCore,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * What a kind says about moving one of its records: where it may go from its state,
 * who may move it there, and what the move must carry. Declared per kind; checked in
 * one place so that every kind answers a refused move the same way.
 */
export interface MoveRules<S extends RecordCore, I extends { to: string }, A> {
  /** Whether a state still needs work (lists show open records by default). */
  open(state: S['state']): boolean;
  /** The states it may move to from where it is. */
  allowed(current: S): readonly string[];
  /** How the record is named in a refusal (default: its number). */
  subject?(current: S): string;
  /** Throws NotAllowedError when `actor` may not make this move (domain rule, not permission). */
  mover?(current: S, to: I['to'], actor: A): void;
  /** What is missing or wrong in the input, by field. */
  guard(current: S, input: I): GuardProblem[];
}

/**
 * Checks a move in the order a caller can act on: not a move from here (409), not
 * theirs to make (403), then what the input lacks (400, every problem at once).
 */
export function checkMove<S extends RecordCore, I extends { to: string }, A>(
  rules: MoveRules<S, I, A>,
  current: S,
  input: I,
  actor: A,
): void {
  const allowed = rules.allowed(current);
  if (!allowed.includes(input.to)) {
    const subject = rules.subject?.(current) ?? current.number;
    throw new ConflictError(
      `${subject} cannot move from ${current.state} to ${input.to}; allowed: ${
        allowed.length
          ? allowed.join(', ')
          : `none (the ${current.kind} is ${current.state})`
      }`,
    );
  }
  rules.mover?.(current, input.to, actor);
  throwProblems(rules.guard(current, input));
}

/** A 400 naming every problem of the input (nothing is written). */
export function throwProblems(problems: GuardProblem[]): void {
  if (problems.length) throw new InputError(guardMessages(problems).join('; '));
}
