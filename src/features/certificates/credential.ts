// The certificate's signed credential: made from the row in the holder's language and signed with
// the installation's key (config CREDENTIAL_SIGNING_KEY), then kept on the row. Issuing signs at
// once; a row without one (the demo's, seeded with only a database) is signed when first needed.
import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Tx } from '../../platform/db/db.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { users } from '../accounts/accounts.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { certificateTexts, type Certificate } from './certificates.queries.ts';
import { certificates } from './certificates.schema.ts';
import { buildOpenBadgeCredential, signCredential } from './open-badge.ts';

export type CredentialDeps = { config: Pick<Config, 'appUrl' | 'credentialSigningKey'> };

/** The holder's language as saved on their account, or null when they have not chosen one. */
export async function holderLocale(tx: Tx, holderUserId: string | null): Promise<Locale | null> {
  if (!holderUserId) return null;
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, holderUserId));
  return isLocale(row?.locale) ? row.locale : null;
}

/** Signs the certificate's credential (the row must still name its holder). */
export async function signCertificate(tx: Tx, deps: CredentialDeps, c: Certificate, now: Date = new Date()): Promise<string> {
  if (!c.holderName || !c.holderEmail) throw new Error('an erased certificate is not signed');
  const [organization] = await tx.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, c.organizationId));
  const texts = certificateTexts(c, (await holderLocale(tx, c.holderUserId)) ?? 'fi');
  const credential = buildOpenBadgeCredential({
    certificateId: c.id,
    appUrl: deps.config.appUrl,
    organization: organization!,
    achievement: { kind: c.achievementKind, name: texts.title, description: texts.description, criteria: texts.criteria, language: texts.language },
    holder: { name: c.holderName, email: c.holderEmail },
    startedOn: c.startedOn,
    endedOn: c.endedOn,
    issuedAt: c.issuedAt,
  });
  return signCredential(credential, deps.config.credentialSigningKey, deps.config.appUrl, now);
}

/** The stored credential, or a new one signed and stored now. */
export async function ensureCredential(tx: Tx, deps: CredentialDeps, c: Certificate): Promise<string> {
  if (c.credentialJwt) return c.credentialJwt;
  const jwt = await signCertificate(tx, deps, c);
  // Two first downloads at once: the first one's signature stays.
  const [row] = await tx
    .update(certificates)
    .set({ credentialJwt: jwt })
    .where(and(eq(certificates.organizationId, c.organizationId), eq(certificates.id, c.id), isNull(certificates.credentialJwt)))
    .returning({ jwt: certificates.credentialJwt });
  if (row?.jwt) return row.jwt;
  const [again] = await tx.select({ jwt: certificates.credentialJwt }).from(certificates).where(and(eq(certificates.organizationId, c.organizationId), eq(certificates.id, c.id)));
  return again?.jwt ?? jwt;
}
