// Materials over HTTP against the real app and a real folder: facilitators upload to the
// meeting or a segment, an expert to their own segment only; the type comes from the
// bytes (HTML named .pdf is refused, nothing stored); downloads are attachments with
// nosniff and a sandboxing CSP; members see everything, an expert only their segment,
// coordinators 403, other organisations 404; 10 MB per file, 1 MB elsewhere.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { docxBytes, htmlBytes, pdfBytes, pngBytes, svgBytes } from '../../../tests/factories/files.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { materials } from './materials.schema.ts';
import { MATERIAL_MAX_BYTES } from './upload-material.ts';

let app: TestApp;
let dataDir: string;
let orgId: string;
let meetingId: string;
let ownSegmentId: string;
let otherSegmentId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tyopeili-materials-'));
  app = await startTestApp({ DATA_DIR: dataDir });
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const otherOrg = await createTestOrganization(db);
  orgId = org.id;
  const roster = [
    ['facilitator', org.id, 'facilitator'],
    ['member', org.id, 'entrepreneur'],
    ['otherMember', org.id, 'entrepreneur'],
    ['expert', org.id, 'expert'],
    ['otherExpert', org.id, 'expert'],
    ['coordinator', org.id, 'coordinator'],
    ['admin', otherOrg.id, 'admin'],
    ['outsider', otherOrg.id, 'coordinator'],
  ] as const;
  for (const [key, organizationId, role] of roster) {
    const user = await createTestMember(db, { organizationId, role, name: `${key} Testinen` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: org.id, facilitatorIds: [ids.facilitator!], memberIds: [ids.member!] });
  await createTestGroup(db, { organizationId: org.id, name: 'Toinen ryhmä', memberIds: [ids.otherMember!] });
  const meeting = await createTestMeeting(db, {
    organizationId: org.id,
    groupId: group.id,
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    agenda: [
      { kind: 'opening_round' },
      { kind: 'expert_segment', expertUserId: ids.expert!, topic: 'Hinnoittelu' },
      { kind: 'expert_segment', expertUserId: ids.otherExpert!, topic: 'Verotus' },
    ],
  });
  meetingId = meeting.id;
  const segments = await db.select().from(agendaItems).where(and(eq(agendaItems.organizationId, org.id), eq(agendaItems.meetingId, meeting.id)));
  ownSegmentId = segments.find((s) => s.expertUserId === ids.expert)!.id;
  otherSegmentId = segments.find((s) => s.expertUserId === ids.otherExpert)!.id;
});
afterAll(async () => {
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function get(path: string, who?: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
}

function upload(who: string, file: { name: string; bytes: Buffer; type?: string } | null, segment = '') {
  const form = new FormData();
  form.set('intent', 'upload');
  form.set('segment', segment);
  if (file) form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return fetch(`${app.url}/meetings/${meetingId}/materials`, { method: 'POST', redirect: 'manual', headers: { origin: app.url, cookie: cookies[who]! }, body: form });
}

function remove(who: string, materialId: string) {
  return fetch(`${app.url}/meetings/${meetingId}/materials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, cookie: cookies[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'delete', materialId }).toString(),
  });
}

async function materialNamed(fileName: string) {
  const [row] = await app.database.db.select().from(materials).where(and(eq(materials.organizationId, orgId), eq(materials.fileName, fileName)));
  return row!;
}

const storedFiles = async () => (await readdir(join(dataDir, 'materials', orgId)).catch(() => [] as string[])).filter((f) => !f.includes('.part-'));
const rowCount = async () => (await app.database.db.select().from(materials)).length;

describe('uploading', () => {
  it('a facilitator adds a PDF to the meeting: type, size and sha256 from the bytes, file on disk', async () => {
    const bytes = pdfBytes('koko tapaaminen');
    const res = await upload('facilitator', { name: 'Hinnoittelu – ohje äö.pdf', bytes, type: 'text/html' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/meetings/${meetingId}/materials?done=uploaded`);
    const row = await materialNamed('Hinnoittelu – ohje äö.pdf');
    expect(row).toMatchObject({ meetingId, agendaItemId: null, uploadedBy: ids.facilitator, mediaType: 'application/pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await readFile(join(dataDir, 'materials', orgId, row.storageKey))).toEqual(bytes);
  });

  it('a facilitator adds a Word document to an expert’s segment; the expert adds a picture to their own', async () => {
    expect((await upload('facilitator', { name: 'muistio.docx', bytes: docxBytes() }, ownSegmentId)).status).toBe(302);
    expect(await materialNamed('muistio.docx')).toMatchObject({ agendaItemId: ownSegmentId, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect((await upload('expert', { name: 'kaavio.png', bytes: pngBytes() }, ownSegmentId)).status).toBe(302);
    expect(await materialNamed('kaavio.png')).toMatchObject({ agendaItemId: ownSegmentId, uploadedBy: ids.expert, mediaType: 'image/png' });
    expect((await upload('otherExpert', { name: 'verot.pdf', bytes: pdfBytes('verot') }, otherSegmentId)).status).toBe(302);
  });

  it('refuses an expert outside their own segment, members, coordinators and other organisations', async () => {
    const before = await rowCount();
    const file = { name: 'x.pdf', bytes: pdfBytes() };
    expect((await upload('expert', file, otherSegmentId)).status).toBe(403);
    expect((await upload('expert', file, '')).status).toBe(403);
    expect((await upload('member', file)).status).toBe(403);
    expect((await upload('coordinator', file)).status).toBe(403);
    expect((await upload('outsider', file)).status).toBe(404);
    expect(await rowCount()).toBe(before);
  });

  it('refuses HTML renamed .pdf, SVG, and an empty form with a translated message, and stores nothing', async () => {
    const before = { rows: await rowCount(), files: (await storedFiles()).length };
    for (const file of [{ name: 'ohje.pdf', bytes: htmlBytes(), type: 'application/pdf' }, { name: 'kuva.svg', bytes: svgBytes(), type: 'image/svg+xml' }]) {
      const res = await upload('facilitator', file);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Tätä tiedostotyyppiä ei voi lisätä.');
      expect(html).toContain('aria-invalid="true"');
    }
    const empty = await upload('facilitator', null);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Valitse lisättävä tiedosto.');
    expect(await rowCount()).toBe(before.rows);
    expect((await storedFiles()).length).toBe(before.files);
  });

  it('takes up to 10 MB on the upload route; refuses a little more with a message, much more with 413; other routes keep 1 MB', async () => {
    const twoMegabytes = Buffer.concat([pdfBytes(), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    expect((await upload('facilitator', { name: 'iso.pdf', bytes: twoMegabytes })).status).toBe(302);
    const justOver = Buffer.concat([pdfBytes(), Buffer.alloc(MATERIAL_MAX_BYTES + 1 - pdfBytes().length, 0x20)]);
    const over = await upload('facilitator', { name: 'liian-iso.pdf', bytes: justOver });
    expect(over.status).toBe(400);
    expect(await over.text()).toContain('Tiedosto on liian suuri. Enimmäiskoko on 10 Mt.');
    const huge = await upload('facilitator', { name: 'valtava.pdf', bytes: Buffer.alloc(MATERIAL_MAX_BYTES + 1024 * 1024, 0x20) });
    expect(huge.status).toBe(413);
    const form = await fetch(app.url + '/journal', {
      method: 'POST',
      headers: { origin: app.url, cookie: cookies.member!, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=' + 'a'.repeat(2_000_000),
    });
    expect(form.status).toBe(413);
    const elsewhere = new FormData();
    elsewhere.set('file', new Blob([twoMegabytes]), 'iso.pdf');
    expect((await fetch(app.url + `/meetings/${meetingId}/materialsx`, { method: 'POST', headers: { origin: app.url, cookie: cookies.facilitator! }, body: elsewhere })).status).toBe(413);
    expect(await app.database.db.select().from(materials).where(eq(materials.fileName, 'liian-iso.pdf'))).toEqual([]);
  });
});

describe('downloading', () => {
  it('serves an attachment in the detected type with nosniff and a sandboxing CSP', async () => {
    const row = await materialNamed('Hinnoittelu – ohje äö.pdf');
    const res = await get(`/materials/${row.id}/download`, 'member');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Hinnoittelu  ohje ao.pdf"; filename*=UTF-8''Hinnoittelu%20%E2%80%93%20ohje%20%C3%A4%C3%B6.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdfBytes('koko tapaaminen'));
  });

  it('lets members and facilitators have every file, an expert only their segment’s, others nothing', async () => {
    const whole = (await materialNamed('Hinnoittelu – ohje äö.pdf')).id;
    const own = (await materialNamed('kaavio.png')).id;
    const other = (await materialNamed('verot.pdf')).id;
    const status = async (who: string | undefined, id: string) => (await get(`/materials/${id}/download`, who)).status;
    for (const id of [whole, own, other]) {
      expect(await status('member', id)).toBe(200);
      expect(await status('facilitator', id)).toBe(200);
      expect(await status('coordinator', id)).toBe(403);
      expect(await status('otherMember', id)).toBe(403);
      expect(await status('admin', id)).toBe(404);
      expect(await status('outsider', id)).toBe(404);
      expect(await status(undefined, id)).toBe(302);
    }
    expect(await status('expert', own)).toBe(200);
    expect(await status('expert', whole)).toBe(403);
    expect(await status('expert', other)).toBe(403);
    expect(await status('otherExpert', other)).toBe(200);
    expect(await status('otherExpert', own)).toBe(403);
    expect(await status('member', '0190e000-0000-7000-8000-000000000999')).toBe(404);
  });

  it('lists to an expert only their own segment’s files; coordinators get 403, other organisations 404', async () => {
    const memberPage = await (await get(`/meetings/${meetingId}/materials`, 'member')).text();
    for (const name of ['muistio.docx', 'kaavio.png', 'verot.pdf', 'Hinnoittelu – ohje äö.pdf']) expect(memberPage).toContain(name);
    expect(memberPage).not.toContain('type="file"');
    const expertRes = await get(`/meetings/${meetingId}/materials`, 'expert');
    expect(expertRes.status).toBe(200);
    const expertPage = await expertRes.text();
    expect(expertPage).toContain('kaavio.png');
    expect(expertPage).toContain('muistio.docx');
    expect(expertPage).not.toContain('verot.pdf');
    expect(expertPage).not.toContain('Hinnoittelu – ohje');
    expect(expertPage).not.toContain('Verotus');
    expect(expertPage).toContain('type="file"');
    expect((await get(`/meetings/${meetingId}/materials`, 'coordinator')).status).toBe(403);
    expect((await get(`/meetings/${meetingId}/materials`, 'otherMember')).status).toBe(403);
    expect((await get(`/meetings/${meetingId}/materials`, 'outsider')).status).toBe(404);
    // An installation admin may know every organisation's meetings exist (as on every meeting page), but not read their files.
    expect((await get(`/meetings/${meetingId}/materials`, 'admin')).status).toBe(403);
  });
});

describe('deleting', () => {
  it('by the uploader or a facilitator; the bytes go too; members cannot', async () => {
    const png = await materialNamed('kaavio.png');
    expect((await remove('member', png.id)).status).toBe(403);
    expect((await remove('otherExpert', png.id)).status).toBe(403);
    expect((await remove('expert', png.id)).headers.get('location')).toBe(`/meetings/${meetingId}/materials?done=deleted`);
    expect(await storedFiles()).not.toContain(png.storageKey);
    const docx = await materialNamed('muistio.docx');
    expect((await remove('expert', docx.id)).status).toBe(403);
    expect((await remove('facilitator', docx.id)).status).toBe(302);
    expect(await storedFiles()).not.toContain(docx.storageKey);
    expect((await get(`/materials/${docx.id}/download`, 'member')).status).toBe(404);
  });

  it('answers 404, not an error, when a file’s bytes are missing on disk', async () => {
    const pdf = await materialNamed('verot.pdf');
    await rm(join(dataDir, 'materials', orgId, pdf.storageKey));
    expect((await get(`/materials/${pdf.id}/download`, 'member')).status).toBe(404);
  });
});
