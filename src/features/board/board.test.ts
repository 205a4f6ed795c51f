// The board use cases and the digest job against the real database: posting and replying,
// moderation with audit, deleting one's own post; the digest's due selection, its language,
// "off", and exactly one digest when two workers run at the same time.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createDb, createPool } from '../../platform/db/db.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import type { MailRequest } from '../../platform/mail/mail.ts';
import { renderMail } from '../../platform/mail/render.ts';
import { users } from '../accounts/accounts.schema.ts';
import { saveNotificationPreferences } from '../reminders/notification-preferences.ts';
import { findDigestFrequency, listBoard } from './board.queries.ts';
import { boardPosts, digestPreferences } from './board.schema.ts';
import { createPost } from './create-post.ts';
import { deletePost } from './delete-post.ts';
import { runBoardDigest, type DigestDeps } from './digest.ts';
import { moderatePost } from './moderate-post.ts';
import { replyToPost } from './reply-to-post.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: DigestDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

type Mail = { to: string; locale: string; template: string; values: Record<string, string | number> };
async function mailsTo(to: string): Promise<Mail[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on`, [to]);
  return rows.map((r) => r.data as Mail);
}

async function person(organizationId: string, role: 'entrepreneur' | 'facilitator' | 'coordinator', name: string, locale: 'fi' | 'sv' | 'en' = 'fi') {
  const user = await createTestMember(database.db, { organizationId, role, name });
  await database.db.update(users).set({ locale }).where(eq(users.id, user.id));
  return { ...user, actor: await actorFor(database.db, user.id, organizationId) };
}

async function setup() {
  const org = await createTestOrganization(database.db);
  const facilitator = await person(org.id, 'facilitator', 'Helmi Ohjaaja', 'en');
  const aino = await person(org.id, 'entrepreneur', 'Aino Virtanen', 'fi');
  const stina = await person(org.id, 'entrepreneur', 'Stina Lindholm', 'sv');
  const coordinator = await person(org.id, 'coordinator', 'Kalle Koordinaattori');
  const group = await createTestGroup(database.db, { organizationId: org.id, name: 'Rauman yrittäjät', facilitatorIds: [facilitator.id], memberIds: [aino.id, stina.id] });
  const scope = { organizationId: org.id, groupId: group.id };
  return { org, group, scope, facilitator, aino, stina, coordinator };
}

describe('board use cases', () => {
  it('members post and reply; the board lists newest first with replies and first names only', async () => {
    const s = await setup();
    const first = await createPost(s.aino.actor, deps, { ...s.scope, body: 'Miten te jaksatte alkuvuoden?' }, { now: new Date('2026-02-01T10:00:00Z') });
    const second = await createPost(s.stina.actor, deps, { ...s.scope, body: '  Hej alla!  ' }, { now: new Date('2026-02-02T10:00:00Z') });
    await replyToPost(s.facilitator.actor, deps, { ...s.scope, postId: first.postId, body: 'Hyvä kysymys.' });
    const board = await listBoard(database.db, s.scope);
    expect(board.map((p) => p.id)).toEqual([second.postId, first.postId]);
    expect(board[0]).toMatchObject({ body: 'Hej alla!', authorFirstName: 'Stina' });
    expect(board[1]!.replies).toEqual([expect.objectContaining({ body: 'Hyvä kysymys.', authorFirstName: 'Helmi' })]);
  });

  it('refuses the coordinator (403), other organisations (404), and replies to replies', async () => {
    const s = await setup();
    const other = await setup();
    const { postId } = await createPost(s.aino.actor, deps, { ...s.scope, body: 'Hei' });
    await expect(createPost(s.coordinator.actor, deps, { ...s.scope, body: 'Hei' })).rejects.toThrow(ForbiddenError);
    await expect(createPost(other.aino.actor, deps, { ...s.scope, body: 'Hei' })).rejects.toThrow(NotFoundError);
    await expect(replyToPost(other.aino.actor, deps, { ...s.scope, postId, body: 'Hei' })).rejects.toThrow(NotFoundError);
    const { replyId } = await replyToPost(s.stina.actor, deps, { ...s.scope, postId, body: 'Moi' });
    await expect(replyToPost(s.aino.actor, deps, { ...s.scope, postId: replyId, body: 'Moi' })).rejects.toThrow(ForbiddenError);
    // A post of this group asked through another group's address is not found.
    await expect(replyToPost(other.aino.actor, deps, { ...other.scope, postId, body: 'Hei' })).rejects.toThrow(NotFoundError);
  });

  it('a facilitator hides and unhides, with audit; members cannot', async () => {
    const s = await setup();
    const { postId } = await createPost(s.aino.actor, deps, { ...s.scope, body: 'Asiaton viesti' });
    await expect(moderatePost(s.stina.actor, deps, { ...s.scope, postId, hidden: true })).rejects.toThrow(ForbiddenError);
    await expect(moderatePost(s.coordinator.actor, deps, { ...s.scope, postId, hidden: true })).rejects.toThrow(ForbiddenError);
    await moderatePost(s.facilitator.actor, deps, { ...s.scope, postId, hidden: true });
    expect((await listBoard(database.db, s.scope))[0]!.hidden).toBe(true);
    await expect(replyToPost(s.stina.actor, deps, { ...s.scope, postId, body: 'Moi' })).rejects.toThrow(ForbiddenError);
    await moderatePost(s.facilitator.actor, deps, { ...s.scope, postId, hidden: false });
    expect((await listBoard(database.db, s.scope))[0]!.hidden).toBe(false);
    const audit = await database.db.execute(sql`SELECT action, actor_user_id FROM audit_log WHERE target_id = ${postId} ORDER BY action`);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['board.post_hidden', 'board.post_unhidden']);
    expect(audit.rows.every((r) => r.actor_user_id === s.facilitator.id)).toBe(true);
  });

  it('the author deletes their own post with its replies; nobody else can', async () => {
    const s = await setup();
    const { postId } = await createPost(s.aino.actor, deps, { ...s.scope, body: 'Poistan tämän' });
    await replyToPost(s.stina.actor, deps, { ...s.scope, postId, body: 'Vastaus' });
    await expect(deletePost(s.stina.actor, deps, { ...s.scope, postId })).rejects.toThrow(ForbiddenError);
    await expect(deletePost(s.facilitator.actor, deps, { ...s.scope, postId })).rejects.toThrow(ForbiddenError);
    await deletePost(s.aino.actor, deps, { ...s.scope, postId });
    const left = await database.db.select().from(boardPosts).where(and(eq(boardPosts.organizationId, s.org.id), eq(boardPosts.groupId, s.group.id)));
    expect(left).toHaveLength(0);
  });
});

describe('board digest', () => {
  const day = 24 * 3600_000;

  it('is weekly by default: a week after the window opens, one mail in each person’s language listing others’ visible posts', async () => {
    const s = await setup();
    const t0 = new Date('2026-03-02T07:05:00Z');
    // First run: everyone in a group gets the default row, the window opening now; nothing to send.
    expect((await runBoardDigest(deps, t0)).sent).toBe(0);
    expect(await findDigestFrequency(database.db, { userId: s.aino.id })).toBe('weekly');
    const { postId } = await createPost(s.aino.actor, deps, { ...s.scope, body: 'Salainen sisältö' }, { now: new Date(t0.getTime() + day) });
    await replyToPost(s.stina.actor, deps, { ...s.scope, postId, body: 'Vastaus' }, { now: new Date(t0.getTime() + 2 * day) });
    const hidden = await createPost(s.stina.actor, deps, { ...s.scope, body: 'Piilotettu' }, { now: new Date(t0.getTime() + 2 * day) });
    await moderatePost(s.facilitator.actor, deps, { ...s.scope, postId: hidden.postId, hidden: true });
    // Six days on: not due.
    expect((await runBoardDigest(deps, new Date(t0.getTime() + 6 * day))).sent).toBe(0);
    // Seven days on: due for all three.
    expect((await runBoardDigest(deps, new Date(t0.getTime() + 7 * day))).sent).toBe(3);
    const [toAino] = await mailsTo(s.aino.email);
    expect(toAino).toMatchObject({ locale: 'fi', template: 'boardDigestWeekly', values: { name: 'Aino', count: 1 } });
    expect(String(toAino!.values.posts)).toContain('Rauman yrittäjät: 1 uusi viesti');
    expect(String(toAino!.values.posts)).toContain('– Stina,');
    expect(String(toAino!.values.posts)).not.toContain('Salainen');
    const rendered = renderMail(toAino as unknown as MailRequest);
    expect(rendered.subject).toBe('Viikon kooste ryhmäsi keskustelusta');
    expect(rendered.text).toContain('Ryhmäsi keskusteluun on tullut viikon aikana 1 uusi viesti:');
    expect(rendered.text).toContain('https://tyopeili.example/profile/notifications');
    const [toStina] = await mailsTo(s.stina.email);
    expect(toStina).toMatchObject({ locale: 'sv', values: { count: 1 } });
    expect(String(toStina!.values.posts)).toContain('– Aino,');
    const [toHelmi] = await mailsTo(s.facilitator.email);
    expect(toHelmi).toMatchObject({ locale: 'en', values: { count: 2 } });
    expect(String(toHelmi!.values.posts)).toContain(`https://tyopeili.example/groups/${s.group.id}/board?organization=${s.org.id}`);
    // The window moved: the next run sends nothing.
    expect((await runBoardDigest(deps, new Date(t0.getTime() + 7 * day + 3600_000))).sent).toBe(0);
    expect(await mailsTo(s.aino.email)).toHaveLength(1);
  });

  it('daily for those who chose it; nothing for those who chose off; no mail when there is nothing new', async () => {
    const s = await setup();
    const t0 = new Date('2026-04-06T05:05:00Z');
    await saveNotificationPreferences(s.aino.actor, deps, { digest: 'daily', meetingReminders: true, stepReminders: true }, { now: t0 });
    await saveNotificationPreferences(s.stina.actor, deps, { digest: 'off', meetingReminders: true, stepReminders: true }, { now: t0 });
    await saveNotificationPreferences(s.facilitator.actor, deps, { digest: 'daily', meetingReminders: true, stepReminders: true }, { now: t0 });
    await createPost(s.stina.actor, deps, { ...s.scope, body: 'Moi' }, { now: new Date(t0.getTime() + 3600_000) });
    await createPost(s.facilitator.actor, deps, { ...s.scope, body: 'Tervetuloa' }, { now: new Date(t0.getTime() + 2 * 3600_000) });
    expect((await runBoardDigest(deps, new Date(t0.getTime() + day))).sent).toBe(2);
    expect(await mailsTo(s.aino.email)).toEqual([expect.objectContaining({ template: 'boardDigestDaily', locale: 'fi' })]);
    expect(await mailsTo(s.stina.email)).toHaveLength(0);
    // Next day: nothing new, no mail, but the window still moves.
    expect((await runBoardDigest(deps, new Date(t0.getTime() + 2 * day))).sent).toBe(0);
    const [row] = await database.db.select().from(digestPreferences).where(eq(digestPreferences.userId, s.aino.id));
    expect(row!.lastSentAt!.toISOString()).toBe(new Date(t0.getTime() + 2 * day).toISOString());
    // Stina turns it on after a month of "off": her first digest covers from then, not the month.
    const later = new Date(t0.getTime() + 30 * day);
    await saveNotificationPreferences(s.stina.actor, deps, { digest: 'daily', meetingReminders: true, stepReminders: true }, { now: later });
    const [stina] = await database.db.select().from(digestPreferences).where(eq(digestPreferences.userId, s.stina.id));
    expect(stina!.lastSentAt!.toISOString()).toBe(later.toISOString());
    expect((await runBoardDigest(deps, new Date(later.getTime() + day))).sent).toBe(0);
  });

  it('sends exactly one digest per person when two workers run it at the same time', async () => {
    const s = await setup();
    const t0 = new Date('2026-05-04T05:05:00Z');
    for (const p of [s.aino, s.stina, s.facilitator]) {
      await saveNotificationPreferences(p.actor, deps, { digest: 'daily', meetingReminders: true, stepReminders: true }, { now: t0 });
    }
    await createPost(s.aino.actor, deps, { ...s.scope, body: 'Yksi' }, { now: new Date(t0.getTime() + 60_000) });
    await createPost(s.stina.actor, deps, { ...s.scope, body: 'Kaksi' }, { now: new Date(t0.getTime() + 120_000) });
    const pool2 = createPool(database.url, 5);
    const jobs2 = await createJobs(database.url, createLogger('silent'));
    try {
      const deps2: DigestDeps = { ...deps, db: createDb(pool2), jobs: jobs2 };
      const now = new Date(t0.getTime() + day);
      const results = await Promise.all([runBoardDigest(deps, now), runBoardDigest(deps2, now), runBoardDigest(deps, now), runBoardDigest(deps2, now)]);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(3);
    } finally {
      await jobs2.stop();
      await pool2.end();
    }
    for (const p of [s.aino, s.stina, s.facilitator]) expect(await mailsTo(p.email)).toHaveLength(1);
  });
});
