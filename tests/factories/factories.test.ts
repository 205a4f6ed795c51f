import { verify } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBusinessId } from '../../src/features/companies/business-id.ts';
import { companySizeCodes, entrepreneurProfiles } from '../../src/features/companies/companies.schema.ts';
import { isSectorCode } from '../../src/features/companies/sectors.ts';
import { memberships } from '../../src/features/organizations/organizations.schema.ts';
import { municipalityByCode } from '../../src/features/places/municipalities.ts';
import { createTestDatabase, type TestDatabase } from '../setup/database.ts';
import { createTestCompany } from './companies.ts';
import { createRandom } from './finnish-names.ts';
import { createTestOrganization } from './organizations.ts';
import { createTestEntrepreneur, createTestStaff, hashTestPassword, randomBirthYear } from './people.ts';

let database: TestDatabase;
let organizationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organizationId = (await createTestOrganization(database.db)).id;
});
afterAll(async () => {
  await database?.drop();
});

describe('createTestEntrepreneur', () => {
  it('makes a user, an entrepreneur membership, a company with a valid Y-tunnus and a profile', async () => {
    const { user, membership, company, profile } = await createTestEntrepreneur(database.db, { organizationId, random: createRandom(1) });
    expect(user.name).toMatch(/^\p{Lu}[\p{L}-]+ \p{Lu}\p{L}+$/u);
    expect(user.email).toMatch(/^[a-z-]+\.[a-z-]+\.\d{4}@test\.tyopeili\.fi$/);
    expect(membership).toEqual({ organizationId, userId: user.id, role: 'entrepreneur' });
    const [stored] = await database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, user.id)));
    expect(stored?.role).toBe('entrepreneur');

    expect(company).not.toBeNull();
    expect(company!.organizationId).toBe(organizationId);
    expect(isValidBusinessId(company!.businessId!)).toBe(true);
    expect(isSectorCode(company!.sector!)).toBe(true);
    expect(municipalityByCode(company!.municipality!)?.region).toBe('Satakunta');
    expect(companySizeCodes).toContain(company!.size);

    expect(profile).toMatchObject({ organizationId, userId: user.id, companyId: company!.id });
    expect(['female', 'male']).toContain(profile.gender);
    const age = new Date().getFullYear() - profile.birthYear!;
    expect(age).toBeGreaterThanOrEqual(32);
    expect(age).toBeLessThanOrEqual(72);
  });

  it('gives valid data over many draws', async () => {
    const random = createRandom(42);
    for (let i = 0; i < 25; i++) {
      const { company, profile } = await createTestEntrepreneur(database.db, { organizationId, random });
      expect(isValidBusinessId(company!.businessId!), company!.businessId!).toBe(true);
      expect(municipalityByCode(company!.municipality!), company!.municipality!).toBeDefined();
      expect(isSectorCode(company!.sector!), company!.sector!).toBe(true);
      expect(profile.birthYear).toBeGreaterThan(1900);
    }
  });

  it('is deterministic with a seed', async () => {
    const other = (await createTestOrganization(database.db)).id;
    const a = await createTestEntrepreneur(database.db, { organizationId, random: createRandom(7), emailDomain: 'a.test.tyopeili.fi' });
    const b = await createTestEntrepreneur(database.db, { organizationId: other, random: createRandom(7), emailDomain: 'b.test.tyopeili.fi' });
    expect(b.user.name).toBe(a.user.name);
    expect(b.user.email.replace('@b.', '@a.')).toBe(a.user.email);
    expect({ ...b.company, id: '', organizationId: '', createdAt: null }).toEqual({ ...a.company, id: '', organizationId: '', createdAt: null });
    expect(b.profile.birthYear).toBe(a.profile.birthYear);
    const c = await createTestEntrepreneur(database.db, { organizationId, random: createRandom(8) });
    expect(c.company!.businessId).not.toBe(a.company!.businessId);
  });

  it('takes what the test says: no company, a shared company, given facts', async () => {
    const none = await createTestEntrepreneur(database.db, { organizationId, company: null, birthYear: null, gender: null, phone: '+358 40 000 0000' });
    expect(none.company).toBeNull();
    expect(none.profile).toMatchObject({ companyId: null, birthYear: null, gender: null, phone: '+358 40 000 0000' });

    const firm = await createTestCompany(database.db, { organizationId, sector: 'sote', size: 'micro', municipality: '609', name: 'Kotihoito Esimerkki Oy' });
    const first = await createTestEntrepreneur(database.db, { organizationId, company: firm });
    const second = await createTestEntrepreneur(database.db, { organizationId, company: firm, birthYear: 1961, gender: 'female' });
    expect(first.profile.companyId).toBe(firm.id);
    expect(second.profile).toMatchObject({ companyId: firm.id, birthYear: 1961, gender: 'female' });

    const byCompany = await database.db
      .select()
      .from(entrepreneurProfiles)
      .where(and(eq(entrepreneurProfiles.organizationId, organizationId), eq(entrepreneurProfiles.companyId, firm.id)));
    expect(byCompany).toHaveLength(2);
  });

  it("refuses another organisation's company", async () => {
    const other = (await createTestOrganization(database.db)).id;
    const firm = await createTestCompany(database.db, { organizationId: other });
    await expect(createTestEntrepreneur(database.db, { organizationId, company: firm })).rejects.toThrow(/another organisation/);
  });

  it('gives ages mostly 45–68', () => {
    const random = createRandom(3);
    const now = new Date('2026-06-01T12:00:00Z');
    const ages = Array.from({ length: 1000 }, () => 2026 - randomBirthYear(random, now));
    const core = ages.filter((a) => a >= 45 && a <= 68).length / ages.length;
    expect(core).toBeGreaterThan(0.8);
    expect(core).toBeLessThan(0.9);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(32);
    expect(Math.max(...ages)).toBeLessThanOrEqual(72);
  });
});

describe('createTestStaff', () => {
  it('makes a member in the role, with a password that verifies', async () => {
    const passwordHash = await hashTestPassword('kahvi-ja-pulla');
    const { user, membership } = await createTestStaff(database.db, { organizationId, role: 'facilitator', passwordHash, email: 'ohjaaja@test.tyopeili.fi' });
    expect(membership.role).toBe('facilitator');
    expect(user.email).toBe('ohjaaja@test.tyopeili.fi');
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(user.passwordHash!, 'kahvi-ja-pulla')).toBe(true);
    expect(await verify(user.passwordHash!, 'kahvi-ja-pullat')).toBe(false);
    const [stored] = await database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, user.id)));
    expect(stored?.role).toBe('facilitator');
  });

  it('has no password unless given one', async () => {
    const { user } = await createTestStaff(database.db, { organizationId, role: 'coordinator' });
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerifiedAt).not.toBeNull();
  });
});
