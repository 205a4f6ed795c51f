// Factories for organisations and their people, with realistic Finnish values.
// (Shared with the demo seed; users here have no password unless a test sets one.)
import { randomBytes } from 'node:crypto';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { createSession, loadActor } from '../../src/features/accounts/sessions.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { memberships, organizations, type Role } from '../../src/features/organizations/organizations.schema.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Tx } from '../../src/platform/db/db.ts';

const orgNames = ['Satakunnan Yrityspalvelut Oy', 'Porin Kehitysyhtiö', 'Rauman Seudun Yrityskeskus', 'Länsirannikon Ammattikorkeakoulu', 'Huittisten Uusyrityskeskus'];
const firstNames = ['Aino', 'Eero', 'Helmi', 'Ilkka', 'Kaarina', 'Matti', 'Pirjo', 'Seppo', 'Tuula', 'Väinö'];
const lastNames = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Laine', 'Heikkinen', 'Järvinen', 'Lehtonen'];

function pick<T>(list: readonly T[]): T {
  return list[randomBytes(1)[0]! % list.length]!;
}

const unique = () => randomBytes(4).toString('hex');

export async function createTestOrganization(db: Tx, input: { name?: string; slug?: string } = {}) {
  const name = input.name ?? `${pick(orgNames)} ${unique()}`;
  const [organization] = await db
    .insert(organizations)
    .values({ name, slug: input.slug ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unique()}` })
    .returning();
  return organization!;
}

/** A person with a role in an organisation (no password: tests sign in with a session row). */
export async function createTestMember(db: Tx, input: { organizationId: string; role: Role; email?: string; name?: string; passwordHash?: string | null }) {
  const name = input.name ?? `${pick(firstNames)} ${pick(lastNames)}`;
  const email = input.email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${unique()}@example.fi`;
  const [user] = await db.insert(users).values({ email, name, locale: 'fi', passwordHash: input.passwordHash ?? null, emailVerifiedAt: new Date() }).returning();
  await db.insert(memberships).values({ organizationId: input.organizationId, userId: user!.id, role: input.role });
  return user!;
}

export async function addMembership(db: Tx, input: { organizationId: string; userId: string; role: Role }) {
  await db.insert(memberships).values(input);
}

/** The actor that policies see for this person (working in the given organisation, else the first). */
export async function actorFor(db: Tx, userId: string, organizationId: string | null = null): Promise<Actor> {
  const actor = await loadActor(db, { id: 'test', userId, secondFactorDone: true, activeOrganizationId: organizationId, expiresAt: new Date(Date.now() + 3600_000) });
  if (!actor) throw new Error('no such user');
  return actor;
}

/** Signs the person in: a real session row, and the cookie header to send with fetch. */
export async function signIn(db: Tx, userId: string): Promise<{ cookie: string; token: string; sessionId: string }> {
  const session = await createSession(db, { userId, rememberMe: false });
  return { cookie: `${SESSION_COOKIE}=${session.token}`, token: session.token, sessionId: session.id };
}
