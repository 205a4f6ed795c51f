// Factories for the people of an organisation: staff in a role, and entrepreneurs with
// their company and profile. Realistic Finnish values, deterministic with a seeded
// `random` (createRandom from finnish-names.ts). Shared with the demo seed (src/demo/seed.ts).
import { hashPassword } from '../../src/features/accounts/password.ts';
import type { Company, EntrepreneurProfile, Gender } from '../../src/features/companies/companies.schema.ts';
import { entrepreneurProfiles } from '../../src/features/companies/companies.schema.ts';
import type { Role } from '../../src/features/organizations/organizations.schema.ts';
import type { Tx } from '../../src/platform/db/db.ts';
import { createTestCompany, freshRandom, otherSectorCodes, type TestCompanyOptions } from './companies.ts';
import { emailFor, femaleFirstNames, lastNames, maleFirstNames, type Person, type Random } from './finnish-names.ts';
import { createTestMember } from './organizations.ts';

/**
 * argon2id with the OWASP minimum (19 MiB, 2 passes): the parameters the sign-in verifies.
 * Hash once and pass `passwordHash` to many factories: hashing takes tens of milliseconds.
 */
export async function hashTestPassword(password: string): Promise<string> {
  return hashPassword(password);
}

/** A person of the given gender (randomPerson draws the gender itself). */
export function randomPersonOfGender(random: Random, gender: 'female' | 'male'): Person {
  return { firstName: random.pick(gender === 'female' ? femaleFirstNames : maleFirstNames), lastName: random.pick(lastNames), gender };
}

/**
 * A birth year giving the programme's age profile: mostly 45–68 years old (many 54+),
 * some younger, a few older.
 */
export function randomBirthYear(random: Random, now = new Date()): number {
  const r = random.next();
  const age = r < 0.85 ? random.int(45, 68) : r < 0.95 ? random.int(32, 44) : random.int(69, 72);
  return now.getFullYear() - age;
}

export type MemberRows = {
  user: Awaited<ReturnType<typeof createTestMember>>;
  membership: { organizationId: string; userId: string; role: Role };
};

export interface TestPersonOptions {
  organizationId: string;
  random?: Random;
  person?: Person;
  /** Defaults to firstname.lastname.NNNN@ this domain (NNNN keeps calls in one test apart). */
  emailDomain?: string;
  email?: string;
  /** Already hashed (see hashTestPassword); none by default: tests sign in with a session row. */
  passwordHash?: string | null;
}

function emailOf(random: Random, person: Person, options: TestPersonOptions): string {
  if (options.email) return options.email;
  const plain = emailFor(person.firstName, person.lastName, options.emailDomain ?? 'test.tyopeili.fi');
  const [local, domain] = plain.split('@');
  return `${local}.${random.int(1000, 9999)}@${domain}`;
}

async function createPerson(db: Tx, role: Role, options: TestPersonOptions, person: Person, random: Random): Promise<MemberRows> {
  const user = await createTestMember(db, {
    organizationId: options.organizationId,
    role,
    name: `${person.firstName} ${person.lastName}`,
    email: emailOf(random, person, options),
    passwordHash: options.passwordHash ?? null,
  });
  return { user, membership: { organizationId: options.organizationId, userId: user.id, role } };
}

export interface TestStaffOptions extends TestPersonOptions {
  role: Exclude<Role, 'entrepreneur'>;
}

/** A staff member (coordinator, facilitator, expert, trainee, funder or admin) of an organisation. */
export async function createTestStaff(db: Tx, options: TestStaffOptions): Promise<MemberRows> {
  const random = options.random ?? freshRandom();
  const person = options.person ?? randomPersonOfGender(random, random.next() < 0.6 ? 'female' : 'male');
  return createPerson(db, options.role, options, person, random);
}

export interface TestEntrepreneurOptions extends TestPersonOptions {
  /** null: no birth year given. Default: mostly 45–68 years old. */
  birthYear?: number | null;
  /** Default: the person's gender. */
  gender?: Gender | null;
  phone?: string | null;
  /**
   * The company: options for a new one (default: a new sole-trader company, sote most
   * often), an existing row to share (a key person of someone else's firm), or null for none.
   */
  company?: Omit<TestCompanyOptions, 'organizationId' | 'random'> | Company | null;
}

export type EntrepreneurRows = MemberRows & { company: Company | null; profile: EntrepreneurProfile };

function isCompanyRow(value: TestEntrepreneurOptions['company']): value is Company {
  return typeof value === 'object' && value !== null && 'id' in value && 'createdAt' in value;
}

/** An entrepreneur: user, membership, company (new or shared) and profile. */
export async function createTestEntrepreneur(db: Tx, options: TestEntrepreneurOptions): Promise<EntrepreneurRows> {
  const random = options.random ?? freshRandom();
  const companyOption = options.company;
  const sector = isCompanyRow(companyOption) ? companyOption.sector : (companyOption?.sector ?? (random.next() < 0.7 ? 'sote' : random.pick(otherSectorCodes)));
  // Social and health care entrepreneurs are mostly women (about 80 % in the pilot).
  const person = options.person ?? randomPersonOfGender(random, random.next() < (sector === 'sote' ? 0.8 : 0.45) ? 'female' : 'male');
  const rows = await createPerson(db, 'entrepreneur', options, person, random);

  let company: Company | null = null;
  if (isCompanyRow(companyOption)) {
    if (companyOption.organizationId !== options.organizationId) throw new Error('the company belongs to another organisation');
    company = companyOption;
  } else if (companyOption !== null) {
    company = await createTestCompany(db, { owner: person, ...companyOption, sector: sector ?? undefined, organizationId: options.organizationId, random });
  }

  const [profile] = await db
    .insert(entrepreneurProfiles)
    .values({
      organizationId: options.organizationId,
      userId: rows.user.id,
      companyId: company?.id ?? null,
      birthYear: options.birthYear === undefined ? randomBirthYear(random) : options.birthYear,
      gender: options.gender === undefined ? person.gender : options.gender,
      phone: options.phone ?? null,
    })
    .returning();
  if (!profile) throw new Error('insert returned no profile');
  return { ...rows, company, profile };
}
