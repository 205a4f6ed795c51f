// Rates and the direction of an outcome change, as the dashboard shows them. Pure; no I/O.

/** numerator / denominator, or null when there is nothing to divide by (shown as "no data", never 0 %). */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/** A rate to the page's precision (0.1 %), null stays null. */
export function roundedRate(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

export type ChangeDirection = 'better' | 'worse' | 'steady' | 'unknown';

/**
 * Which way the released mean change points: only where its 95 % confidence interval excludes zero is
 * it called better or worse (by the instrument's direction); an interval around zero is steady; a
 * withheld change, or one without an interval (no variance, too few pairs), is unknown.
 */
export function changeDirection(
  change: { meanChange: number | null; ciLow: number | null; ciHigh: number | null } | null,
  higherIsBetter: boolean,
): ChangeDirection {
  if (!change || change.meanChange === null || change.ciLow === null || change.ciHigh === null) return 'unknown';
  if (change.ciLow > 0) return higherIsBetter ? 'better' : 'worse';
  if (change.ciHigh < 0) return higherIsBetter ? 'worse' : 'better';
  return 'steady';
}
