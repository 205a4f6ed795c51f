// Public events of an organisation (a seminar tour such as "Timanttikiertue 2027" and its stops)
// and their registrations: without an account or signed in, confirmed up to the capacity, then
// waitlisted in order. Registrants are not group participants (the funder counts them apart).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';

export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const eventTours = pgTable(
  'event_tours',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id], name: 'event_tours_pkey' })],
);

export const events = pgTable(
  'events',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    tourId: uuid('tour_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Helsinki'),
    venue: text('venue'),
    /** Shown and mailed only to registrants. */
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
    speakers: text('speakers').notNull().default(''),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    /** Calendar SEQUENCE: raised on every change registrants are told of. */
    sequence: integer('sequence').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'events_pkey' }),
    foreignKey({ name: 'events_tour_fk', columns: [t.organizationId, t.tourId], foreignColumns: [eventTours.organizationId, eventTours.id] }),
    index('events_org_starts_idx').on(t.organizationId, t.startsAt),
    // The public pages find an event by its id alone.
    uniqueIndex('events_id_key').on(t.id),
    check('events_status_check', sql`${t.status} IN ('draft', 'published', 'cancelled')`),
    check('events_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_check', sql`${t.capacity} BETWEEN 1 AND 100000`),
    check('events_place_check', sql`${t.venue} IS NOT NULL OR ${t.onlineUrl} IS NOT NULL`),
  ],
);

export const eventRegistrations = pgTable(
  'event_registrations',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    eventId: uuid('event_id').notNull(),
    /** A signed-in registrant; null for one without an account. */
    userId: uuid('user_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisation: text('organisation'),
    /** Deleted after the event (pruneEventNeeds). */
    dietaryNeeds: text('dietary_needs'),
    accessibilityNeeds: text('accessibility_needs'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    /** Shown at the door, e.g. "TK-7Q4M2X". */
    code: text('code').notNull(),
    /** SHA-256 of the mailed cancel token. */
    cancelTokenHash: text('cancel_token_hash').notNull(),
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** Order of registration within the event: the waiting list is promoted in it. */
    position: integer('position').notNull(),
    attended: boolean('attended').notNull().default(false),
    /** When the person was ticked present at the door (null: not, or the tick was undone). */
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    /** The day-before reminder was sent (claimed once; cleared when the event moves). */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    /** The feedback request was sent to this attendee (claimed once). */
    feedbackRequestedAt: timestamp('feedback_requested_at', { withTimezone: true }),
    /** SHA-256 of the mailed feedback token. */
    feedbackTokenHash: text('feedback_token_hash'),
    /** Feedback was given (what was said is in event_feedback, without the person). */
    feedbackGivenAt: timestamp('feedback_given_at', { withTimezone: true }),
    locale: text('locale').notNull().default('fi'),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'event_registrations_pkey' }),
    foreignKey({ name: 'event_registrations_event_fk', columns: [t.organizationId, t.eventId], foreignColumns: [events.organizationId, events.id] }).onDelete(
      'cascade',
    ),
    index('event_registrations_org_event_idx').on(t.organizationId, t.eventId, t.status, t.position),
    uniqueIndex('event_registrations_position_key').on(t.organizationId, t.eventId, t.position),
    // One active registration per address and event.
    uniqueIndex('event_registrations_email_key')
      .on(t.organizationId, t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('event_registrations_token_key').on(t.cancelTokenHash),
    // The privacy registry finds a person's registrations by account and by address.
    index('event_registrations_user_idx').on(t.userId),
    index('event_registrations_email_idx').on(sql`lower(${t.email})`),
    uniqueIndex('event_registrations_code_key').on(t.organizationId, t.code),
    check('event_registrations_status_check', sql`${t.status} IN ('confirmed', 'waitlisted', 'cancelled')`),
    // event_registrations_attended_check (attended = attended_at IS NOT NULL) is hand-written in the migration, after its backfill.
    uniqueIndex('event_registrations_feedback_token_key').on(t.feedbackTokenHash).where(sql`${t.feedbackTokenHash} IS NOT NULL`),
  ],
);

/**
 * Feedback after an event, without the person: the registration only records that it gave
 * feedback (feedback_given_at), so one answer per registration and no way from an answer back
 * to a name. Figures go to the coordinator only through the disclosure layer.
 */
export const eventFeedback = pgTable(
  'event_feedback',
  {
    organizationId: uuid('organization_id').notNull(),
    // A random (v4) id and no time: neither may be matched to the order of givers.
    id: uuid('id').notNull().$defaultFn(() => randomUUID()),
    eventId: uuid('event_id').notNull(),
    overall: integer('overall').notNull(),
    usefulness: integer('usefulness').notNull(),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'event_feedback_pkey' }),
    foreignKey({ name: 'event_feedback_event_fk', columns: [t.organizationId, t.eventId], foreignColumns: [events.organizationId, events.id] }).onDelete('cascade'),
    index('event_feedback_org_event_idx').on(t.organizationId, t.eventId),
    check('event_feedback_overall_check', sql`${t.overall} BETWEEN 1 AND 5`),
    check('event_feedback_usefulness_check', sql`${t.usefulness} BETWEEN 1 AND 5`),
  ],
);
