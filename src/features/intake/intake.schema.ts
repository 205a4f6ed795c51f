// Applications from the public form (no account), and the coordinator's intake queue.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';

export const applicationStatuses = ['new', 'contacted', 'assigned', 'declined'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const meetingFormats = ['in_person', 'online', 'walking'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];

export const applications = pgTable(
  'applications',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    companyName: text('company_name'),
    businessId: text('business_id'),
    sector: text('sector'),
    size: text('size'),
    municipality: text('municipality'),
    birthYear: integer('birth_year'),
    formats: text('formats').array().notNull().default(sql`'{}'::text[]`),
    locale: text('locale').notNull().default('fi'),
    availability: text('availability'),
    hopes: text('hopes'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('new'),
    contactNote: text('contact_note'),
    /** The group the applicant was placed in, when assigned. */
    groupId: uuid('group_id'),
    declineMessage: text('decline_message'),
    handledBy: uuid('handled_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'applications_pkey' }),
    index('applications_org_status_idx').on(t.organizationId, t.status, t.createdAt),
    check('applications_status_check', sql`${t.status} IN ('new', 'contacted', 'assigned', 'declined')`),
  ],
);
