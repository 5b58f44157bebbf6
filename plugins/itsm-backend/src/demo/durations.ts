import { Duration } from 'luxon';
import { z } from 'zod';

/** An ISO-8601 duration in the demo file (PT3H, P2D). */
export const duration = z
  .string()
  .refine(value => Duration.fromISO(value).isValid, {
    message: 'must be an ISO-8601 duration such as PT3H or P2D',
  });

/** Milliseconds of a duration that passed `duration`; 0 when absent. */
export const ms = (iso: string | undefined) =>
  iso ? Duration.fromISO(iso).toMillis() : 0;
