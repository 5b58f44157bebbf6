import { InputError } from '@backstage/errors';

/**
 * A text that must say something (a title, a comment): a 400 naming the field when it
 * is only white space, which the schema's minLength lets through.
 */
export function nonBlank(field: string, value: string): string {
  if (!value.trim()) throw new InputError(`${field} must not be blank`);
  return value;
}
