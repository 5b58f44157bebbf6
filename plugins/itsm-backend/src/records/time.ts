/**
 * Timestamps are written as ISO strings and read back through this function, because
 * PostgreSQL returns Date objects and SQLite returns the stored string.
 */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(value as string).toISOString();
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}
