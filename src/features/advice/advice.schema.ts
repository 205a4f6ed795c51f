// Advice for one company (1:1 sessions): the organisation's slot rules, advisors' availability
// and leave, the sessions booked (by a signed-in entrepreneur or from the public site) and the
// advisors' private notes. An advisor is a facilitator or coordinator who publishes availability.
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { memberships, organizations } from '../organizations/organizations.schema.ts';

export const adviceModes = ['remote', 'on_site'] as const;
export type AdviceMode = (typeof adviceModes)[number];
export const availabilityKinds = ['weekly', 'single'] as const;
export type AvailabilityKind = (typeof availabilityKinds)[number];
/** held: a public booking waiting for its e-mail confirmation; booked: confirmed. */
export const sessionStatuses = ['held', 'booked', 'cancelled', 'expired'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const sessionAttendance = ['attended', 'no_show'] as const;
export type SessionAttendance = (typeof sessionAttendance)[number];

/** Per organisation; a missing row means the defaults (advice-rules.ts). */
export const adviceSettings = pgTable('advice_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  slotMinutes: integer('slot_minutes').notNull().default(60),
  bufferMinutes: integer('buffer_minutes').notNull().default(15),
  /** How long before its start a slot can still be booked. */
  minNoticeHours: integer('min_notice_hours').notNull().default(24),
  /** How long before its start the entrepreneur can still reschedule or cancel. */
  changeNoticeHours: integer('change_notice_hours').notNull().default(24),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A weekly rule (weekday 1 = Monday … 7) or a single window on a date, in Europe/Helsinki wall time. */
export const adviceAvailability = pgTable(
  'advice_availability',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    advisorUserId: uuid('advisor_user_id').notNull(),
    kind: text('kind').$type<AvailabilityKind>().notNull(),
    weekday: smallint('weekday'),
    onDate: date('on_date'),
    /** 'HH:MM' local */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    mode: text('mode').$type<AdviceMode>().notNull(),
    onlineUrl: text('online_url'),
    place: text('place'),
    topics: text('topics').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed windows stay so booked sessions keep their origin. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'advice_availability_pkey' }),
    foreignKey({
      name: 'advice_availability_advisor_fk',
      columns: [t.organizationId, t.advisorUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('cascade'),
    index('advice_availability_org_advisor_idx').on(t.organizationId, t.advisorUserId),
    check(
      'advice_availability_kind_check',
      sql`(${t.kind} = 'weekly' AND ${t.weekday} BETWEEN 1 AND 7 AND ${t.onDate} IS NULL) OR (${t.kind} = 'single' AND ${t.onDate} IS NOT NULL AND ${t.weekday} IS NULL)`,
    ),
    check('advice_availability_mode_check', sql`(${t.mode} = 'remote' AND ${t.onlineUrl} IS NOT NULL) OR (${t.mode} = 'on_site' AND ${t.place} IS NOT NULL)`),
    check(
      'advice_availability_time_check',
      sql`${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$' AND ${t.endTime} ~ '^[0-2][0-9]:[0-5][0-9]$' AND ${t.endTime} > ${t.startTime}`,
    ),
  ],
);

/** An advisor's own leave: whole days, inclusive. */
export const adviceLeave = pgTable(
  'advice_leave',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    advisorUserId: uuid('advisor_user_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'advice_leave_pkey' }),
    foreignKey({
      name: 'advice_leave_advisor_fk',
      columns: [t.organizationId, t.advisorUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('cascade'),
    index('advice_leave_org_advisor_idx').on(t.organizationId, t.advisorUserId, t.startsOn),
    check('advice_leave_days_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** One 1:1 session. The person is an account (user_id) or a guest from the public site (guest_*). */
export const adviceSessions = pgTable(
  'advice_sessions',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    advisorUserId: uuid('advisor_user_id').notNull(),
    availabilityId: uuid('availability_id'),
    userId: uuid('user_id'),
    topic: text('topic').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Helsinki'),
    mode: text('mode').$type<AdviceMode>().notNull(),
    onlineUrl: text('online_url'),
    place: text('place'),
    status: text('status').$type<SessionStatus>().notNull(),
    /** Calendar SEQUENCE: raised on every reschedule and on cancellation. */
    sequence: integer('sequence').notNull().default(0),
    /** The language of the person's mails. */
    locale: text('locale').notNull().default('fi'),
    guestName: text('guest_name'),
    guestEmail: text('guest_email'),
    guestCompanyName: text('guest_company_name'),
    guestBusinessId: text('guest_business_id'),
    guestMunicipality: text('guest_municipality'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    /** SHA-256 of the e-mailed confirmation token (a held public booking). */
    confirmTokenHash: text('confirm_token_hash'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    /** The company advised (the entrepreneur's profile company), for counting supported SMEs. */
    companyId: uuid('company_id'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledByUserId: uuid('cancelled_by_user_id'),
    attendance: text('attendance').$type<SessionAttendance>(),
    /** What the advisor shares with the person; notes are in advice_notes. */
    summary: text('summary'),
    summarySharedAt: timestamp('summary_shared_at', { withTimezone: true }),
    /** Claimed once by the reminder sweep; cleared on reschedule. */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'advice_sessions_pkey' }),
    foreignKey({
      name: 'advice_sessions_advisor_fk',
      columns: [t.organizationId, t.advisorUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('cascade'),
    // The race for one slot: only one active session per advisor and start.
    uniqueIndex('advice_sessions_active_slot_key')
      .on(t.organizationId, t.advisorUserId, t.startsAt)
      .where(sql`${t.status} IN ('held', 'booked')`),
    uniqueIndex('advice_sessions_confirm_token_key')
      .on(t.confirmTokenHash)
      .where(sql`${t.confirmTokenHash} IS NOT NULL`),
    index('advice_sessions_org_user_idx').on(t.organizationId, t.userId, t.startsAt),
    index('advice_sessions_org_start_idx').on(t.organizationId, t.startsAt),
    index('advice_sessions_user_idx').on(t.userId),
    check('advice_sessions_status_check', sql`${t.status} IN ('held', 'booked', 'cancelled', 'expired')`),
    check('advice_sessions_attendance_check', sql`${t.attendance} IS NULL OR ${t.attendance} IN ('attended', 'no_show')`),
    check('advice_sessions_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('advice_sessions_person_check', sql`${t.userId} IS NOT NULL OR (${t.guestName} IS NOT NULL AND ${t.guestEmail} IS NOT NULL)`),
  ],
);

/** The advisor's own notes: readable by their author and the organisation's coordinators. */
export const adviceNotes = pgTable(
  'advice_notes',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    sessionId: uuid('session_id').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'advice_notes_pkey' }),
    foreignKey({
      name: 'advice_notes_session_fk',
      columns: [t.organizationId, t.sessionId],
      foreignColumns: [adviceSessions.organizationId, adviceSessions.id],
    }).onDelete('cascade'),
    index('advice_notes_org_session_idx').on(t.organizationId, t.sessionId),
  ],
);
