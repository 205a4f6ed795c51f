// Peer groups, their facilitators and members, and the organisation's group agreement.
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';

export const groupStatuses = ['forming', 'active', 'paused', 'ended'] as const;
export type GroupStatus = (typeof groupStatuses)[number];

export const groups = pgTable(
  'groups',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    name: text('name').notNull(),
    status: text('status').$type<GroupStatus>().notNull().default('forming'),
    /** in_person | online | walking | mixed */
    format: text('format').notNull().default('in_person'),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'groups_pkey' }),
    index('groups_org_status_idx').on(t.organizationId, t.status),
    check('groups_status_check', sql`${t.status} IN ('forming', 'active', 'paused', 'ended')`),
  ],
);

/** 1–2 facilitators per group. */
export const groupFacilitators = pgTable(
  'group_facilitators',
  {
    organizationId: uuid('organization_id').notNull(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.groupId, t.userId], name: 'group_facilitators_pkey' }),
    foreignKey({ name: 'group_facilitators_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
    index('group_facilitators_org_user_idx').on(t.organizationId, t.userId),
  ],
);

/** Versioned group agreement of an organisation (confidentiality, respect, equal turns, reflect rather than advise). */
export const groupAgreements = pgTable(
  'group_agreements',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    textFi: text('text_fi').notNull(),
    textSv: text('text_sv').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.version], name: 'group_agreements_pkey' })],
);

export const groupMembers = pgTable(
  'group_members',
  {
    organizationId: uuid('organization_id').notNull(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    /** The agreement version the member accepted, and when; null until accepted. */
    agreementVersion: integer('agreement_version'),
    agreementAcceptedAt: timestamp('agreement_accepted_at', { withTimezone: true }),
    /** How the member is shown to the others: first name always, company and photo only by their choice. */
    showCompany: boolean('show_company').notNull().default(false),
    photoPath: text('photo_path'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.groupId, t.userId], name: 'group_members_pkey' }),
    foreignKey({ name: 'group_members_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
    index('group_members_org_user_idx').on(t.organizationId, t.userId),
  ],
);
