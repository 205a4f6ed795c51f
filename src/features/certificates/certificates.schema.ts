// Certificates (issue 15, point 6): one row per certificate an organisation gave a person — the
// achievement in three languages, the dates, a short verification code for the public page, the
// holder's choice of what that page shows, revocation with its reason, and the Open Badges 3.0
// credential signed as a VC-JWT (stored once signed: issuing signs at once, the demo's rows are
// signed on first download). Erasing the holder anonymises the row: the code then answers "no
// longer valid" instead of "unknown" (ADR 034).
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { users } from '../accounts/accounts.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';

/** How the holder is named on the public verification page. */
export const certificateNameShown = ['full', 'initials'] as const;
export type CertificateNameShown = (typeof certificateNameShown)[number];

export const certificates = pgTable(
  'certificates',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    /** NULL once the holder's data is erased: the certificate is then no longer valid. */
    holderUserId: uuid('holder_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The name and address as on the certificate when issued. */
    holderName: text('holder_name'),
    holderEmail: text('holder_email'),
    /** What was achieved, e.g. 'facilitator-training' (a slug; the achievement's id in the credential). */
    achievementKind: text('achievement_kind').notNull(),
    titleFi: text('title_fi').notNull(),
    titleSv: text('title_sv').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    descriptionFi: text('description_fi').notNull(),
    descriptionSv: text('description_sv').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** The criteria met, as a narrative (Open Badges criteria.narrative). */
    criteriaFi: text('criteria_fi').notNull(),
    criteriaSv: text('criteria_sv').notNull().default(''),
    criteriaEn: text('criteria_en').notNull().default(''),
    /** What the certificate was given for in the calling feature (e.g. 'course-cohort' and its id): issuing twice gives one. */
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    /** 10 characters of Crockford base32 (no I, L, O, U), shown as XXXXX-XXXXX. */
    verificationCode: text('verification_code').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revocationReason: text('revocation_reason'),
    /** The holder's choice for the public verification page. */
    showName: text('show_name').$type<CertificateNameShown>().notNull().default('full'),
    showOrganization: boolean('show_organization').notNull().default(true),
    showEmail: boolean('show_email').notNull().default(false),
    /** The OpenBadgeCredential as a compact JWS (VC-JWT, EdDSA). */
    credentialJwt: text('credential_jwt'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'certificates_pkey' }),
    uniqueIndex('certificates_id_key').on(t.id),
    uniqueIndex('certificates_verification_code_key').on(t.verificationCode),
    // The holder's own list, across organisations.
    index('certificates_holder_idx').on(t.holderUserId),
    index('certificates_org_issued_idx').on(t.organizationId, t.issuedAt),
    uniqueIndex('certificates_org_source_key')
      .on(t.organizationId, t.sourceType, t.sourceId, t.holderUserId, t.achievementKind)
      .where(sql`${t.sourceId} IS NOT NULL AND ${t.revokedAt} IS NULL`),
    check('certificates_code_check', sql`${t.verificationCode} ~ '^[0-9A-HJKMNP-TV-Z]{10}$'`),
    check('certificates_kind_check', sql`${t.achievementKind} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('certificates_dates_check', sql`${t.endedOn} >= ${t.startedOn}`),
    check('certificates_show_name_check', sql`${t.showName} IN ('full', 'initials')`),
    check('certificates_source_check', sql`(${t.sourceType} IS NULL) = (${t.sourceId} IS NULL)`),
  ],
);
