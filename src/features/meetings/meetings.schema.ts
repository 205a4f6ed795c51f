// Meetings of a group: single or from a series (in an IANA zone), their agenda,
// RSVPs, attendance, live state, facilitator notes and calendar feeds.
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { groups } from '../groups/groups.schema.ts';

export const meetingStatuses = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const agendaKinds = ['opening_round', 'follow_up_round', 'expert_segment', 'theme_work', 'small_steps_round', 'closing', 'other'] as const;
export type AgendaKind = (typeof agendaKinds)[number];
export const rsvpResponses = ['coming', 'not_coming'] as const;
export const attendanceStatuses = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** A recurrence rule (see recurrence.ts) that produced meetings. */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    groupId: uuid('group_id').notNull(),
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Helsinki'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'meeting_series_pkey' }),
    foreignKey({ name: 'meeting_series_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
  ],
);

export const meetings = pgTable(
  'meetings',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    groupId: uuid('group_id').notNull(),
    seriesId: uuid('series_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Kept so recurrence and display keep local time across DST. */
    timeZone: text('time_zone').notNull().default('Europe/Helsinki'),
    theme: text('theme'),
    /** in_person | online | walking */
    format: text('format').notNull().default('in_person'),
    status: text('status').$type<MeetingStatus>().notNull().default('scheduled'),
    /** Calendar SEQUENCE: raised on every change members are told about. */
    sequence: integer('sequence').notNull().default(0),
    venueAddress: text('venue_address'),
    venueRoom: text('venue_room'),
    venueAccessibility: text('venue_accessibility'),
    refreshments: text('refreshments'),
    /** Shown to the group's members and facilitators only. */
    onlineUrl: text('online_url'),
    meetingPoint: text('meeting_point'),
    route: text('route'),
    lengthKm: numeric('length_km', { precision: 5, scale: 1 }),
    whatToWear: text('what_to_wear'),
    /** The summary the facilitator may publish to members (notes are elsewhere). */
    summary: text('summary'),
    summaryPublishedAt: timestamp('summary_published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'meetings_pkey' }),
    foreignKey({ name: 'meetings_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
    index('meetings_org_group_start_idx').on(t.organizationId, t.groupId, t.startsAt),
    index('meetings_org_start_idx').on(t.organizationId, t.startsAt),
    check('meetings_status_check', sql`${t.status} IN ('scheduled', 'cancelled')`),
    check('meetings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').$type<AgendaKind>().notNull(),
    title: text('title'),
    minutes: integer('minutes').notNull().default(15),
    /** For an expert segment: the expert who sees this segment and its materials only. */
    expertUserId: uuid('expert_user_id'),
    topic: text('topic'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'agenda_items_pkey' }),
    foreignKey({ name: 'agenda_items_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
    index('agenda_items_org_meeting_idx').on(t.organizationId, t.meetingId, t.position),
    index('agenda_items_org_expert_idx').on(t.organizationId, t.expertUserId),
  ],
);

export const rsvps = pgTable(
  'rsvps',
  {
    organizationId: uuid('organization_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    response: text('response').notNull(),
    reason: text('reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.meetingId, t.userId], name: 'rsvps_pkey' }),
    foreignKey({ name: 'rsvps_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
    check('rsvps_response_check', sql`${t.response} IN ('coming', 'not_coming')`),
  ],
);

export const attendance = pgTable(
  'attendance',
  {
    organizationId: uuid('organization_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
    hours: numeric('hours', { precision: 4, scale: 2 }),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.meetingId, t.userId], name: 'attendance_pkey' }),
    foreignKey({ name: 'attendance_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
    index('attendance_org_user_idx').on(t.organizationId, t.userId),
    check('attendance_status_check', sql`${t.status} IN ('present', 'late', 'absent', 'excused')`),
  ],
);

/** The live meeting's state (agenda position, rounds): kept on the server so devices agree. */
export const liveMeetingStates = pgTable(
  'live_meeting_states',
  {
    organizationId: uuid('organization_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.meetingId], name: 'live_meeting_states_pkey' }),
    foreignKey({ name: 'live_meeting_states_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
  ],
);

/** Visible only to the group's facilitators. */
export const facilitatorNotes = pgTable(
  'facilitator_notes',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    meetingId: uuid('meeting_id').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'facilitator_notes_pkey' }),
    foreignKey({ name: 'facilitator_notes_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
    index('facilitator_notes_org_meeting_idx').on(t.organizationId, t.meetingId),
  ],
);

/** A person's private, revocable calendar feed (only the token's hash is kept). Global: feeds span organisations. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash)],
);

/** One row per reminder sent: exactly once per person, target and kind, even with two workers. */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    organizationId: uuid('organization_id').notNull(),
    kind: text('kind').notNull(),
    targetId: uuid('target_id').notNull(),
    userId: uuid('user_id').notNull(),
    occasion: text('occasion').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.kind, t.targetId, t.userId, t.occasion], name: 'reminders_sent_pkey' })],
);

