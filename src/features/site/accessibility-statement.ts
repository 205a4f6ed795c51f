// The accessibility statement's facts (Act 306/2019): read for the public page, edited by an admin.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { sitePolicy } from '../../platform/policy/index.ts';
import { dateField } from '../../platform/validation/finnish-input.ts';
import { phonePattern } from '../organizations/public-organizations.ts';
import { accessibilityStatement, assessmentMethods, conformanceLevels, type AccessibilityStatement } from './site.schema.ts';

export async function getAccessibilityStatement(db: Tx): Promise<AccessibilityStatement | null> {
  const [row] = await db.select().from(accessibilityStatement).where(eq(accessibilityStatement.id, 'installation')).limit(1);
  return row ?? null;
}

const isoDate = dateField('site.a11yAdmin.dateInvalid');
const line = (max: number) => z.string().trim().min(1, 'site.a11yAdmin.required').max(max, 'site.a11yAdmin.tooLong').regex(/^[^\p{Cc}]*$/u, 'site.a11yAdmin.tooLong');
const email = z.string().trim().pipe(z.email({ message: 'site.contact.emailInvalid' }).max(254, 'site.contact.emailInvalid'));
const phone = z.string().trim().regex(phonePattern, 'site.contact.phoneInvalid');

export const accessibilityStatementSchema = z.object({
  conformance: z.enum(conformanceLevels, { message: 'site.a11yAdmin.required' }),
  assessment: z.enum(assessmentMethods, { message: 'site.a11yAdmin.required' }),
  preparedOn: isoDate,
  reviewedOn: isoDate,
  feedbackEmail: email,
  feedbackPhone: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(phone.nullable()),
  authorityNameFi: line(200),
  authorityNameSv: line(200),
  authorityNameEn: line(200),
  authorityUrl: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, message: 'site.a11yAdmin.urlInvalid' }).max(300, 'site.a11yAdmin.urlInvalid')),
  authorityEmail: email,
  authorityPhone: phone,
});
export type AccessibilityStatementInput = z.output<typeof accessibilityStatementSchema>;

/** Replaces the statement's facts (admins only); audited installation-wide. */
export async function updateAccessibilityStatement(actor: Actor | null, deps: { db: Db }, input: AccessibilityStatementInput): Promise<void> {
  if (!sitePolicy.editAccessibilityStatement(actor, null)) throw new ForbiddenError();
  const values = accessibilityStatementSchema.parse(input);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(accessibilityStatement)
      .values({ id: 'installation', ...values })
      .onConflictDoUpdate({ target: accessibilityStatement.id, set: { ...values, updatedAt: sql`now()` } });
    await recordAudit(tx, { actorUserId: actor?.userId, action: 'site.accessibility_statement_set', targetType: 'accessibility_statement', targetId: 'installation' });
  });
}
