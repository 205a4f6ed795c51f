// The practice group as the mentor sees it (issue 15, point 4): meta data only — meetings held,
// attendance, small steps followed up and the members' feedback averages, every figure about people
// through the disclosure layer (the mentor may not see the rows). Never journals, facilitator
// notes, summaries or individual answers: nothing here reads them. A meeting may be observed by the
// trainee's mentor only while every current member has recorded consent for that meeting; members
// are told that their facilitator is in training.
import { and, asc, count, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { combineReleased, releaseFigures, type Released, type WithholdReason } from '../../platform/disclosure/release.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, can, practiceGroupPolicy, type PracticeGroupResource } from '../../platform/policy/index.ts';
import { groupMembers, groups } from '../groups/groups.schema.ts';
import { attendance, meetings } from '../meetings/meetings.schema.ts';
import { meetingFeedback } from '../outcomes/outcomes.schema.ts';
import { FEEDBACK_DOMAIN, MIN_GROUP_N } from '../outcomes/outcomes.queries.ts';
import { steps } from '../steps/steps.schema.ts';
import { localized } from './template.ts';
import { findEnrolment, type Enrolment } from './training.queries.ts';
import { STEPS_DOMAIN } from '../steps/steps.queries.ts';
import { cohortMentors, cohorts, courses, enrolments, observationConsents } from './training.schema.ts';

/** The disclosure domain of attendance counts: the people present are the members. */
export const ATTENDANCE_DOMAIN = 'participation:attendance';

async function currentMembers(db: Tx, organizationId: string, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt)))
    .orderBy(asc(groupMembers.userId));
  return rows.map((r) => r.userId);
}

async function consentedMembers(db: Tx, organizationId: string, meetingId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: observationConsents.userId })
    .from(observationConsents)
    .where(and(eq(observationConsents.organizationId, organizationId), eq(observationConsents.meetingId, meetingId)));
  return new Set(rows.map((r) => r.userId));
}

/** Every current member consented to this meeting's observation (a group without members: no). */
export const everyoneIn = (members: readonly string[], consented: ReadonlySet<string>) => members.length > 0 && members.every((m) => consented.has(m));

/** The practice group as practiceGroupPolicy sees it; with a meeting, whether everyone agreed to its observation. */
export async function practiceGroupResource(db: Tx, enrolment: Enrolment, meetingId: string | null = null): Promise<PracticeGroupResource & { groupId: string | null }> {
  const mentors = await db
    .select({ userId: cohortMentors.userId })
    .from(cohortMentors)
    .where(and(eq(cohortMentors.organizationId, enrolment.organizationId), eq(cohortMentors.cohortId, enrolment.cohortId)));
  const members = enrolment.practiceGroupId ? await currentMembers(db, enrolment.organizationId, enrolment.practiceGroupId) : [];
  const consented = meetingId ? await consentedMembers(db, enrolment.organizationId, meetingId) : new Set<string>();
  return {
    organizationId: enrolment.organizationId,
    groupId: enrolment.practiceGroupId,
    traineeUserId: enrolment.userId,
    mentorUserId: enrolment.mentorUserId,
    mentorUserIds: mentors.map((m) => m.userId),
    memberUserIds: members,
    inTraining: enrolment.status === 'active' && enrolment.practiceGroupId !== null,
    everyoneConsented: meetingId !== null && everyoneIn(members, consented),
  };
}

/** The active enrolment whose practice group this is, or null (then it is a normal group). */
export async function practiceEnrolmentOfGroup(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<Enrolment | null> {
  const [row] = await db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.practiceGroupId, groupId), eq(enrolments.status, 'active')))
    .limit(1);
  return row ?? null;
}

export interface PracticeMetaFigures {
  attendance: { total: number; perMeeting: number } | null;
  attendanceReason: WithholdReason | null;
  steps: { set: number; followedUp: number } | null;
  stepsReason: WithholdReason | null;
  feedback: { useful: number | null; safe: number | null };
}

/** The figures about people of the practice group's meta view, each released through the disclosure layer. */
export async function practiceMetaFigures(db: Db, { organizationId, groupId, now }: { organizationId: string; groupId: string; now: Date }): Promise<{ meetingsHeld: number; figures: Released<PracticeMetaFigures> }> {
  const heldWhere = and(eq(meetings.organizationId, organizationId), eq(meetings.groupId, groupId), eq(meetings.status, 'scheduled'), lt(meetings.startsAt, now));
  const [att] = await db
    .select({
      meetings: sql<number>`count(DISTINCT ${meetings.id})::int`,
      total: sql<number>`count(*)::int`,
      people: sql<string[]>`coalesce(array_agg(DISTINCT ${attendance.userId}::text), '{}')::text[]`,
    })
    .from(attendance)
    .innerJoin(meetings, and(eq(meetings.organizationId, attendance.organizationId), eq(meetings.id, attendance.meetingId)))
    .where(and(heldWhere, inArray(attendance.status, ['present', 'late'])));
  const [held] = await db.select({ n: count() }).from(meetings).where(heldWhere);
  const [st] = await db
    .select({
      set: sql<number>`count(*)::int`,
      followedUp: sql<number>`(count(*) FILTER (WHERE ${ne(steps.status, 'open')}))::int`,
      people: sql<string[]>`coalesce(array_agg(DISTINCT ${steps.userId}::text), '{}')::text[]`,
    })
    .from(steps)
    .where(and(eq(steps.organizationId, organizationId), eq(steps.groupId, groupId)));
  const [fb] = await db
    .select({
      usefulIds: sql<string[]>`coalesce(array_agg(${meetingFeedback.id}::text) FILTER (WHERE ${meetingFeedback.useful} IS NOT NULL), '{}')::text[]`,
      usefulSum: sql<string | null>`sum(${meetingFeedback.useful})`,
      safeIds: sql<string[]>`coalesce(array_agg(${meetingFeedback.id}::text) FILTER (WHERE ${meetingFeedback.safe} IS NOT NULL), '{}')::text[]`,
      safeSum: sql<string | null>`sum(${meetingFeedback.safe})`,
    })
    .from(meetingFeedback)
    .where(and(eq(meetingFeedback.organizationId, organizationId), eq(meetingFeedback.groupId, groupId)));
  const meetingsHeld = held?.n ?? 0;
  const attendanceFigures = await releaseFigures(db, { organizationId, domain: ATTENDANCE_DOMAIN }, [{ id: 'attendance', members: att?.people ?? [] }], (d) =>
    d.released('attendance') && att
      ? { value: { total: att.total, perMeeting: att.meetings > 0 ? Math.round((att.total / att.meetings) * 10) / 10 : 0 }, reason: null }
      : { value: null, reason: d.reason('attendance') ?? ('small' as const) },
  );
  const stepFigures = await releaseFigures(db, { organizationId, domain: STEPS_DOMAIN }, [{ id: 'steps', members: st?.people ?? [] }], (d) =>
    d.released('steps') && st ? { value: { set: st.set, followedUp: st.followedUp }, reason: null } : { value: null, reason: d.reason('steps') ?? ('small' as const) },
  );
  const mean = (sum: string | null | undefined, n: number) => (n > 0 ? Math.round((Number(sum ?? 0) / n) * 10) / 10 : null);
  const ratingMean = (sum: string | null | undefined) => ({ sum: Number(sum ?? 0), min: 1, max: 5, step: 0.1 });
  const feedbackFigures = await releaseFigures(
    db,
    { organizationId, domain: FEEDBACK_DOMAIN },
    [
      { id: 'useful', members: fb?.usefulIds ?? [], means: [ratingMean(fb?.usefulSum)] },
      { id: 'safe', members: fb?.safeIds ?? [], means: [ratingMean(fb?.safeSum)] },
    ],
    (d) => {
      const useful = d.released('useful') ? mean(fb?.usefulSum, fb?.usefulIds.length ?? 0) : null;
      const safe = d.released('safe') ? mean(fb?.safeSum, fb?.safeIds.length ?? 0) : null;
      return { useful, safe };
    },
    { k: MIN_GROUP_N, minSpan: 0.4 },
  );
  const figures = combineReleased<unknown, PracticeMetaFigures>([attendanceFigures, stepFigures, feedbackFigures], () => ({
    attendance: attendanceFigures.value,
    attendanceReason: attendanceFigures.reason,
    steps: stepFigures.value,
    stepsReason: stepFigures.reason,
    feedback: feedbackFigures,
  }));
  return { meetingsHeld, figures };
}

/** The mentor's page of one trainee's practice group: meta data and the observable meetings. */
export async function practiceGroupView(db: Db, actor: Actor, { organizationId, enrolmentId }: { organizationId: string; enrolmentId: string }, locale: string, now: Date) {
  const enrolment = await findEnrolment(db, { organizationId, enrolmentId });
  if (!enrolment) throw new NotFoundError();
  const resource = await practiceGroupResource(db, enrolment);
  authorize(actor, resource, practiceGroupPolicy.readMeta);
  const groupId = resource.groupId!;
  const [group] = await db.select({ name: groups.name }).from(groups).where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
  const [course] = await db
    .select({ title: courses.title, cohortName: cohorts.name })
    .from(cohorts)
    .innerJoin(courses, and(eq(courses.organizationId, cohorts.organizationId), eq(courses.id, cohorts.courseId)))
    .where(and(eq(cohorts.organizationId, organizationId), eq(cohorts.id, enrolment.cohortId)));
  const { meetingsHeld, figures } = await practiceMetaFigures(db, { organizationId, groupId, now });
  const upcoming = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.groupId, groupId), eq(meetings.status, 'scheduled'), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(10);
  const observable = [];
  for (const m of upcoming) {
    const consented = await consentedMembers(db, organizationId, m.id);
    // Only whether the meeting may be observed: not who agreed, nor how many.
    observable.push({ id: m.id, startsAt: m.startsAt.toISOString(), observable: practiceGroupPolicy.observe(actor, { ...resource, everyoneConsented: everyoneIn(resource.memberUserIds, consented) }) });
  }
  return {
    trainee: { name: enrolment.name, cohortId: enrolment.cohortId },
    course: course ? `${localized(course.title, locale)} · ${course.cohortName}` : '',
    group: { name: group?.name ?? '' },
    meetingsHeld,
    figures,
    upcoming: observable,
  };
}

/** For a member of a practice group: that its facilitator is in training, and their consents to observation. */
export async function memberObservationView(db: Tx, actor: Actor, { organizationId, groupId }: { organizationId: string; groupId: string }, now: Date) {
  const enrolment = await practiceEnrolmentOfGroup(db, { organizationId, groupId });
  if (!enrolment) throw new NotFoundError();
  const resource = await practiceGroupResource(db, enrolment);
  authorize(actor, resource, practiceGroupPolicy.consent);
  const [group] = await db.select({ name: groups.name }).from(groups).where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
  const upcoming = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt, theme: meetings.theme })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.groupId, groupId), eq(meetings.status, 'scheduled'), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(10);
  const mine = upcoming.length
    ? await db
        .select({ meetingId: observationConsents.meetingId })
        .from(observationConsents)
        .where(and(eq(observationConsents.organizationId, organizationId), eq(observationConsents.userId, actor.userId), inArray(observationConsents.meetingId, upcoming.map((m) => m.id))))
    : [];
  const agreed = new Set(mine.map((r) => r.meetingId));
  return {
    group: { id: groupId, name: group?.name ?? '' },
    facilitatorName: enrolment.name,
    meetings: upcoming.map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), theme: m.theme, agreed: agreed.has(m.id) })),
  };
}

/** Whether this person should be told that the group's facilitator is in training (the group page's notice). */
export async function practiceNoticeFor(db: Tx, actor: Actor, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<{ facilitatorName: string } | null> {
  const enrolment = await practiceEnrolmentOfGroup(db, { organizationId, groupId });
  if (!enrolment) return null;
  const resource = await practiceGroupResource(db, enrolment);
  return can(practiceGroupPolicy, actor, resource).consent ? { facilitatorName: enrolment.name } : null;
}
