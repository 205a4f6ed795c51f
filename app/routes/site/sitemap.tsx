// GET /sitemap.xml: the public pages, the published events that have not ended, live public
// articles, published stories and the newsletter archive. Not cached: a story withdrawn or an
// article taken off must leave it at once, and the file is cheap to make.
import type { Route } from './+types/sitemap';
import { getState } from '../../lib/state.server';
import { sitemapXml } from '../../../src/features/site/sitemap.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { db, config } = getState(context).services;
  const xml = await sitemapXml(db, { appUrl: config.appUrl, now: new Date() });
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
}
