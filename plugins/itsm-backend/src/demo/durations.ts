import {
  isoDurationMillis,
  parseIsoDuration,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod/v4';

/** An ISO-8601 duration in the demo file (PT3H, P2D), read by the shared reader. */
export const duration = z
  .string()
  .refine(value => parseIsoDuration(value) !== undefined, {
    error: 'must be an ISO-8601 duration such as PT3H or P2D',
  });

/** Milliseconds of a duration that passed `duration`; 0 when absent or zero. */
export const ms = (iso: string | undefined) =>
  iso ? isoDurationMillis(iso) ?? 0 : 0;
