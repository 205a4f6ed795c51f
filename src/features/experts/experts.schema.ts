// Experts (issue 14, point 5): an expert's profile for the organisation's directory, the
// invitations to a meeting's expert segment or to an event, and the hours an expert gave.
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { meetings } from '../meetings/meetings.schema.ts';
import { events } from '../events/events.schema.ts';

export { expertLanguages, type ExpertLanguage } from './languages.ts';
export const expertInvitationStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type ExpertInvitationStatus = (typeof expertInvitationStatuses)[number];

/** One profile per expert membership: removed with the membership. */
export const expertProfiles = pgTable(
  'expert_profiles',
  {
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** Topics as the expert words them ("verotus", "kirjanpito"). */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    bio: text('bio').notNull().default(''),
    /** Languages the expert works in (codes of expertLanguages). */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** Region or municipalities served, in the expert's words ("Satakunta, Pori, Rauma"). */
    region: text('region').notNull().default(''),
    /** Listed in the organisation's directory for its facilitators (coordinators see every profile). */
    publicInDirectory: boolean('public_in_directory').notNull().default(true),
    /** The photo, kept with the materials' files, typed by its bytes. */
    photoStorageKey: text('photo_storage_key'),
    photoMediaType: text('photo_media_type'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId], name: 'expert_profiles_pkey' }),
    foreignKey({ name: 'expert_profiles_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** An invitation to one expert segment of a meeting, or to an event. */
export const expertInvitations = pgTable(
  'expert_invitations',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    expertUserId: uuid('expert_user_id').notNull(),
    invitedBy: uuid('invited_by'),
    meetingId: uuid('meeting_id'),
    /** The agenda item (its id changes when the agenda is saved again: the position is the fallback). */
    agendaItemId: uuid('agenda_item_id'),
    agendaPosition: integer('agenda_position'),
    eventId: uuid('event_id'),
    /** Minutes of the segment or the event when invited: the default hours. */
    minutes: integer('minutes').notNull(),
    /** When the segment or event begins (for the mail, the lists and the hours' period). */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    message: text('message').notNull().default(''),
    status: text('status').$type<ExpertInvitationStatus>().notNull().default('pending'),
    responseNote: text('response_note'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'expert_invitations_pkey' }),
    foreignKey({ name: 'expert_invitations_membership_fk', columns: [t.organizationId, t.expertUserId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
    foreignKey({ name: 'expert_invitations_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
    foreignKey({ name: 'expert_invitations_event_fk', columns: [t.organizationId, t.eventId], foreignColumns: [events.organizationId, events.id] }).onDelete('cascade'),
    index('expert_invitations_org_expert_idx').on(t.organizationId, t.expertUserId, t.status),
    index('expert_invitations_org_meeting_idx').on(t.organizationId, t.meetingId),
    index('expert_invitations_org_event_idx').on(t.organizationId, t.eventId),
    check('expert_invitations_status_check', sql`${t.status} IN ('pending', 'accepted', 'declined', 'withdrawn')`),
    check('expert_invitations_target_check', sql`(${t.meetingId} IS NOT NULL AND ${t.agendaPosition} IS NOT NULL AND ${t.eventId} IS NULL) OR (${t.meetingId} IS NULL AND ${t.eventId} IS NOT NULL)`),
    check('expert_invitations_minutes_check', sql`${t.minutes} BETWEEN 0 AND 1440`),
  ],
);

/** The hours an expert gave (one row per accepted invitation), for reporting to funders. */
export const expertHours = pgTable(
  'expert_hours',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    expertUserId: uuid('expert_user_id').notNull(),
    invitationId: uuid('invitation_id').notNull(),
    /** When the work was done (the segment's or event's start). */
    workedAt: timestamp('worked_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'expert_hours_pkey' }),
    foreignKey({ name: 'expert_hours_invitation_fk', columns: [t.organizationId, t.invitationId], foreignColumns: [expertInvitations.organizationId, expertInvitations.id] }).onDelete('cascade'),
    uniqueIndex('expert_hours_invitation_key').on(t.organizationId, t.invitationId),
    index('expert_hours_org_worked_idx').on(t.organizationId, t.workedAt),
    index('expert_hours_org_expert_idx').on(t.organizationId, t.expertUserId),
    check('expert_hours_minutes_check', sql`${t.minutes} BETWEEN 0 AND 1440`),
  ],
);
