// A link the person may not follow is not shown (issue 11, point 3): the links come from the same
// policy as the routes. Signed in as each demo role (README's demo sign-ins, with the demo
// password), the crawler follows same-origin links breadth-first from /home — GET only, bounded,
// never signing out or downloading — and no link answers 403 or a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoLogins, demoLoginsSecondOrganization } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { startTestApp, type TestApp } from '../tests/setup/app.ts';

const MAX_PAGES = 150;
/** Links that sign out, download a file or open a calendar feed: not pages to crawl. */
const skipped = [/^\/sign-out/, /\/download(\/|$|\?)/, /\.(ics|csv|xlsx|md|pdf|html)(\?|$)/, /\/export(\/|$|\?|\.)/, /^\/calendar\//, /^\/dev\//];

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemo({ db: app.database.db });
}, 240_000);
afterAll(async () => {
  await app?.close();
});

async function signInAs(email: string): Promise<string> {
  const res = await fetch(`${app.url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url, 'accept-language': 'fi' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  expect(res.status, email).toBe(302);
  expect(cookie, email).not.toBe('');
  return cookie;
}

/** The same-origin page links of an HTML page, as paths with their query, without fragments. */
function linksOf(html: string, from: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b([^>]*)>/g)) {
    const attrs = m[1]!;
    if (/\sdownload(\s|=|$)/.test(attrs)) continue;
    const href = /\shref="([^"]*)"/.exec(attrs)?.[1]?.replaceAll('&amp;', '&');
    if (!href || href.startsWith('#') || href.startsWith('mailto:') || href.startsWith('tel:')) continue;
    const url = new URL(href, app.url + from);
    if (url.origin !== app.url) continue;
    const path = url.pathname + url.search;
    if (skipped.some((r) => r.test(url.pathname) || r.test(path))) continue;
    out.push(path);
  }
  return out;
}

describe('every link shown to a demo role can be followed', () => {
  it.each([...demoLogins, ...demoLoginsSecondOrganization].map((l) => [l.role, l.email] as const))(
    '%s (%s): no link answers 403 or 5xx',
    async (_role, email) => {
      const cookie = await signInAs(email);
      const seen = new Set<string>(['/home']);
      const queue: { path: string; from: string }[] = [{ path: '/home', from: '(start)' }];
      const bad: string[] = [];
      let visited = 0;
      while (queue.length && visited < MAX_PAGES) {
        const { path, from } = queue.shift()!;
        visited++;
        const res = await fetch(app.url + path, { redirect: 'manual', headers: { cookie, 'accept-language': 'fi' } });
        const type = res.headers.get('content-type') ?? '';
        const body = type.includes('text/html') ? await res.text() : (await res.arrayBuffer(), '');
        if (res.status === 403 || res.status >= 500) bad.push(`${res.status} ${path} (linked from ${from})`);
        if (res.status !== 200 || !body) continue;
        for (const link of linksOf(body, path)) {
          if (seen.has(link)) continue;
          seen.add(link);
          queue.push({ path: link, from: path });
        }
      }
      expect(bad).toEqual([]);
      // The crawl went somewhere: each role's home links to more than itself.
      expect(visited).toBeGreaterThan(3);
    },
  );
});
