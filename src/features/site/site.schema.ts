import { sql } from 'drizzle-orm';
import { check, date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const conformanceLevels = ['full', 'partial', 'none'] as const;
export type Conformance = (typeof conformanceLevels)[number];
export const assessmentMethods = ['self', 'external'] as const;
export type AssessmentMethod = (typeof assessmentMethods)[number];

/**
 * The accessibility statement's facts (Act 306/2019, §15–16): one row for the installation, seeded
 * by migration 0017 and edited by an admin on /admin/accessibility. The statement's prose is in the
 * catalogs; what changes without a release (dates, status, feedback channel, the supervising
 * authority and its contact, which moved from the regional state administrative agency to the
 * Lupa- ja valvontavirasto in 2026) is here.
 */
export const accessibilityStatement = pgTable(
  'accessibility_statement',
  {
    id: text('id').primaryKey().default('installation'),
    conformance: text('conformance').$type<Conformance>().notNull().default('partial'),
    assessment: text('assessment').$type<AssessmentMethod>().notNull().default('self'),
    preparedOn: date('prepared_on', { mode: 'string' }).notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    feedbackEmail: text('feedback_email').notNull(),
    feedbackPhone: text('feedback_phone'),
    authorityNameFi: text('authority_name_fi').notNull(),
    authorityNameSv: text('authority_name_sv').notNull(),
    authorityNameEn: text('authority_name_en').notNull(),
    authorityUrl: text('authority_url').notNull(),
    authorityEmail: text('authority_email').notNull(),
    authorityPhone: text('authority_phone').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('accessibility_statement_single_row', sql`${t.id} = 'installation'`),
    check('accessibility_statement_conformance_check', sql`${t.conformance} IN ('full', 'partial', 'none')`),
    check('accessibility_statement_assessment_check', sql`${t.assessment} IN ('self', 'external')`),
  ],
);

export type AccessibilityStatement = typeof accessibilityStatement.$inferSelect;
