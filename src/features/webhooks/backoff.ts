// The retry schedule of a webhook delivery: 30 s after the first failed attempt, doubling, at most
// an hour between attempts, and at most eight attempts in all (then the delivery is failed).
export const MAX_WEBHOOK_ATTEMPTS = 8;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 3600;

/** Seconds to wait after `attempts` failed attempts (1 → 30, 2 → 60, …), or null when no attempt is left. */
export function retryDelaySeconds(attempts: number): number | null {
  if (attempts >= MAX_WEBHOOK_ATTEMPTS) return null;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_SECONDS);
}
