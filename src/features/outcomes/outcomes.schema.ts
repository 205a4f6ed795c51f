// Outcome measurement: consent, check-ins with their answers and computed scores, and
// anonymous meeting feedback. Answers are health data: read only through this feature's
// queries and use cases (see outcomes.queries.ts), never joined into other features.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Instrument } from './instruments/schema.ts';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';

export const checkInKinds = ['baseline', 'pulse', 'full', 'exit'] as const;
export type CheckInKind = (typeof checkInKinds)[number];
export const checkInStatuses = ['draft', 'submitted'] as const;
export type CheckInStatus = (typeof checkInStatuses)[number];
export const withdrawalChoices = ['keep', 'erase'] as const;
export type WithdrawalChoice = (typeof withdrawalChoices)[number];

/** Consent for measurement, asked separately from membership; withdrawable. One row per person per organisation. */
export const measurementConsents = pgTable(
  'measurement_consents',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** On withdrawal: keep the answers given so far, or erase them. */
    withdrawalChoice: text('withdrawal_choice').$type<WithdrawalChoice>(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId], name: 'measurement_consents_pkey' }),
    check('measurement_consents_choice_check', sql`${t.withdrawalChoice} IS NULL OR ${t.withdrawalChoice} IN ('keep', 'erase')`),
  ],
);

/** One check-in of a person: baseline at joining, a pulse at a meeting, the full set every 6 months, and at exit. */
export const checkIns = pgTable(
  'check_ins',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    userId: uuid('user_id').notNull(),
    /** The group the person was in (for group trends); null if none. */
    groupId: uuid('group_id'),
    kind: text('kind').$type<CheckInKind>().notNull(),
    /** Measurement wave: 0 = baseline, k = the full set k·6 months after joining; null for pulses and exit. */
    wave: integer('wave'),
    dueOn: date('due_on').notNull(),
    /** The meeting of a pulse. */
    meetingId: uuid('meeting_id'),
    status: text('status').$type<CheckInStatus>().notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'check_ins_pkey' }),
    uniqueIndex('check_ins_org_user_kind_due_key').on(t.organizationId, t.userId, t.kind, t.dueOn),
    index('check_ins_org_group_idx').on(t.organizationId, t.groupId, t.kind, t.wave),
    check('check_ins_kind_check', sql`${t.kind} IN ('baseline', 'pulse', 'full', 'exit')`),
    check('check_ins_status_check', sql`${t.status} IN ('draft', 'submitted')`),
    check('check_ins_submitted_check', sql`(${t.status} = 'submitted') = (${t.submittedAt} IS NOT NULL)`),
  ],
);

/** Item answers of a check-in: a number, or an option code for choice items. Final once the check-in is submitted. */
export const checkInAnswers = pgTable(
  'check_in_answers',
  {
    organizationId: uuid('organization_id').notNull(),
    checkInId: uuid('check_in_id').notNull(),
    instrumentId: text('instrument_id').notNull(),
    itemId: text('item_id').notNull(),
    valueNumber: numeric('value_number'),
    valueCode: text('value_code'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.checkInId, t.instrumentId, t.itemId], name: 'check_in_answers_pkey' }),
    foreignKey({ name: 'check_in_answers_check_in_fk', columns: [t.organizationId, t.checkInId], foreignColumns: [checkIns.organizationId, checkIns.id] }).onDelete('cascade'),
    check('check_in_answers_one_value_check', sql`(${t.valueNumber} IS NULL) <> (${t.valueCode} IS NULL)`),
  ],
);

/** Scores computed at submission, per instrument, so trends and evaluation aggregate without re-scoring. */
export const checkInScores = pgTable(
  'check_in_scores',
  {
    organizationId: uuid('organization_id').notNull(),
    checkInId: uuid('check_in_id').notNull(),
    instrumentId: text('instrument_id').notNull(),
    userId: uuid('user_id').notNull(),
    groupId: uuid('group_id'),
    kind: text('kind').$type<CheckInKind>().notNull(),
    wave: integer('wave'),
    meetingId: uuid('meeting_id'),
    score: numeric('score').notNull(),
    band: text('band'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.checkInId, t.instrumentId], name: 'check_in_scores_pkey' }),
    foreignKey({ name: 'check_in_scores_check_in_fk', columns: [t.organizationId, t.checkInId], foreignColumns: [checkIns.organizationId, checkIns.id] }).onDelete('cascade'),
    index('check_in_scores_org_user_idx').on(t.organizationId, t.userId, t.instrumentId, t.submittedAt),
    index('check_in_scores_org_group_idx').on(t.organizationId, t.groupId, t.instrumentId, t.wave),
    // Programme evaluation (evaluation.queries.ts): an organisation's scores of one instrument in person
    // and time order, covering every column it reads, so baseline and follow-up come from index-only
    // scans without sorting (bench:data: ~2 s → under 1 s for 50,000 people).
    index('check_in_scores_org_instrument_user_idx').on(t.organizationId, t.instrumentId, t.userId, t.submittedAt, t.kind, t.wave, t.score, t.groupId, t.checkInId),
  ],
);

/** Anonymous feedback after a meeting: no user id is stored with the answers. */
export const meetingFeedback = pgTable(
  'meeting_feedback',
  {
    organizationId: uuid('organization_id').notNull(),
    // A random (v4) id: a time-ordered id would let the order of answers be matched to the order of givers.
    id: uuid('id').notNull().$defaultFn(() => randomUUID()),
    groupId: uuid('group_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    /** 1–5: was the meeting useful to you */
    useful: integer('useful'),
    /** 1–5: did you feel safe to speak */
    safe: integer('safe'),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'meeting_feedback_pkey' }),
    index('meeting_feedback_org_group_idx').on(t.organizationId, t.groupId, t.meetingId),
    check('meeting_feedback_useful_check', sql`${t.useful} IS NULL OR ${t.useful} BETWEEN 1 AND 5`),
    check('meeting_feedback_safe_check', sql`${t.safe} IS NULL OR ${t.safe} BETWEEN 1 AND 5`),
  ],
);

/** Who has given feedback on a meeting (to prevent duplicates), kept apart from the answers. */
export const meetingFeedbackGivers = pgTable(
  'meeting_feedback_givers',
  {
    organizationId: uuid('organization_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.meetingId, t.userId], name: 'meeting_feedback_givers_pkey' }), index('meeting_feedback_givers_org_user_idx').on(t.organizationId, t.userId)],
);

/**
 * Instruments an organisation's coordinator defined as data (custom-instruments.ts). The definition is
 * an Instrument checked by instrumentSchema; it is never changed once stored, so every answer keeps
 * the items it was given to. Retired instruments are no longer asked but stay evaluable.
 */
export const customInstruments = pgTable(
  'custom_instruments',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    definition: jsonb('definition').$type<Instrument>().notNull(),
    askIn: text('ask_in').$type<'full' | 'pulse' | 'both'>().notNull(),
    status: text('status').$type<'active' | 'retired'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'custom_instruments_pkey' }),
    check('custom_instruments_id_check', sql`${t.id} LIKE 'custom-%'`),
    check('custom_instruments_ask_in_check', sql`${t.askIn} IN ('full', 'pulse', 'both')`),
    check('custom_instruments_status_check', sql`${t.status} IN ('active', 'retired')`),
  ],
);
