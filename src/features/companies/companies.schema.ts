// An entrepreneur's company and their own profile in one organisation: what the
// monitoring figures group by (sector, size, municipality, gender, age band).
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { memberships, organizations } from '../organizations/organizations.schema.ts';

export const companySizeCodes = ['sole', 'micro', 'small', 'medium'] as const;
export type CompanySizeCode = (typeof companySizeCodes)[number];

export const genders = ['female', 'male', 'other'] as const;
export type Gender = (typeof genders)[number];

/**
 * A company taking part, owned by one organisation. Several entrepreneurs (owner and key
 * persons) may point at the same row. The key starts with organization_id (Citus-ready).
 */
export const companies = pgTable(
  'companies',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    name: text('name').notNull(),
    /** Y-tunnus "1234567-8", checksum-validated in the app; null for a company not yet registered. */
    businessId: text('business_id'),
    /** A code from src/features/companies/sectors.ts. */
    sector: text('sector'),
    size: text('size').$type<CompanySizeCode>(),
    /** Statistics Finland municipality code, e.g. "609" (Pori). */
    municipality: text('municipality'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'companies_pkey' }),
    uniqueIndex('companies_org_business_id_key')
      .on(t.organizationId, t.businessId)
      .where(sql`${t.businessId} IS NOT NULL`),
    check('companies_size_check', sql`${t.size} IS NULL OR ${t.size} IN ('sole', 'micro', 'small', 'medium')`),
    check('companies_business_id_format', sql`${t.businessId} IS NULL OR ${t.businessId} ~ '^[0-9]{7}-[0-9]$'`),
  ],
);

/** An entrepreneur member's own facts in one organisation; goes with the membership. */
export const entrepreneurProfiles = pgTable(
  'entrepreneur_profiles',
  {
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    companyId: uuid('company_id'),
    birthYear: integer('birth_year'),
    gender: text('gender').$type<Gender>(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId], name: 'entrepreneur_profiles_pkey' }),
    foreignKey({
      name: 'entrepreneur_profiles_membership_fk',
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('cascade'),
    // A company with people still pointing at it cannot be deleted by accident (NO ACTION, not
    // RESTRICT: deleting the whole organisation cascades to both in one statement).
    foreignKey({
      name: 'entrepreneur_profiles_company_fk',
      columns: [t.organizationId, t.companyId],
      foreignColumns: [companies.organizationId, companies.id],
    }).onDelete('no action'),
    index('entrepreneur_profiles_org_company_idx').on(t.organizationId, t.companyId),
    check('entrepreneur_profiles_gender_check', sql`${t.gender} IS NULL OR ${t.gender} IN ('female', 'male', 'other')`),
    check('entrepreneur_profiles_birth_year_check', sql`${t.birthYear} IS NULL OR ${t.birthYear} BETWEEN 1900 AND 2100`),
  ],
);

export type Company = typeof companies.$inferSelect;
export type EntrepreneurProfile = typeof entrepreneurProfiles.$inferSelect;
