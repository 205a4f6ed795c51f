// How long to wait after a rate limit, said in words (issue 11): one helper for every form's
// error summary and the error page. Kept apart from form.tsx so the root shell imports no catalog.
import { useT } from '../lib/i18n';

/** The wait a rate-limited answer carried, if any (for `ErrorSummary`'s `retryAfterSeconds`). */
export function retryAfterOf(result: unknown): number | undefined {
  if (typeof result !== 'object' || result === null || !('retryAfterSeconds' in result)) return undefined;
  return typeof result.retryAfterSeconds === 'number' ? result.retryAfterSeconds : undefined;
}

/** "Try again in N minutes": the rate limit's message with the wait, rounded up to whole minutes. */
export function useRateLimitMessage() {
  const t = useT();
  return (retryAfterSeconds: number | undefined): string =>
    retryAfterSeconds ? t('error.rateLimitedWait', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }) : t('error.rateLimited');
}
