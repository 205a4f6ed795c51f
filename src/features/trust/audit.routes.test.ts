// Staff reads are logged (actor, purpose, target, time) and shown: to the data controller in
// /organization/audit with filters and CSV, and to the person in /profile/data-access.
// The log refuses UPDATE, DELETE and TRUNCATE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';

let app: TestApp;
let groupId: string;
let orgAId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const orgA = await createTestOrganization(db, { name: 'Aaltoilevat Yrityspalvelut', slug: 'aalto-audit' });
  const orgB = await createTestOrganization(db, { name: 'Bothnia Business', slug: 'bothnia-audit' });
  orgAId = orgA.id;
  const roster = [
    ['member', orgA.id, 'entrepreneur', 'Aino Virtanen'],
    ['facilitator', orgA.id, 'facilitator', 'Helmi Nieminen'],
    ['coordinator', orgA.id, 'coordinator', 'Kalle Laine'],
    ['otherOrg', orgB.id, 'coordinator', 'Seppo Järvinen'],
  ] as const;
  for (const [key, organizationId, role, name] of roster) {
    const user = await createTestMember(db, { organizationId, role, name });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: orgA.id, name: 'Porin yrittäjät', facilitatorIds: [ids.facilitator!], memberIds: [ids.member!] });
  groupId = group.id;
});
afterAll(async () => {
  await app?.close();
});

// The people's language is Finnish (their own setting wins over the browser's).
const get = (path: string, who: string) => fetch(app.url + path, { redirect: 'manual', headers: { cookie: cookies[who]! } });

async function readsBy(userId: string) {
  const { rows } = await app.database.pool.query<{ action: string; target_id: string | null; metadata: { purpose: string; subjects: string[] } }>(
    `SELECT action, target_id, metadata FROM audit_log WHERE actor_user_id = $1 AND action LIKE 'read.%' ORDER BY created_at`,
    [userId],
  );
  return rows;
}

describe('staff reads in the audit log', () => {
  it('the member list and the group attendance are logged with actor, purpose, target and the people shown', async () => {
    expect((await get('/organization/members', 'coordinator')).status).toBe(200);
    expect((await get(`/groups/${groupId}/attendance`, 'facilitator')).status).toBe(200);
    const byCoordinator = await readsBy(ids.coordinator!);
    expect(byCoordinator.map((r) => r.action)).toEqual(['read.organization.members']);
    expect(byCoordinator[0]!.target_id).toBe(orgAId);
    expect(byCoordinator[0]!.metadata.subjects).toEqual(expect.arrayContaining([ids.member, ids.facilitator]));
    expect(byCoordinator[0]!.metadata.subjects).not.toContain(ids.coordinator);
    const byFacilitator = await readsBy(ids.facilitator!);
    expect(byFacilitator.map((r) => [r.action, r.target_id])).toEqual([['read.attendance.group', groupId]]);
  });

  it('a refused read is not logged as a read', async () => {
    expect((await get('/organization/members', 'member')).status).toBe(403);
    expect(await readsBy(ids.member!)).toEqual([]);
  });

  it('the person sees who has handled their data, not their own views', async () => {
    const res = await get('/profile/data-access', 'member');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Kalle Laine');
    expect(html).toContain('Jäsenluettelon katselu');
    expect(html).toContain('Helmi Nieminen');
    expect(html).toContain('Ryhmän läsnäolojen katselu');
  });

  it('the log cannot be changed or emptied, even by the database role that writes it', async () => {
    await expect(app.database.pool.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(app.database.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(app.database.pool.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('the audit viewer', () => {
  it('is for the coordinator (and admins): a facilitator gets 403, another organisation cannot look in (404)', async () => {
    expect((await get('/organization/audit', 'coordinator')).status).toBe(200);
    expect((await get('/organization/audit', 'facilitator')).status).toBe(403);
    expect((await get(`/organization/audit?organization=${orgAId}`, 'otherOrg')).status).toBe(404);
    expect((await get(`/organization/audit/export.csv?organization=${orgAId}`, 'otherOrg')).status).toBe(404);
  });

  it('filters by whose data and by action; an impossible date is refused before the database', async () => {
    const bySubject = await (await get(`/organization/audit?subject=${ids.member}&action=read.`, 'coordinator')).text();
    expect(bySubject).toContain('Helmi Nieminen');
    expect(bySubject).toContain('read.attendance.group');
    const impossible = await get('/organization/audit?from=2026-02-30', 'coordinator');
    expect(impossible.status).toBe(200);
    expect(await impossible.text()).toContain('Osa suodattimista ei ollut kelvollisia');
  });

  it('exports the same rows as CSV, and the viewing itself is logged', async () => {
    const res = await get(`/organization/audit/export.csv?action=read.attendance`, 'coordinator');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('aika;tekijä;tekijän tunniste;tapahtuma;tarkoitus;kohteen tyyppi;kohteen tunniste;henkilöitä;organisaatio');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Helmi Nieminen;${ids.facilitator};read.attendance.group;attendance.group;group;${groupId};1;${orgAId}`);
    expect((await readsBy(ids.coordinator!)).filter((r) => r.action === 'read.audit.review').length).toBeGreaterThanOrEqual(3);
  });
});
