// The tables' own rules, checked against the real database: tenant-scoped keys,
// constraints, and what deleting a user, a company or an organisation does.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCompany } from '../../../tests/factories/companies.ts';
import { createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestEntrepreneur } from '../../../tests/factories/people.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { users } from '../accounts/accounts.schema.ts';
import { memberships, organizations } from '../organizations/organizations.schema.ts';
import { companies, entrepreneurProfiles } from './companies.schema.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** The PostgreSQL error code of a failed statement (drizzle wraps the driver's error). */
async function pgCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.code ?? e.cause?.code;
  }
  return undefined;
}

describe('companies and entrepreneur_profiles', () => {
  it('refuses a malformed business ID, an unknown size, gender or impossible birth year', async () => {
    const { id: organizationId } = await createTestOrganization(database.db);
    expect(await pgCode(createTestCompany(database.db, { organizationId, businessId: '1234567-89' }))).toBe('23514');
    expect(await pgCode(createTestCompany(database.db, { organizationId, businessId: '123456-7' }))).toBe('23514');
    expect(await pgCode(createTestCompany(database.db, { organizationId, size: 'huge' as never }))).toBe('23514');
    expect(await pgCode(createTestEntrepreneur(database.db, { organizationId, gender: 'x' as never }))).toBe('23514');
    expect(await pgCode(createTestEntrepreneur(database.db, { organizationId, birthYear: 1850 }))).toBe('23514');
    expect(await createTestCompany(database.db, { organizationId, businessId: null })).toMatchObject({ businessId: null });
  });

  it('keeps a business ID unique within an organisation, not across organisations', async () => {
    const a = await createTestOrganization(database.db);
    const b = await createTestOrganization(database.db);
    await createTestCompany(database.db, { organizationId: a.id, businessId: '0112038-9' });
    expect(await pgCode(createTestCompany(database.db, { organizationId: a.id, businessId: '0112038-9' }))).toBe('23505');
    await expect(createTestCompany(database.db, { organizationId: b.id, businessId: '0112038-9' })).resolves.toBeTruthy();
  });

  it("cannot point a profile at another organisation's company", async () => {
    const a = await createTestOrganization(database.db);
    const b = await createTestOrganization(database.db);
    const theirs = await createTestCompany(database.db, { organizationId: b.id });
    const mine = await createTestEntrepreneur(database.db, { organizationId: a.id, company: null });
    const update = database.db
      .update(entrepreneurProfiles)
      .set({ companyId: theirs.id })
      .where(and(eq(entrepreneurProfiles.organizationId, a.id), eq(entrepreneurProfiles.userId, mine.user.id)));
    expect(await pgCode(update)).toBe('23503');
  });

  it('needs an entrepreneur membership behind a profile', async () => {
    const a = await createTestOrganization(database.db);
    const b = await createTestOrganization(database.db);
    const person = await createTestEntrepreneur(database.db, { organizationId: a.id, company: null });
    expect(await pgCode(database.db.insert(entrepreneurProfiles).values({ organizationId: b.id, userId: person.user.id }))).toBe('23503');
  });

  it('does not delete a company people still point at', async () => {
    const { id: organizationId } = await createTestOrganization(database.db);
    const { company } = await createTestEntrepreneur(database.db, { organizationId });
    const remove = database.db.delete(companies).where(and(eq(companies.organizationId, organizationId), eq(companies.id, company!.id)));
    expect(await pgCode(remove)).toBe('23503');
  });

  it('deletes the profile with the user or the membership, and keeps the company', async () => {
    const { id: organizationId } = await createTestOrganization(database.db);
    const one = await createTestEntrepreneur(database.db, { organizationId });
    const two = await createTestEntrepreneur(database.db, { organizationId });
    await database.db.delete(users).where(eq(users.id, one.user.id));
    await database.db.delete(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, two.user.id)));
    const [profiles] = await database.db.select({ n: count() }).from(entrepreneurProfiles).where(eq(entrepreneurProfiles.organizationId, organizationId));
    expect(profiles?.n).toBe(0);
    const [left] = await database.db.select({ n: count() }).from(companies).where(eq(companies.organizationId, organizationId));
    expect(left?.n).toBe(2);
  });

  it('deletes companies and profiles with their organisation', async () => {
    const { id: organizationId } = await createTestOrganization(database.db);
    await createTestEntrepreneur(database.db, { organizationId });
    await createTestEntrepreneur(database.db, { organizationId });
    await database.db.delete(organizations).where(eq(organizations.id, organizationId));
    const [c] = await database.db.select({ n: count() }).from(companies).where(eq(companies.organizationId, organizationId));
    const [p] = await database.db.select({ n: count() }).from(entrepreneurProfiles).where(eq(entrepreneurProfiles.organizationId, organizationId));
    expect([c?.n, p?.n]).toEqual([0, 0]);
  });
});
