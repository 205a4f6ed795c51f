// GET /calendar/feed/<token>.ics: a person's private feed, fetched by calendar apps without a
// session (the token is the permission). Malformed, unknown and revoked tokens all get the same
// bare 404. Rate-limited per IP and per address; never cached by anyone in between.
import type { Route } from './+types/calendar-feed';
import { getState } from '../../lib/state.server';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import { hashFeedToken, readCalendarFeed } from '../../../src/features/meetings/calendar-feed.ts';
import { adviceFeedEvents } from '../../../src/features/advice/feed.ts';

const noStore = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' };

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const { db, config } = state.services;
  const file = params.file ?? '';
  const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
  try {
    // Counted before the lookup, on the token's hash: a hit and a miss take the same path.
    await enforceRateLimits(db, [
      [rateLimitRules.calendarFeedPerIp, state.clientIp],
      [rateLimitRules.calendarFeedPerToken, hashFeedToken(token).slice(0, 32)],
    ]);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return new Response('Too Many Requests', { status: 429, headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(error.retryAfterSeconds) } });
    }
    throw error;
  }
  const body = token ? await readCalendarFeed({ db }, { token, appUrl: config.appUrl }, { extraEvents: adviceFeedEvents(db, config.appUrl) }) : null;
  if (body === null) return new Response('Not Found', { status: 404, headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(body, {
    headers: { ...noStore, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="tyopeili.ics"' },
  });
}
