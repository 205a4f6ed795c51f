// GET /robots.txt: crawlers keep out of signed-in areas and token links; the sitemap is named.
import type { Route } from './+types/robots';
import { getState } from '../../lib/state.server';
import { robotsTxt } from '../../../src/features/site/sitemap.ts';

export function loader({ context }: Route.LoaderArgs) {
  const { config } = getState(context).services;
  return new Response(robotsTxt({ appUrl: config.appUrl }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
