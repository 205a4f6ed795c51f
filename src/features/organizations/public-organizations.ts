// Organisations on the public site (issue 14, point 1): the list, one organisation by its slug, and
// the public contact a coordinator sets on the settings page. Only what an organisation publishes:
// name, slug, contact, served municipalities; never members or anything about people.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, canSeeOrganization, organizationPolicy } from '../../platform/policy/index.ts';
import { organizations } from './organizations.schema.ts';
import { listServedMunicipalities } from './served-municipalities.ts';

const optional = (inner: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(inner.nullable());

/** A phone number as people write it: "02 620 3000", "(02) 620 3000", "+358 44 710 3662". */
export const phonePattern = /^\+?\(?[0-9][0-9 ()-]{4,28}[0-9]$/;

/** The posted contact: each part optional; an empty field clears it. */
export const publicContactSchema = z.object({
  publicEmail: optional(z.email({ message: 'site.contact.emailInvalid' }).max(254, 'site.contact.emailInvalid')),
  publicPhone: optional(z.string().regex(phonePattern, 'site.contact.phoneInvalid')),
  publicAddress: optional(z.string().max(200, 'site.contact.addressTooLong').regex(/^[^\p{Cc}]*$/u, 'site.contact.addressTooLong')),
});
export type PublicContact = z.output<typeof publicContactSchema>;

/** Slugs are made by slugify(): lower-case letters, digits and hyphens. */
export const organizationSlugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/);

const publicColumns = {
  id: organizations.id,
  name: organizations.name,
  slug: organizations.slug,
  publicEmail: organizations.publicEmail,
  publicPhone: organizations.publicPhone,
  publicAddress: organizations.publicAddress,
};

export async function listPublicOrganizations(db: Tx) {
  return db.select(publicColumns).from(organizations).orderBy(asc(organizations.name));
}

/** One organisation by its slug with the municipalities it serves, or null. */
export async function findPublicOrganization(db: Tx, { slug }: { slug: string }) {
  const [row] = await db.select(publicColumns).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  if (!row) return null;
  return { ...row, municipalities: await listServedMunicipalities(db, { organizationId: row.id }) };
}

export async function findPublicContact(db: Tx, { organizationId }: { organizationId: string }): Promise<PublicContact | null> {
  const [row] = await db
    .select({ publicEmail: organizations.publicEmail, publicPhone: organizations.publicPhone, publicAddress: organizations.publicAddress })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row ?? null;
}

/** Sets the organisation's public contact (its coordinators and admins); audited. */
export async function setPublicContact(actor: Actor | null, deps: { db: Db }, input: { organizationId: string } & PublicContact): Promise<void> {
  const { organizationId } = input;
  if (!canSeeOrganization(actor, { organizationId })) throw new NotFoundError();
  authorize(actor, { organizationId }, organizationPolicy.manageSettings);
  const contact = publicContactSchema.parse({
    publicEmail: input.publicEmail ?? '',
    publicPhone: input.publicPhone ?? '',
    publicAddress: input.publicAddress ?? '',
  });
  await deps.db.transaction(async (tx) => {
    await tx.update(organizations).set(contact).where(eq(organizations.id, organizationId));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor?.userId,
      action: 'org.public_contact_set',
      targetType: 'organization',
      targetId: organizationId,
      metadata: { email: contact.publicEmail !== null, phone: contact.publicPhone !== null, address: contact.publicAddress !== null },
    });
  });
}
