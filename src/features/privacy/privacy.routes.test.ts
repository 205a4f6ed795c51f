// "My data" (issue 18, point 1) against the real app and database: the ZIP holds every table
// the registry exports with the person's rows (the journal opened, secrets left out), and a
// readable page; erasing asks first, then leaves no personal row of the person in any table
// the registry lists (attendance stays under a pseudonym for the funder), removes the photo
// file, and the research export and evaluation no longer count them. Removing a member with
// "erase" does the same within one organisation and keeps the account. Retention prunes.
import { and, eq, sql } from 'drizzle-orm';
import { unzipSync, strFromU8 } from 'fflate';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createEvaluationPerson } from '../../../tests/factories/evaluation.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { actorFor, addMembership, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { pngBytes } from '../../../tests/factories/files.ts';
import { personalTables } from '../../platform/privacy/registry.ts';
import { boardPosts } from '../board/board.schema.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { setMemberPhoto } from '../groups/member-photo.ts';
import { writeJournalEntry } from '../journal/write-entry.ts';
import { materialPath } from '../materials/material-storage.ts';
import { attendance } from '../meetings/meetings.schema.ts';
import { exportResearchAnswers } from '../outcomes/export-research-answers.ts';
import { checkInAnswers, checkIns } from '../outcomes/outcomes.schema.ts';
import { steps } from '../steps/steps.schema.ts';
import { removeMember } from '../organizations/remove-member.ts';
import { applications } from '../intake/intake.schema.ts';
import { sentMail } from '../../platform/mail/mail.schema.ts';
import { exportMyData, tableTitleKey } from './export-my-data.ts';
import { fi } from '../../i18n/fi.ts';
import { sv } from '../../i18n/sv.ts';
import { en } from '../../i18n/en.ts';
import { subjectCondition } from './registry-rows.ts';
import { pruneRetention } from './retention.ts';

let app: TestApp;
let orgId: string;
let otherOrgId: string;
let groupId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const emails: Record<string, string> = {};

/** A member with something in every kind of table: company, group, photo, journal, steps, posts, answers, attendance. */
async function fullMember(key: string, organizationId: string) {
  const db = app.database.db;
  const rows = await createEvaluationPerson(db, { organizationId, groupId, sector: 'Q', municipality: '609', baseline: { on: '2026-01-10', score: 60 } });
  const userId = rows.user.id;
  ids[key] = userId;
  emails[key] = rows.user.email;
  cookies[key] = (await signIn(db, userId)).cookie;
  await db.insert(groupMembers).values({ organizationId, groupId, userId, agreementVersion: 1, agreementAcceptedAt: new Date() });
  const [checkIn] = await db.select().from(checkIns).where(eq(checkIns.userId, userId));
  await db.insert(checkInAnswers).values({ organizationId, checkInId: checkIn!.id, instrumentId: 'who-5', itemId: 'q1', valueNumber: '4' });
  const meeting = await createTestMeeting(db, { organizationId, groupId, startsAt: new Date('2026-01-10T14:00:00Z') });
  await db.insert(attendance).values({ organizationId, meetingId: meeting.id, userId, status: 'present', hours: '2.00' });
  await db.insert(steps).values({ organizationId, groupId, userId, text: `Askel ${key}` });
  await db.insert(boardPosts).values({ organizationId, groupId, authorUserId: userId, body: `Viesti ${key}` });
  await db.insert(applications).values({
    organizationId,
    name: 'Hakija',
    email: rows.user.email.toUpperCase(),
    consentAt: new Date(),
  } as typeof applications.$inferInsert);
  const actor = await actorFor(db, userId, organizationId);
  await writeJournalEntry(actor, app.services, { text: `Salainen ajatus ${key}` });
  await setMemberPhoto(actor, app.services, { organizationId, groupId, bytes: pngBytes(), fileName: 'kuva.png' });
  return userId;
}

beforeAll(async () => {
  app = await startTestApp({ DATA_DIR: await mkdtemp(join(tmpdir(), 'tyopeili-privacy-')) });
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  orgId = org.id;
  otherOrgId = (await createTestOrganization(db, { name: 'Toinen' })).id;
  const coordinator = await createTestMember(db, { organizationId: orgId, role: 'coordinator', name: 'Kaija Koordinaattori' });
  ids.coordinator = coordinator.id;
  cookies.coordinator = (await signIn(db, coordinator.id)).cookie;
  const admin = await createTestMember(db, { organizationId: orgId, role: 'admin', name: 'Aatu Admin' });
  ids.admin = admin.id;
  groupId = (await createTestGroup(db, { organizationId: orgId, name: 'Porin ryhmä', facilitatorIds: [coordinator.id] })).id;
  await fullMember('aino', orgId);
  await fullMember('eero', orgId);
  await addMembership(db, { organizationId: otherOrgId, userId: ids.eero!, role: 'entrepreneur' });
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: { 'accept-language': 'fi', cookie: cookies[who]! } });
}
function post(path: string, fields: Record<string, string>, who: string) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies[who]!, 'accept-language': 'fi' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Rows of the person, table by table, as the registry finds them (everything but unlinked tables). */
async function personalRows(userId: string, email: string, scope: { organizationId?: string } = {}) {
  const out: Record<string, number> = {};
  for (const entry of personalTables()) {
    const condition = await subjectCondition(app.database.db, entry, { userId, email }, scope);
    if (!condition) continue;
    const result = (await app.database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(entry.table)} WHERE ${condition}`)) as unknown as {
      rows: { n: number }[];
    };
    out[entry.table] = result.rows[0]!.n;
  }
  return out;
}

describe('downloading all my data', () => {
  it('has a heading in every language for every table it exports', () => {
    for (const entry of personalTables().filter((e) => e.export === 'row')) {
      for (const catalog of [fi, sv, en]) expect(Object.keys(catalog), entry.table).toContain(tableTitleKey(entry.table));
    }
  });

  it('is a ZIP with a JSON file per exported table, the journal opened, no secrets, and a readable page', async () => {
    const res = await get('/profile/my-data.zip', 'aino');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/tyopeili-tietoni-\d{4}-\d{2}-\d{2}\.zip/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const json = (name: string) => JSON.parse(strFromU8(files[`data/${name}.json`]!)) as Record<string, unknown>[];
    // Every table the registry exports is in the ZIP, even when empty.
    for (const entry of personalTables().filter((e) => e.export === 'row')) expect(Object.keys(files), entry.table).toContain(`data/${entry.table}.json`);
    expect(json('users')[0]).toMatchObject({ id: ids.aino, email: emails.aino });
    expect(json('users')[0]).not.toHaveProperty('password_hash');
    expect(json('users')[0]).not.toHaveProperty('totp_secret');
    expect(json('journal_entries')).toEqual([expect.objectContaining({ text: 'Salainen ajatus aino' })]);
    expect(JSON.stringify(json('journal_entries'))).not.toContain('ciphertext');
    expect(json('steps')).toEqual([expect.objectContaining({ text: 'Askel aino' })]);
    expect(json('check_in_answers')).toHaveLength(1);
    expect(json('companies')).toHaveLength(1);
    expect(json('applications')).toHaveLength(1); // found by address, whatever its case
    // Nobody else's rows.
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(everything).not.toContain(ids.eero);
    expect(everything).not.toContain('Salainen ajatus eero');
    const page = strFromU8(files['tietoni.html']!);
    expect(page).toContain('<html lang="fi">');
    expect(page).toContain('Kaikki tietoni Työpeilissä');
    expect(page).toContain('Päiväkirja');
    expect(page).toContain('Salainen ajatus aino');
  });

  it('is only for the person: the download of another session is theirs, and the signed out are sent to sign in', async () => {
    const res = await fetch(app.url + '/profile/my-data.zip', { redirect: 'manual' });
    expect(res.status).toBe(302);
    const coordinatorZip = await exportMyData(await actorFor(app.database.db, ids.coordinator!, orgId), app.services, { locale: 'en' });
    expect(JSON.stringify([...coordinatorZip.tables.values()])).not.toContain('Salainen ajatus');
    expect(Object.keys(unzipSync(coordinatorZip.zip))).toContain('my-data.html');
  });
});

describe('erasing my account', () => {
  it('asks first, saying what goes and what is kept for the funder, and changes nothing', async () => {
    const before = await personalRows(ids.aino!, emails.aino!);
    const res = await post('/profile', { intent: 'erase-account' }, 'aino');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Poistetaanko tilisi ja tietosi?');
    expect(html).toContain('Säilytetään ilman nimeäsi');
    expect(html).toContain('name="confirm"');
    expect(await personalRows(ids.aino!, emails.aino!)).toEqual(before);
  });

  it('after the confirmation leaves no personal row, no photo file, and no answer in the research export or the evaluation', async () => {
    const db = app.database.db;
    const [photo] = await db.select({ path: groupMembers.photoPath }).from(groupMembers).where(eq(groupMembers.userId, ids.aino!));
    // The test can fail: before erasure the person has rows in every kind of table.
    const had = await personalRows(ids.aino!, emails.aino!);
    for (const table of [
      'users',
      'memberships',
      'companies',
      'entrepreneur_profiles',
      'group_members',
      'steps',
      'board_posts',
      'journal_entries',
      'person_keys',
      'check_ins',
      'check_in_answers',
      'check_in_scores',
      'measurement_consents',
      'attendance',
      'applications',
      'sessions',
    ])
      expect(had[table], table).toBeGreaterThan(0);
    const photoFile = materialPath(app.services.config.dataDir, orgId, photo!.path!.split(':')[0]!);
    expect(existsSync(photoFile)).toBe(true);
    const [before] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(attendance)
      .where(eq(attendance.organizationId, orgId));
    const admin = await actorFor(db, ids.admin!, orgId);
    const researchBefore = await exportResearchAnswers(admin, app.services, { organizationId: orgId, purpose: 'test' });
    expect(researchBefore).toHaveLength(2);
    // The export is a staff read of each person's answers (who has handled my data).
    const reads = await db.execute(sql`SELECT metadata FROM audit_log WHERE action = 'read.research.export' ORDER BY created_at DESC LIMIT 1`);
    expect((reads.rows[0] as { metadata: { subjects: string[] } }).metadata.subjects.sort()).toEqual([ids.aino!, ids.eero!].sort());

    const res = await post('/profile', { intent: 'erase-account', confirm: 'on' }, 'aino');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/privacy?erased=1');

    const left = await personalRows(ids.aino!, emails.aino!);
    // Only what the registry keeps on purpose: the audit log's ids (retain). Nothing else.
    const retained = new Set(
      personalTables()
        .filter((e) => e.erase === 'retain')
        .map((e) => e.table),
    );
    expect(Object.entries(left).filter(([table, n]) => n > 0 && !retained.has(table))).toEqual([]);
    expect(existsSync(photoFile)).toBe(false);
    // The funder's attendance register keeps the row under a pseudonym.
    const [after] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(attendance)
      .where(eq(attendance.organizationId, orgId));
    expect(after!.n).toBe(before!.n);
    const research = await exportResearchAnswers(admin, app.services, { organizationId: orgId, purpose: 'test' });
    expect(research).toHaveLength(1);
    const [scores] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIns)
      .where(eq(checkIns.organizationId, orgId));
    expect(scores!.n).toBe(1);
    // The old session is gone with the account.
    expect((await get('/profile', 'aino')).status).toBe(302);
  });

  it('refuses the last coordinator of an organisation, with a translated message, and erases nothing', async () => {
    const before = await personalRows(ids.coordinator!, 'kaija@example.invalid');
    const res = await post('/profile', { intent: 'erase-account', confirm: 'on' }, 'coordinator');
    expect(res.status).toBe(409);
    expect(await personalRows(ids.coordinator!, 'kaija@example.invalid')).toEqual(before);
  });
});

describe('removing a member with their data', () => {
  it('asks first, then erases what the organisation holds and keeps the account and the other organisation', async () => {
    const asked = await post('/organization/members', { intent: 'remove', userId: ids.eero!, data: 'erase' }, 'coordinator');
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Poistetaanko');
    expect((await personalRows(ids.eero!, emails.eero!, { organizationId: orgId })).steps).toBe(1);

    const done = await post('/organization/members', { intent: 'remove', userId: ids.eero!, data: 'erase', confirm: 'on' }, 'coordinator');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toContain('done=erased');
    const left = await personalRows(ids.eero!, emails.eero!, { organizationId: orgId });
    const retained = new Set(
      personalTables()
        .filter((e) => e.erase === 'retain')
        .map((e) => e.table),
    );
    expect(Object.entries(left).filter(([table, n]) => n > 0 && !retained.has(table))).toEqual([]);
    const whole = await personalRows(ids.eero!, emails.eero!);
    expect(whole.users).toBe(1);
    expect(whole.memberships).toBe(1); // the other organisation
    expect(whole.journal_entries).toBe(1); // the journal is the person's, not the organisation's
  });

  it('keeps the data when the coordinator only removes the membership', async () => {
    const db = app.database.db;
    const userId = await fullMember('ilkka', orgId);
    const coordinator = await actorFor(db, ids.coordinator!, orgId);
    await removeMember(coordinator, app.services, { organizationId: orgId, userId });
    const left = await personalRows(userId, emails.ilkka!, { organizationId: orgId });
    expect(left.memberships).toBe(0);
    expect(left.steps).toBe(1);
  });
});

describe('retention', () => {
  it('deletes closed applications after two years, keeps open ones, and pseudonymises the record of sent mail after a year', async () => {
    const db = app.database.db;
    const old = new Date('2023-01-01T00:00:00Z');
    const base = { organizationId: orgId, name: 'Vanha Hakija', consentAt: old, createdAt: old, updatedAt: old } as const;
    await db.insert(applications).values([
      { ...base, email: 'declined@example.invalid', status: 'declined' },
      { ...base, email: 'open@example.invalid', status: 'new' },
      { ...base, email: 'recent@example.invalid', status: 'declined', updatedAt: new Date('2026-11-01T00:00:00Z') },
    ] as (typeof applications.$inferInsert)[]);
    await db.insert(sentMail).values({ jobId: 'retention-test', userId: ids.coordinator!, messageId: '<old@example.invalid>', sentAt: old });
    await pruneRetention(db, new Date('2026-12-01T00:00:00Z'));
    const left = await db
      .select({ email: applications.email })
      .from(applications)
      .where(and(eq(applications.organizationId, orgId), eq(applications.name, 'Vanha Hakija')));
    expect(left.map((r) => r.email).sort()).toEqual(['open@example.invalid', 'recent@example.invalid']);
    const mail = await db.select().from(sentMail).where(eq(sentMail.sentAt, old));
    expect(mail).toEqual([expect.objectContaining({ userId: null, messageId: null })]);
  });
});
