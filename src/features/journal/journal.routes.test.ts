// The journal pages over HTTP against the real app: the author writes, edits, deletes
// and exports; the group's facilitator, the coordinator and an administrator get 404
// for the entry's page and cannot change it; bad input answers 400 with a translated
// message and saves nothing.
import { count, eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { journalEntries } from './journal.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const roster = [
    ['author', 'entrepreneur'],
    ['facilitator', 'facilitator'],
    ['coordinator', 'coordinator'],
    ['admin', 'admin'],
  ] as const;
  for (const [key, role] of roster) {
    const user = await createTestMember(db, { organizationId: org.id, role, name: `${key} Testinen` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  await createTestGroup(db, { organizationId: org.id, facilitatorIds: [ids.facilitator!], memberIds: [ids.author!] });
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who?: string, language = 'fi') {
  return fetch(app.url + path, { redirect: 'manual', headers: { 'accept-language': language, ...(who ? { cookie: cookies[who]! } : {}) } });
}

function post(path: string, fields: Record<string, string>, who: string, language = 'fi') {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies[who]!, 'accept-language': language },
    body: new URLSearchParams(fields).toString(),
  });
}

const entriesOf = async (userId: string) =>
  (await app.database.db.select({ n: count() }).from(journalEntries).where(eq(journalEntries.userId, userId)))[0]!.n;

describe('the journal over HTTP', () => {
  it('asks the signed out to sign in', async () => {
    const res = await get('/journal');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Fjournal');
  });

  it('the author writes an entry, sees it, and no one else can open it', async () => {
    const text = 'Tänään uskalsin nostaa hintoja. <b>ei html:ää</b>';
    const saved = await post('/journal', { text }, 'author');
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe('/journal?done=saved');
    const listing = await get('/journal?done=saved', 'author');
    expect(listing.headers.get('cache-control')).toBe('private, no-store');
    const page = await listing.text();
    expect(page).toContain('Merkintä on tallennettu.');
    expect(page).toContain('Tänään uskalsin nostaa hintoja. &lt;b&gt;ei html:ää&lt;/b&gt;');
    const [row] = await app.database.db.select().from(journalEntries).where(eq(journalEntries.userId, ids.author!));
    const entryId = row!.id;
    expect(row!.ciphertext.toString('latin1')).not.toContain('uskalsin');

    const own = await get(`/journal/${entryId}`, 'author');
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    for (const who of ['facilitator', 'coordinator', 'admin']) {
      const res = await get(`/journal/${entryId}`, who);
      expect(res.status, who).toBe(404);
      expect(await res.text()).not.toContain('uskalsin');
      expect(await (await get('/journal', who)).text()).not.toContain('uskalsin');
      expect((await get('/journal/export', who)).status).toBe(200);
      expect(await (await get('/journal/export', who)).text()).not.toContain('uskalsin');
      expect((await post(`/journal/${entryId}`, { intent: 'edit', text: 'muutettu' }, who)).status, who).toBe(404);
      expect((await post(`/journal/${entryId}`, { intent: 'delete' }, who)).status, who).toBe(404);
    }
    expect(await entriesOf(ids.author!)).toBe(1);
    const reread = await (await get(`/journal/${entryId}`, 'author')).text();
    expect(reread).toContain('Tänään uskalsin nostaa hintoja.');
  });

  it('refuses empty and too long entries with a translated message and saves nothing', async () => {
    const before = await entriesOf(ids.author!);
    const empty = await post('/journal', { text: '   ' }, 'author');
    expect(empty.status).toBe(400);
    const emptyPage = await empty.text();
    expect(emptyPage).toContain('Kirjoita merkintä ennen tallentamista.');
    expect(emptyPage).toContain('aria-invalid="true"');
    const tooLong = await post('/journal', { text: 'a'.repeat(20_001) }, 'author');
    expect(tooLong.status).toBe(400);
    const tooLongPage = await tooLong.text();
    expect(tooLongPage).toContain('Merkintä on liian pitkä.');
    expect(await entriesOf(ids.author!)).toBe(before);
  });

  it('edits and deletes the author’s own entry', async () => {
    await post('/journal', { text: 'muokattava merkintä' }, 'author');
    const rows = await app.database.db.select().from(journalEntries).where(eq(journalEntries.userId, ids.author!));
    const before = rows.length;
    const entryId = (await Promise.all(rows.map(async (r) => ({ id: r.id, html: await (await get(`/journal/${r.id}`, 'author')).text() })))).find((r) => r.html.includes('muokattava merkintä'))!.id;
    const badEdit = await post(`/journal/${entryId}`, { intent: 'edit', text: '' }, 'author');
    expect(badEdit.status).toBe(400);
    expect(await badEdit.text()).toContain('Kirjoita merkintä ennen tallentamista.');
    const edited = await post(`/journal/${entryId}`, { intent: 'edit', text: 'muokattu merkintä' }, 'author');
    expect(edited.headers.get('location')).toBe('/journal?done=edited');
    expect(await (await get(`/journal/${entryId}`, 'author')).text()).toContain('muokattu merkintä');
    const deleted = await post(`/journal/${entryId}`, { intent: 'delete' }, 'author');
    expect(deleted.headers.get('location')).toBe('/journal?done=deleted');
    expect((await get(`/journal/${entryId}`, 'author')).status).toBe(404);
    expect(await entriesOf(ids.author!)).toBe(before - 1);
  });

  it('exports the author’s entries as a UTF-8 Markdown attachment', async () => {
    await post('/journal', { text: 'Viety mukaan: äöå ja 😊' }, 'author');
    const res = await get('/journal/export', 'author');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="tyopeili-paivakirja-\d{4}-\d{2}-\d{2}\.md"; filename\*=UTF-8''tyopeili-paivakirja-/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).toContain('# Oma päiväkirja – Työpeili');
    expect(body).toContain('Viety mukaan: äöå ja 😊');
    expect(body).toContain('Tänään uskalsin nostaa hintoja.');
  });

  it('exports the journal also as a standalone HTML page and a tagged PDF (issue 11, point 9)', async () => {
    await post('/journal', { text: 'Kirjoitin hinnastoon: <b>ei lihavointia</b> & äöå.' }, 'author');
    const journalPage = await (await get('/journal', 'author')).text();
    expect(journalPage).toContain('href="/journal/export?format=pdf"');
    expect(journalPage).toContain('href="/journal/export?format=html"');

    const html = await get('/journal/export?format=html', 'author');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; filename="tyopeili-paivakirja-\d{4}-\d{2}-\d{2}\.html"/);
    const page = await html.text();
    expect(page).toMatch(/^<!doctype html>\n<html lang="fi">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<title>Oma päiväkirja – Työpeili</title>');
    expect(page).toContain('<h1>Oma päiväkirja – Työpeili</h1>');
    expect(page).toContain('Kirjoitin hinnastoon: &lt;b&gt;ei lihavointia&lt;/b&gt; &amp; äöå.');
    // Standalone: no scripts, no outside style sheets, images or fonts.
    expect(page).not.toMatch(/<script|<link|src=|url\(/);

    const pdf = await get('/journal/export?format=pdf', 'author');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="tyopeili-paivakirja-\d{4}-\d{2}-\d{2}\.pdf"/);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/MarkInfo');
    expect(raw).toContain('/Lang (fi-FI)');
    const parser = new PDFParse({ data: bytes });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain('Oma päiväkirja – Työpeili');
      expect(text).toContain('Kirjoitin hinnastoon: <b>ei lihavointia</b> & äöå.');
      expect(text).toContain('Tänään uskalsin nostaa hintoja.');
    } finally {
      await parser.destroy();
    }
    // Only the author's own: another person's PDF has none of it; an unknown format is 404.
    const others = new Uint8Array(await (await get('/journal/export?format=pdf', 'facilitator')).arrayBuffer());
    const otherParser = new PDFParse({ data: others });
    try {
      expect((await otherParser.getText()).text).not.toContain('uskalsin');
    } finally {
      await otherParser.destroy();
    }
    expect((await get('/journal/export?format=docx', 'author')).status).toBe(404);
  });

  it('shows the journal link in the navigation of entrepreneurs only', async () => {
    expect(await (await get('/home', 'author')).text()).toContain('href="/journal"');
    expect(await (await get('/home', 'coordinator')).text()).not.toContain('href="/journal"');
  });
});
