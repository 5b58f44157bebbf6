/**
 * The parts of an ISO-8601 duration, as RFC 3339 appendix A writes them:
 * `P[nY][nM][nD][T[nH][nM][nS]]` or `PnW`. Whole numbers only (the grammar ajv-formats'
 * `duration` format accepts), so every consumer of `spec.fulfillmentTarget` reads it the
 * same way.
 */
export type IsoDurationParts = {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

const DURATION =
  /^P(?!$)(?:(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?|(\d+)W)$/;

/** The parts of `value`, or undefined when it is not an ISO-8601 duration. */
export function parseIsoDuration(value: string): IsoDurationParts | undefined {
  const match = DURATION.exec(value);
  if (!match) {
    return undefined;
  }
  const n = (part: string | undefined) => (part ? Number(part) : 0);
  return {
    years: n(match[1]),
    months: n(match[2]),
    days: n(match[3]),
    hours: n(match[4]),
    minutes: n(match[5]),
    seconds: n(match[6]),
    weeks: n(match[7]),
  };
}

/** Whether the duration is longer than zero. */
export function isPositiveDuration(parts: IsoDurationParts): boolean {
  return Object.values(parts).some(part => part > 0);
}
