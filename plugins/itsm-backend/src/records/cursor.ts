import { InputError } from '@backstage/errors';
import { z } from 'zod/v4';
import { isDateTime } from './dateTime';

/** A timestamp exactly as the stores write it (toISOString), which SQLite compares as text. */
export const cursorTimestamp = z.iso
  .datetime({ precision: 3 })
  .refine(isDateTime);

/** Position of the last row of a page: lists are ordered by (created_at, id) descending. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

const recordPosition = z.tuple([cursorTimestamp, z.uuid()]);

/** The key of the last row of a page, opaque to clients. */
export function encodeKey(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The key of a cursor, only when it has exactly the shape this API encodes: whatever
 * else a client sends is a 400 here, never a value the database has to make sense of.
 */
export function decodeKey<T extends z.ZodType>(
  cursor: string,
  schema: T,
): z.infer<T> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new InputError('cursor is not a cursor returned by this API');
  }
  return parsed.data;
}

export function encodeCursor(position: KeysetPosition): string {
  return encodeKey([position.createdAt, position.id]);
}

export function decodeCursor(cursor: string): KeysetPosition {
  const [createdAt, id] = decodeKey(cursor, recordPosition);
  return { createdAt, id };
}
