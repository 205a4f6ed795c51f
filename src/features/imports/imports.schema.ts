// Who came in by an import and has not yet confirmed it: on their first sign-in they see what was
// imported about them, with the privacy notice, and confirm or ask for erasure (issue 19, point 4).
import { foreignKey, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships } from '../organizations/organizations.schema.ts';

export const importedPeople = pgTable(
  'imported_people',
  {
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId], name: 'imported_people_pkey' }),
    foreignKey({ name: 'imported_people_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  ],
);
