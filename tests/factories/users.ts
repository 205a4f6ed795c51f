// A person for account tests: optional password, role (with an organisation made on the spot), locale and TOTP.
import { randomBytes } from 'node:crypto';
import { users, type Locale } from '../../src/features/accounts/accounts.schema.ts';
import { hashPassword } from '../../src/features/accounts/password.ts';
import { enableTotp, newTotpKey, sealTotpKey } from '../../src/features/accounts/totp.ts';
import { memberships, organizations, type Role } from '../../src/features/organizations/organizations.schema.ts';
import type { Tx } from '../../src/platform/db/db.ts';

export interface TestUserInput {
  email?: string;
  name?: string;
  password?: string;
  role?: Role;
  organizationId?: string;
  locale?: Locale;
  /** Turns TOTP on with a fresh key; needs the app's session secret to seal it. */
  totp?: { sessionSecret: string };
}

export async function createTestUser(db: Tx, input: TestUserInput = {}) {
  const unique = randomBytes(4).toString('hex');
  const [user] = await db
    .insert(users)
    .values({
      email: input.email ?? `henkilo.${unique}@example.fi`,
      name: input.name ?? 'Aino Virtanen',
      locale: input.locale ?? 'fi',
      passwordHash: input.password ? await hashPassword(input.password) : null,
      emailVerifiedAt: new Date(),
    })
    .returning();
  let organizationId = input.organizationId ?? null;
  if (input.role) {
    if (!organizationId) {
      const [org] = await db.insert(organizations).values({ name: `Testiorganisaatio ${unique}`, slug: `testi-${unique}` }).returning();
      organizationId = org!.id;
    }
    await db.insert(memberships).values({ organizationId, userId: user!.id, role: input.role });
  }
  let totpKey: Uint8Array | null = null;
  let recoveryCodes: string[] = [];
  if (input.totp) {
    totpKey = newTotpKey();
    recoveryCodes = await enableTotp(db, user!.id, sealTotpKey(input.totp.sessionSecret, user!.id, totpKey));
  }
  return { user: user!, organizationId, totpKey, recoveryCodes };
}
