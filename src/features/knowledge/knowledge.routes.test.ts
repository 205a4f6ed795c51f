// The knowledge bank over HTTP: the public list and search with marked words, an article page
// for whoever may read it (404 otherwise, also for a draft), the writer's form with translated
// errors that change nothing, the way to publishing, a stale save refused, pictures served in
// their detected type, and the sitemap listing live public articles only. Script in an article
// comes out as text.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { htmlBytes, pngBytes } from '../../../tests/factories/files.ts';
import { publishArticle } from './article-workflow.ts';
import { articleFiles, articles } from './knowledge.schema.ts';
import { createArticle } from './write-article.ts';

let app: TestApp;
let orgId: string;
const cookies: Record<string, string> = {};
let publicSlug: string;
let ownSlug: string;
let draftSlug: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  orgId = org.id;
  const other = await createTestOrganization(db);
  const people = {
    coordinator: await createTestMember(db, { organizationId: org.id, role: 'coordinator' }),
    facilitator: await createTestMember(db, { organizationId: org.id, role: 'facilitator' }),
    entrepreneur: await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' }),
    stranger: await createTestMember(db, { organizationId: other.id, role: 'entrepreneur' }),
  };
  for (const [who, user] of Object.entries(people)) cookies[who] = (await signIn(db, user.id)).cookie;
  const coordinator = await actorFor(db, people.coordinator.id, org.id);
  const write = async (title: string, body: string, visibility: 'public' | 'organization', publish = true) => {
    const article = await createArticle(coordinator, app.services, {
      organizationId: org.id,
      title,
      summary: '',
      body,
      language: 'fi',
      visibility,
      themes: ['crisis'],
    });
    if (publish) await publishArticle(coordinator, app.services, { organizationId: org.id, articleId: article.id });
    return article.slug;
  };
  publicSlug = await write(
    'Yritystuen hakeminen',
    'Kunnan tukea haetaan lomakkeella.\n\n<script>alert("xss")</script>\n\n[klikkaa](javascript:alert(1))',
    'public',
  );
  ownSlug = await write('Sisäinen muistilista', 'Vain meidän väelle.', 'organization');
  draftSlug = await write('Keskeneräinen luonnos', 'Ei vielä valmis.', 'public', false);
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) => fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
const post = (path: string, who: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, cookie: cookies[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
};

describe('reading', () => {
  it('the public list and search: an inflected word finds the article and is marked', async () => {
    const list = await (await get('/knowledge')).text();
    expect(list).toContain('<h1>Hyvät käytännöt</h1>');
    expect(list).toContain('Yritystuen hakeminen');
    expect(list).not.toContain('Sisäinen muistilista');
    expect(list).not.toContain('Keskeneräinen luonnos');
    const res = await get('/knowledge?q=tuki');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('1 hakutulos');
    expect(html).toContain('<mark>Yritystuen</mark>');
    expect(html).toContain('<mark>tukea</mark>');
  });

  it('an article page for whoever may read it; 404 for a draft and for other people’s organisation-only articles', async () => {
    const page = await get(`/knowledge/${publicSlug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>Yritystuen hakeminen</h1>');
    expect(html).toContain('&lt;script&gt;alert("xss")&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/href="javascript:/i);
    expect((await get(`/knowledge/${draftSlug}`)).status).toBe(404);
    expect((await get(`/knowledge/${draftSlug}`, 'entrepreneur')).status).toBe(404);
    expect((await get(`/knowledge/${draftSlug}`, 'coordinator')).status).toBe(200);
    expect((await get(`/knowledge/${ownSlug}`)).status).toBe(404);
    expect((await get(`/knowledge/${ownSlug}`, 'stranger')).status).toBe(404);
    expect((await get(`/knowledge/${ownSlug}`, 'entrepreneur')).status).toBe(200);
    expect((await get('/knowledge/ei-ole-tallaista')).status).toBe(404);
    expect((await get('/knowledge/EI%20OLE')).status).toBe(404);
  });

  it('one title, a description and Open Graph as an article; the front page lists the live public articles', async () => {
    const html = await (await get(`/knowledge/${publicSlug}`)).text();
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Yritystuen hakeminen – Työpeili</title>');
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(`<meta property="og:url" content="${app.services.config.appUrl}/knowledge/${publicSlug}"/>`);
    expect((await (await get('/knowledge')).text()).match(/<title>/g)).toHaveLength(1);
    const front = await (await get('/')).text();
    expect(front).toContain(`<a href="/knowledge/${publicSlug}">Yritystuen hakeminen</a>`);
    expect(front).not.toContain('Sisäinen muistilista');
    expect(front).not.toContain('Keskeneräinen luonnos');
  });

  it('the sitemap lists live public articles only', async () => {
    const xml = await (await get('/sitemap.xml')).text();
    expect(xml).toContain(`/knowledge/${publicSlug}</loc>`);
    expect(xml).not.toContain(ownSlug);
    expect(xml).not.toContain(draftSlug);
  });
});

describe('writing', () => {
  it('bad input gets translated errors and writes nothing; an entrepreneur may not write', async () => {
    const before = (await app.database.db.select().from(articles).where(eq(articles.organizationId, orgId))).length;
    const res = await post('/knowledge/new', 'facilitator', { title: 'x', body: '   ', language: 'klingon', visibility: 'public' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Kirjoita otsikko (vähintään 3 merkkiä).');
    expect(html).toContain('Kirjoita artikkelin teksti.');
    expect(html).toContain('Valitse artikkelin kieli.');
    expect((await post('/knowledge/new', 'entrepreneur', { title: 'Minun juttuni', body: 'x', language: 'fi', visibility: 'public' })).status).toBe(403);
    expect((await get('/knowledge/new')).status).toBe(302);
    expect((await app.database.db.select().from(articles).where(eq(articles.organizationId, orgId))).length).toBe(before);
  });

  it('a facilitator writes and asks for review; the coordinator publishes; a stale save is refused', async () => {
    const created = await post('/knowledge/new', 'facilitator', {
      title: 'Ajankäyttö hallintaan',
      summary: 'Viikkosuunnitelma.',
      body: 'Suunnittele **viikko** kerralla.',
      language: 'fi',
      visibility: 'public',
      themes: ['time', 'recovery'],
    });
    expect(created.status).toBe(302);
    expect(created.headers.get('location')).toBe('/knowledge/ajankaytto-hallintaan/edit?done=created');
    const edit = await get('/knowledge/ajankaytto-hallintaan/edit', 'facilitator');
    expect(await edit.text()).toContain('Pyydä tarkastusta');
    expect((await get('/knowledge/ajankaytto-hallintaan/edit', 'entrepreneur')).status).toBe(404);
    expect((await post('/knowledge/ajankaytto-hallintaan/edit', 'facilitator', { intent: 'publish' })).status).toBe(403);
    expect((await post('/knowledge/ajankaytto-hallintaan/edit', 'facilitator', { intent: 'submit' })).headers.get('location')).toContain('done=submitted');
    const queue = await (await get('/knowledge/manage', 'coordinator')).text();
    expect(queue).toContain('Ajankäyttö hallintaan');
    expect((await post('/knowledge/ajankaytto-hallintaan/edit', 'coordinator', { intent: 'publish' })).headers.get('location')).toContain('done=published');
    const live = await (await get('/knowledge/ajankaytto-hallintaan')).text();
    expect(live).toContain('<strong>viikko</strong>');
    const fields = { intent: 'save', title: 'Ajankäyttö hallintaan', summary: '', body: 'Uusi teksti.', language: 'fi', visibility: 'public' };
    expect((await post('/knowledge/ajankaytto-hallintaan/edit', 'facilitator', { ...fields, basedOn: '1' })).status).toBe(302);
    const stale = await post('/knowledge/ajankaytto-hallintaan/edit', 'coordinator', { ...fields, body: 'Vanhan päälle.', basedOn: '1' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Joku tallensi artikkelista uudemman version');
    const history = await (await get('/knowledge/ajankaytto-hallintaan/history', 'facilitator')).text();
    expect(history).toContain('Versiohistoria');
    expect(history).toMatch(/>1<\/a> \(julkaistu\)/);
    // The live page still shows version 1.
    expect(await (await get('/knowledge/ajankaytto-hallintaan')).text()).not.toContain('Uusi teksti.');
  });

  it('preview renders the unsaved text as readers will see it (script as text) and saves nothing', async () => {
    const db = app.database.db;
    const count = async () => (await db.select({ id: articles.id }).from(articles).where(eq(articles.organizationId, orgId))).length;
    const before = await count();
    const fields = {
      intent: 'preview',
      title: 'Esikatseltava',
      summary: '',
      body: '## Väliotsikko\n\n**Tärkeää** tekstiä.\n\n<script>alert(1)</script>',
      language: 'fi',
      visibility: 'public',
    };
    const fresh = await post('/knowledge/new', 'facilitator', fields);
    expect(fresh.status).toBe(200);
    const html = await fresh.text();
    expect(html).toContain('Esikatselu – ei vielä tallennettu');
    expect(html).toContain('<h3>Väliotsikko</h3>');
    expect(html).toContain('<strong>Tärkeää</strong>');
    expect(html).not.toContain('<script>alert(1)</script>');
    // the form keeps the text for the writer to go on
    expect(html).toContain('## Väliotsikko');
    expect(await count()).toBe(before);
    // on an existing article: no new version
    const [row] = await db.select({ latest: articles.latestVersion }).from(articles).where(eq(articles.slug, publicSlug));
    const edit = await post(`/knowledge/${publicSlug}/edit`, 'coordinator', { ...fields, basedOn: String(row!.latest) });
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('<strong>Tärkeää</strong>');
    const [after] = await db.select({ latest: articles.latestVersion }).from(articles).where(eq(articles.slug, publicSlug));
    expect(after!.latest).toBe(row!.latest);
    // an entrepreneur may not preview either
    expect((await post('/knowledge/new', 'entrepreneur', fields)).status).toBe(403);
  });

  it('a picture is stored by its bytes and served inline with nosniff; HTML is refused', async () => {
    const upload = (name: string, bytes: Buffer) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)]), name);
      return fetch(`${app.url}/knowledge/${publicSlug}/files`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: app.url, cookie: cookies.coordinator! },
        body: form,
      });
    };
    const ok = await upload('kaavio.png', pngBytes());
    expect(ok.headers.get('location')).toContain('done=uploaded');
    const refused = await upload('sivu.png', htmlBytes());
    expect(refused.headers.get('location')).toContain('file=typeNotAllowed');
    const [file] = await app.database.db
      .select()
      .from(articleFiles)
      .where(and(eq(articleFiles.organizationId, orgId), eq(articleFiles.fileName, 'kaavio.png')));
    const res = await get(`/knowledge/files/${file!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await app.database.db.select().from(articleFiles).where(eq(articleFiles.fileName, 'sivu.png'))).length).toBe(0);
    expect((await get(`/knowledge/files/${randomUUID()}`)).status).toBe(404);
  });
});
