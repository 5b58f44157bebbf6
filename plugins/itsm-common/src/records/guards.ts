/** What a guard found wrong with a move or a record, field by field. */
export type GuardCode =
  /** The field must be given for this move. */
  | 'required'
  /** The field may not be given for this move. */
  | 'not_allowed'
  /** The field's value is not acceptable. */
  | 'invalid'
  /** The field is out of order with another (an end before its start). */
  | 'order';

/**
 * One refusal of a workflow guard. The backend answers a 400 with the messages; the
 * frontend places each problem at its `field` by `code` and never reads the message
 * to decide anything.
 */
export interface GuardProblem {
  /** The API field to fix, as the request or the record names it. */
  field: string;
  code: GuardCode;
  /** What is wrong, in the API's words (field names as the API spells them). */
  message: string;
}

/** The messages of a guard's problems (the text of the backend's 400). */
export function guardMessages(problems: GuardProblem[]): string[] {
  return problems.map(problem => problem.message);
}

/** A guard that answers with its messages (the text of the backend's 400). */
export function guardMessagesOf<A extends unknown[]>(
  guard: (...args: A) => GuardProblem[],
): (...args: A) => string[] {
  return (...args) => guardMessages(guard(...args));
}
