// Reading certificates: by id (the holder's pages, the coordinator's), by verification code (the
// public page), the holder's own across organisations, an organisation's list; and the texts of
// one certificate in a language (Swedish and English fall back to Finnish).
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { CertificateResource } from '../../platform/policy/index.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { certificates } from './certificates.schema.ts';

export type Certificate = typeof certificates.$inferSelect;
export type CertificateWithOrganization = Certificate & { organizationName: string; organizationSlug: string };
export type CertificateStatus = 'valid' | 'revoked' | 'erased';

const withOrganization = { certificate: certificates, organizationName: organizations.name, organizationSlug: organizations.slug };
const flatten = (r: { certificate: Certificate; organizationName: string; organizationSlug: string }): CertificateWithOrganization => ({
  ...r.certificate,
  organizationName: r.organizationName,
  organizationSlug: r.organizationSlug,
});

export function certificateStatus(c: Pick<Certificate, 'revokedAt' | 'holderUserId'>): CertificateStatus {
  if (c.holderUserId === null) return 'erased';
  return c.revokedAt ? 'revoked' : 'valid';
}

export function certificateResource(c: Pick<Certificate, 'organizationId' | 'holderUserId' | 'revokedAt'>): CertificateResource {
  return { organizationId: c.organizationId, holderUserId: c.holderUserId, revoked: c.revokedAt !== null };
}

/** One certificate by its id, in any organisation (the caller authorizes). */
export async function findCertificateById(db: Db | Tx, certificateId: string): Promise<CertificateWithOrganization | null> {
  const [row] = await db
    .select(withOrganization)
    .from(certificates)
    .innerJoin(organizations, eq(organizations.id, certificates.organizationId))
    .where(eq(certificates.id, certificateId));
  return row ? flatten(row) : null;
}

export async function findCertificateByCode(db: Db | Tx, code: string): Promise<CertificateWithOrganization | null> {
  const [row] = await db
    .select(withOrganization)
    .from(certificates)
    .innerJoin(organizations, eq(organizations.id, certificates.organizationId))
    .where(eq(certificates.verificationCode, code));
  return row ? flatten(row) : null;
}

/** The holder's own certificates in every organisation, newest first. */
export async function listHolderCertificates(db: Db | Tx, holderUserId: string): Promise<CertificateWithOrganization[]> {
  const rows = await db
    .select(withOrganization)
    .from(certificates)
    .innerJoin(organizations, eq(organizations.id, certificates.organizationId))
    .where(eq(certificates.holderUserId, holderUserId))
    .orderBy(desc(certificates.issuedAt));
  return rows.map(flatten);
}

export async function listOrganizationCertificates(db: Db | Tx, { organizationId }: { organizationId: string }): Promise<Certificate[]> {
  return db.select().from(certificates).where(eq(certificates.organizationId, organizationId)).orderBy(desc(certificates.issuedAt), desc(certificates.id));
}

export async function findOrganizationCertificate(db: Db | Tx, { organizationId, certificateId }: { organizationId: string; certificateId: string }): Promise<Certificate | null> {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, certificateId)));
  return row ?? null;
}

/** The achievement's texts in this language; an empty Swedish or English text falls back to Finnish. */
export function certificateTexts(c: Certificate, locale: Locale): { title: string; description: string; criteria: string; language: Locale } {
  const pick = (fi: string, sv: string, en: string) => (locale === 'sv' && sv ? sv : locale === 'en' && en ? en : fi);
  const translated = locale === 'fi' || (locale === 'sv' ? c.titleSv !== '' : c.titleEn !== '');
  return {
    title: pick(c.titleFi, c.titleSv, c.titleEn),
    description: pick(c.descriptionFi, c.descriptionSv, c.descriptionEn),
    criteria: pick(c.criteriaFi, c.criteriaSv, c.criteriaEn),
    language: translated ? locale : 'fi',
  };
}

/** "Maija Mäkinen" → "M. M." (the holder may show only their initials). */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join(' ');
}

/** A Helsinki calendar day (ISO) as a Date that formats to that day in any of our locales. */
export function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** The organisation as a credential's issuer (its id, name and public page's slug). */
export async function findIssuer(db: Db | Tx, organizationId: string): Promise<{ id: string; name: string; slug: string } | null> {
  const [row] = await db.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, organizationId));
  return row ?? null;
}
