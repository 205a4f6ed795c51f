// Programmes (issue 17, points 1–2): a funded project led by one organisation, the organisations
// taking part, the activities that belong to it (groups, events, 1:1 advice sessions; courses by
// the same shape), its planned targets per indicator, the funders granted to it, and the
// participants' own start and end data, kept apart from their profiles (ADR 031).
//
// Tenancy: `programmes`, `programme_targets`, `programme_funders`, `programme_participant_starts`
// and `programme_participant_ends` carry the lead organisation's id as `organization_id`. A link
// table carries the id of the organisation whose activity (or participation) it is as
// `organization_id`, and the programme as (`programme_organization_id`, `programme_id`): each
// organisation links only its own groups, events and sessions, and removing one removes its links.
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { users } from '../accounts/accounts.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { groups } from '../groups/groups.schema.ts';
import { events } from '../events/events.schema.ts';
import { adviceSessions } from '../advice/advice.schema.ts';
import type { AgeBand, EducationLevel, EmploymentStatus, Gender, IndicatorSet, LeavingSituation, SoleTraderRule, SpecialAnswer } from './indicators.ts';

export { soleTraderRules, type SoleTraderRule } from './indicators.ts';

export const programmes = pgTable(
  'programmes',
  {
    /** The lead organisation. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    name: text('name').notNull(),
    /** The funder as the funding decision names it ("Euroopan sosiaalirahasto (ESR), Satakunnan ELY-keskus"). */
    funder: text('funder').notNull().default(''),
    /** The funding programme ("Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma"). */
    fundingProgramme: text('funding_programme').notNull().default(''),
    indicatorSet: text('indicator_set').$type<IndicatorSet>().notNull(),
    /** The funder's project code (EURA: "S21888"). */
    projectCode: text('project_code').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    soleTraderRule: text('sole_trader_rule').$type<SoleTraderRule>().notNull().default('participant'),
    /** Whether the special-category and situation items (disability, minority, …) are asked at the start. */
    asksSpecialCategories: boolean('asks_special_categories').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'programmes_pkey' }),
    index('programmes_org_starts_idx').on(t.organizationId, t.startsOn),
    check('programmes_indicator_set_check', sql`${t.indicatorSet} IN ('esf2014', 'esf2021')`),
    check('programmes_sole_trader_rule_check', sql`${t.soleTraderRule} IN ('participant', 'company')`),
    check('programmes_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The organisations taking part besides the lead (`organization_id` is the participating one). */
export const programmeOrganizations = pgTable(
  'programme_organizations',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programmeOrganizationId: uuid('programme_organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.programmeOrganizationId, t.programmeId], name: 'programme_organizations_pkey' }),
    foreignKey({ name: 'programme_organizations_programme_fk', columns: [t.programmeOrganizationId, t.programmeId], foreignColumns: [programmes.organizationId, programmes.id] }).onDelete('cascade'),
    index('programme_organizations_programme_idx').on(t.programmeOrganizationId, t.programmeId),
    check('programme_organizations_not_lead_check', sql`${t.organizationId} <> ${t.programmeOrganizationId}`),
  ],
);

/** A group belongs to at most one programme. */
export const programmeGroups = pgTable(
  'programme_groups',
  {
    organizationId: uuid('organization_id').notNull(),
    groupId: uuid('group_id').notNull(),
    programmeOrganizationId: uuid('programme_organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.groupId], name: 'programme_groups_pkey' }),
    foreignKey({ name: 'programme_groups_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
    foreignKey({ name: 'programme_groups_programme_fk', columns: [t.programmeOrganizationId, t.programmeId], foreignColumns: [programmes.organizationId, programmes.id] }).onDelete('cascade'),
    index('programme_groups_programme_idx').on(t.programmeOrganizationId, t.programmeId),
  ],
);

/** An event (a seminar, an info event) belongs to at most one programme. Its attendees are never participants. */
export const programmeEvents = pgTable(
  'programme_events',
  {
    organizationId: uuid('organization_id').notNull(),
    eventId: uuid('event_id').notNull(),
    programmeOrganizationId: uuid('programme_organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.eventId], name: 'programme_events_pkey' }),
    foreignKey({ name: 'programme_events_event_fk', columns: [t.organizationId, t.eventId], foreignColumns: [events.organizationId, events.id] }).onDelete('cascade'),
    foreignKey({ name: 'programme_events_programme_fk', columns: [t.programmeOrganizationId, t.programmeId], foreignColumns: [programmes.organizationId, programmes.id] }).onDelete('cascade'),
    index('programme_events_programme_idx').on(t.programmeOrganizationId, t.programmeId),
  ],
);

/** A 1:1 advice session (for one company) belongs to at most one programme. */
export const programmeAdviceSessions = pgTable(
  'programme_advice_sessions',
  {
    organizationId: uuid('organization_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    programmeOrganizationId: uuid('programme_organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.sessionId], name: 'programme_advice_sessions_pkey' }),
    foreignKey({ name: 'programme_advice_sessions_session_fk', columns: [t.organizationId, t.sessionId], foreignColumns: [adviceSessions.organizationId, adviceSessions.id] }).onDelete('cascade'),
    foreignKey({ name: 'programme_advice_sessions_programme_fk', columns: [t.programmeOrganizationId, t.programmeId], foreignColumns: [programmes.organizationId, programmes.id] }).onDelete('cascade'),
    index('programme_advice_sessions_programme_idx').on(t.programmeOrganizationId, t.programmeId),
  ],
);

// Courses (src/features/training, migration 0022) join by the same shape: a `programme_courses`
// table of (organization_id, course_id, programme_organization_id, programme_id) with the course's
// and the programme's foreign keys, and its kind added to `activityKinds` in programmes.queries.ts.

/** Planned values per indicator (realised values are always computed from the data, never stored here). */
export const programmeTargets = pgTable(
  'programme_targets',
  {
    organizationId: uuid('organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    planned: integer('planned').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.programmeId, t.indicatorCode], name: 'programme_targets_pkey' }),
    foreignKey({ name: 'programme_targets_programme_fk', columns: [t.organizationId, t.programmeId], foreignColumns: [programmes.organizationId, programmes.id] }).onDelete('cascade'),
    check('programme_targets_planned_check', sql`${t.planned} BETWEEN 0 AND 1000000`),
  ],
);

/** The funder role, per programme: this person sees the programme's aggregates (later), never people. */
export const programmeFunders = pgTable(
  'programme_funders',
  {
    organizationId: uuid('organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.programmeId, t.userId], name: 'programme_funders_pkey' }),
    foreignKey({ name: 'programme_funders_programme_fk', columns: [t.organizationId, t.programmeId], foreignColumns: [programmes.organizationId, programmes.id] }).onDelete('cascade'),
    index('programme_funders_org_user_idx').on(t.organizationId, t.userId),
  ],
);

/**
 * A participant's start data, entered by the person when they join a group of the programme. Null
 * means "not answered"; "prefer not to say" is its own value. The date of birth is never stored:
 * only the age band at entry (computed from it, or chosen directly).
 */
export const programmeParticipantStarts = pgTable(
  'programme_participant_starts',
  {
    organizationId: uuid('organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    gender: text('gender').$type<Gender>(),
    employmentStatus: text('employment_status').$type<EmploymentStatus>(),
    ageBand: text('age_band').$type<AgeBand>(),
    /** 'birth_date' when computed from the date of birth given, 'chosen' when the band was picked. */
    ageBandSource: text('age_band_source').$type<'birth_date' | 'chosen'>(),
    education: text('education').$type<EducationLevel>(),
    disability: text('disability').$type<SpecialAnswer>(),
    minority: text('minority').$type<SpecialAnswer>(),
    thirdCountNational: text('third_country_national').$type<SpecialAnswer>(),
    foreignBackground: text('foreign_background').$type<SpecialAnswer>(),
    homeless: text('homeless').$type<SpecialAnswer>(),
    rural: text('rural').$type<SpecialAnswer>(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.programmeId, t.userId], name: 'programme_participant_starts_pkey' }),
    foreignKey({ name: 'programme_participant_starts_programme_fk', columns: [t.organizationId, t.programmeId], foreignColumns: [programmes.organizationId, programmes.id] }).onDelete('cascade'),
    index('programme_participant_starts_org_user_idx').on(t.organizationId, t.userId),
    check('programme_participant_starts_gender_check', sql`${t.gender} IN ('woman', 'man', 'non_binary', 'prefer_not')`),
    check('programme_participant_starts_employment_check', sql`${t.employmentStatus} IN ('unemployed', 'long_term_unemployed', 'inactive', 'employed')`),
    check('programme_participant_starts_age_band_check', sql`${t.ageBand} IN ('under_18', '18_24', '25_29', '30_54', '55_plus')`),
    check('programme_participant_starts_age_source_check', sql`(${t.ageBand} IS NULL) = (${t.ageBandSource} IS NULL) AND ${t.ageBandSource} IN ('birth_date', 'chosen')`),
    check('programme_participant_starts_education_check', sql`${t.education} IN ('isced_0_2', 'isced_3_4', 'isced_5_8')`),
    check(
      'programme_participant_starts_special_check',
      sql`${t.disability} IN ('yes', 'no', 'prefer_not') AND ${t.minority} IN ('yes', 'no', 'prefer_not') AND ${t.thirdCountNational} IN ('yes', 'no', 'prefer_not') AND ${t.foreignBackground} IN ('yes', 'no', 'prefer_not') AND ${t.homeless} IN ('yes', 'no', 'prefer_not') AND ${t.rural} IN ('yes', 'no', 'prefer_not')`,
    ),
  ],
);

/** A participant's end data, entered on leaving (within four weeks). One row per start row. */
export const programmeParticipantEnds = pgTable(
  'programme_participant_ends',
  {
    organizationId: uuid('organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    userId: uuid('user_id').notNull(),
    endedOn: date('ended_on', { mode: 'string' }).notNull(),
    /** The situations on leaving (several may hold: a qualification and a job); empty = not answered. */
    situations: text('situations').array().$type<LeavingSituation[]>().notNull().default(sql`'{}'::text[]`),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.programmeId, t.userId], name: 'programme_participant_ends_pkey' }),
    foreignKey({
      name: 'programme_participant_ends_start_fk',
      columns: [t.organizationId, t.programmeId, t.userId],
      foreignColumns: [programmeParticipantStarts.organizationId, programmeParticipantStarts.programmeId, programmeParticipantStarts.userId],
    }).onDelete('cascade'),
    check('programme_participant_ends_situations_check', sql`${t.situations} <@ ARRAY['job_searching', 'in_education', 'qualification', 'employed', 'other']::text[]`),
  ],
);
