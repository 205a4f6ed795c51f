// The demo's experts: profiles with Finnish introductions for the first organisation's experts,
// one accepted segment invitation with its hours, one waiting on the demo expert's home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.ts';
import { seedDemo } from './seed.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo({ db: database.db });
});
afterAll(async () => {
  await database?.drop();
});
const q = async (text: string) => (await database.pool.query(text)).rows;

describe('the demo experts', () => {
  it('have profiles, an accepted segment with hours and a pending invitation for the demo expert', async () => {
    const profiles = await q('SELECT topics, bio FROM expert_profiles ORDER BY updated_at DESC');
    expect(profiles.length).toBeGreaterThanOrEqual(3);
    expect(profiles.some((p) => (p.topics as string[]).includes('Verotus'))).toBe(true);
    expect(profiles.every((p) => /[äö]/.test(p.bio as string))).toBe(true);
    const invitations = await q(`SELECT i.status, u.email, h.minutes FROM expert_invitations i JOIN users u ON u.id = i.expert_user_id LEFT JOIN expert_hours h ON h.invitation_id = i.id ORDER BY i.status`);
    expect(invitations.map((i) => i.status)).toEqual(['accepted', 'pending']);
    expect(invitations.every((i) => i.email === 'asiantuntija@demo.tyopeili.fi')).toBe(true);
    expect(invitations[0]!.minutes).toBeGreaterThan(0);
    expect(invitations[1]!.minutes).toBeNull();
    const [open] = await q(`SELECT a.expert_user_id FROM expert_invitations i JOIN agenda_items a ON a.organization_id = i.organization_id AND a.id = i.agenda_item_id WHERE i.status = 'pending'`);
    expect(open!.expert_user_id).toBeNull();
  });
});
