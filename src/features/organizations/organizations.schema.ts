import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/ids.ts';
import { users } from '../accounts/accounts.schema.ts';
import type { Role } from '../../platform/auth/roles.ts';

// The role vocabulary belongs to the platform (actor, policies); re-exported for this feature's callers.
export { roles, type Role } from '../../platform/auth/roles.ts';

/** A tenant: a regional development company, a university, a business service provider. */
export const organizations = pgTable(
  'organizations',
  {
    id: idColumn(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** The public page's contact (issue 14): a shared mailbox, a switchboard and a street address, set by a coordinator. */
    publicEmail: text('public_email'),
    publicPhone: text('public_phone'),
    publicAddress: text('public_address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_slug_key').on(t.slug)],
);

/** The municipalities an organisation serves (codes of src/features/places/municipalities.ts): the application form picks the organiser by them. */
export const organizationMunicipalities = pgTable(
  'organization_municipalities',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    municipalityCode: text('municipality_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.municipalityCode] })],
);

export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: idColumn(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_org_email_idx').on(t.organizationId, sql`lower(${t.email})`),
  ],
);
