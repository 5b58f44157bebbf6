import {
  RECORD_NUMBER_PREFIX,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * A record number as people type it, in the form the server stores: `chg-45`, `CHG45`
 * or `CHG-000045` → `CHG-000045` (for changes; the kind's prefix for others); undefined
 * when it is no number of the kind.
 */
export function normalizeRecordNumber(
  kind: RecordKind,
  input: string,
): string | undefined {
  const prefix = RECORD_NUMBER_PREFIX[kind];
  const match = new RegExp(`^\\s*${prefix}-?(\\d{1,9})\\s*$`, 'i').exec(input);
  if (!match) return undefined;
  const digits = match[1].replace(/^0+(?=\d)/, '').padStart(6, '0');
  return `${prefix}-${digits}`;
}
