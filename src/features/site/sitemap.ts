// The public site's sitemap.xml and robots.txt (issue 14, point 1): only pages anyone may read
// without signing in. Events come from the events feature's public list (drafts never appear), articles from the
// knowledge bank's live public ones.
import type { Tx } from '../../platform/db/db.ts';
import { listPublicEvents } from '../events/events.queries.ts';
import { listPublicArticles } from '../knowledge/knowledge.queries.ts';
import { listArchive } from '../newsletters/newsletters.queries.ts';
import { listPublicOrganizations } from '../organizations/public-organizations.ts';
import { listPublishedStories } from '../stories/stories.queries.ts';

/** Public pages that need no data, in the order the sitemap lists them. */
export const staticPublicPaths: readonly string[] = [
  '/',
  '/how-it-works',
  '/events',
  '/knowledge',
  '/stories',
  '/newsletters',
  '/newsletters/subscribe',
  '/apply',
  '/training',
  '/organizations',
  '/advice/public',
  '/privacy',
  '/accessibility',
];

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

export async function sitemapXml(db: Tx, { appUrl, now }: { appUrl: string; now: Date }): Promise<string> {
  const [events, articles, organizations, stories, mailings] = await Promise.all([
    listPublicEvents(db, { now }),
    listPublicArticles(db, { limit: 5000 }),
    listPublicOrganizations(db),
    listPublishedStories(db, { locale: 'fi', limit: 5000 }),
    listArchive(db, { limit: 5000 }),
  ]);
  const urls = [
    ...staticPublicPaths.map((path) => ({ loc: appUrl + path, lastmod: null as Date | null })),
    ...organizations.map((o) => ({ loc: `${appUrl}/organizations/${o.slug}`, lastmod: null as Date | null })),
    ...events.filter((e) => e.event.status === 'published').map((e) => ({ loc: `${appUrl}/events/${e.event.id}`, lastmod: e.event.updatedAt })),
    // Live public articles only: an article for signed-in people or one organisation is not listed.
    ...articles.map((a) => ({ loc: `${appUrl}/knowledge/${a.slug}`, lastmod: a.updatedAt })),
    // Published stories only: a withdrawn one is gone from here at once.
    ...stories.map((s) => ({ loc: `${appUrl}/stories/${s.slug}`, lastmod: s.updatedAt })),
    // The newsletter archive: only mailings sent to public subscribers.
    ...mailings.map((m) => ({ loc: `${appUrl}/newsletters/${m.newsletter.id}`, lastmod: m.newsletter.sentAt })),
  ];
  const body = urls
    .map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** Signed-in areas and token links are not for crawlers; the sitemap is named. */
export function robotsTxt({ appUrl }: { appUrl: string }): string {
  const disallowed = ['/organization/', '/admin', '/home', '/groups', '/meetings', '/journal', '/materials', '/profile', '/my-data', '/invitation', '/events/cancel/', '/advice/', '/calendar/', '/check-in', '/sign-in', '/reset-password', '/knowledge/new', '/knowledge/manage', '/newsletters/confirm/', '/newsletters/unsubscribe/'];
  return ['User-agent: *', ...disallowed.map((p) => `Disallow: ${p}`), 'Allow: /advice/public', '', `Sitemap: ${appUrl}/sitemap.xml`, ''].join('\n');
}
