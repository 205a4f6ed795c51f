// The demo's facilitator training (issue 15): the first organisation's course made from the
// template, published with its public page; a finished spring cohort whose 12 trainees graduated
// (as in the pilot), completion confirmed by the coordinator; and a running autumn cohort with the
// demo trainee and three others — submissions, the mentor's feedback per criterion, one revision
// request, attendance with a compensation, a practice group with held meetings, a mentoring meeting.
// Issue 15, points 4, 8 and 9: each of the 12 graduates holds a certificate issued through the
// certificates feature (issueCertificateInTransaction, verifiable at /verify/<code>; the Open Badges
// credential is signed on first download, the seed having only the database); the spring cohort's
// anonymous evaluations (released: twelve answers each); the autumn cohort's first-session
// evaluations (four answers: withheld); a coming practice meeting every member agreed to observe.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { Tx } from '../platform/db/db.ts';
import { translate } from '../platform/i18n/i18n.ts';
import { issueCertificateInTransaction } from '../features/certificates/issue-certificate.ts';
import { newId } from '../platform/db/ids.ts';
import { users } from '../features/accounts/accounts.schema.ts';
import { memberships, organizations } from '../features/organizations/organizations.schema.ts';
import { groupFacilitators, groupMembers, groups } from '../features/groups/groups.schema.ts';
import { attendance, meetings, remindersSent } from '../features/meetings/meetings.schema.ts';
import { INVITATION_KIND, INVITE_AHEAD_DAYS } from '../features/meetings/invitations.ts';
import { assignmentDueAt, defaultCompletionRules } from '../features/training/rules.ts';
import { templateCourse, templateRubric, templateSessions } from '../features/training/template.ts';
import {
  cohortMentors,
  cohortSessions,
  cohorts,
  courseAssignments,
  courseMaterials,
  courses,
  courseSessions,
  COURSE_TARGET,
  enrolments,
  mentoringMeetings,
  mentoringParticipants,
  observationConsents,
  rubricCriteria,
  trainingFeedback,
  trainingFeedbackGivers,
  submissionFeedback,
  submissions,
  submissionVersions,
  trainingApplications,
  trainingSessionAttendance,
} from '../features/training/training.schema.ts';
import { zonedTimeToUtc, utcToZoned, addDays } from '../features/meetings/zoned-time.ts';

const DAY = 86_400_000;

/** The pilot's graduates, now facilitators of the organisation, and the running cohort's other trainees. */
const GRADUATES = 12;
const RUNNING_OTHERS = 3;
const SPRING_COMMENTS = ['Harjoitusryhmä opetti eniten.', 'Mentorin palaute auttoi rohkaistumaan.', 'Lisää aikaa tasapuolisten vuorojen harjoitteluun.'];

/** A new demo person with a free firstname.lastname@ address (the demo seed's own drawer). */
export type NewPerson = (gender: 'female' | 'male') => { person: { firstName: string; lastName: string }; email: string };

/** Tuesday sessions at 17.00 Helsinki time, two weeks apart, from `firstDate`. */
function sessionTimes(firstDate: string) {
  return [0, 14, 28, 42].map((d) => {
    const date = addDays(firstDate, d);
    return { startsAt: zonedTimeToUtc(date, '17:00'), endsAt: zonedTimeToUtc(date, '19:00') };
  });
}

export async function seedTraining(
  tx: Tx,
  input: { organizationId: string; now: Date; coordinatorEmail: string; facilitatorEmail: string; traineeEmail: string; domain: string; passwordHash: string; newPerson: NewPerson },
): Promise<{ graduates: number; running: number; userIds: string[] }> {
  const { organizationId, now } = input;
  const byEmail = async (email: string) => (await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email)))[0];
  const coordinator = await byEmail(input.coordinatorEmail);
  const mentor = await byEmail(input.facilitatorEmail);
  const trainee = await byEmail(input.traineeEmail);
  if (!coordinator || !mentor || !trainee) return { graduates: 0, running: 0, userIds: [] };

  // The course, from the template.
  const courseId = newId();
  await tx.insert(courses).values({ organizationId, id: courseId, slug: 'ohjaajakoulutus', title: templateCourse.title, description: templateCourse.description, published: true, completionRules: defaultCompletionRules, createdBy: coordinator.id, createdAt: new Date(now.getTime() - 300 * DAY) });
  const sessionIds: string[] = [];
  const assignmentIds: { id: string; sessionIndex: number; kind: string; dueDaysAfter: number }[] = [];
  for (const [i, s] of templateSessions.entries()) {
    const id = newId();
    sessionIds.push(id);
    await tx.insert(courseSessions).values({ organizationId, id, courseId, position: i + 1, title: s.title, description: s.description });
    for (const a of s.assignments) {
      const aid = newId();
      assignmentIds.push({ id: aid, sessionIndex: i, kind: a.kind, dueDaysAfter: a.dueDaysAfter });
      await tx.insert(courseAssignments).values({ organizationId, id: aid, sessionId: id, kind: a.kind, title: a.title, instructions: a.instructions, dueDaysAfter: a.dueDaysAfter });
    }
  }
  const criterionIds: string[] = [];
  for (const [i, c] of templateRubric.entries()) {
    const id = newId();
    criterionIds.push(id);
    await tx.insert(rubricCriteria).values({ organizationId, id, courseId, position: i + 1, title: c.title, levels: c.levels });
  }
  await tx.insert(courseMaterials).values([
    { organizationId, sessionId: sessionIds[0]!, kind: 'text', title: 'Työpeili-mallin lyhyt kuvaus', body: 'Työpeili-ryhmässä 4–8 yrittäjää pohtii omaa työtään ohjaajan tuella. Ohjaaja ei neuvo vaan kysyy, kuuntelee ja huolehtii, että jokainen saa puheenvuoron.\n\nJokainen tapaaminen päättyy pieniin askeliin, joita seuraavalla kerralla seurataan.' },
    { organizationId, sessionId: sessionIds[0]!, kind: 'video', title: 'Ohjaajan rooli (12 min)', url: 'https://video.example.fi/tyopeili/ohjaajan-rooli' },
    { organizationId, sessionId: sessionIds[1]!, kind: 'text', title: 'Luottamuksellisuussopimus ryhmälle', body: 'Sovimme yhdessä: mitä ryhmässä puhutaan, jää ryhmään. Kerromme vain omista asioistamme. Kuuntelemme toisiamme keskeyttämättä.' },
    { organizationId, sessionId: sessionIds[2]!, kind: 'video', title: 'Pienet askeleet käytännössä', url: 'https://video.example.fi/tyopeili/pienet-askeleet' },
  ]);

  const userIds: string[] = [];
  let drawn = 0;
  const addPerson = async (role: 'facilitator' | 'trainee') => {
    // Business advisors in the pilot were mostly women.
    const { person, email } = input.newPerson(drawn++ % 3 === 2 ? 'male' : 'female');
    const name = `${person.firstName} ${person.lastName}`;
    const [user] = await tx.insert(users).values({ email, name, locale: 'fi', passwordHash: input.passwordHash, emailVerifiedAt: new Date(now.getTime() - 280 * DAY) }).returning({ id: users.id });
    await tx.insert(memberships).values({ organizationId, userId: user!.id, role });
    userIds.push(user!.id);
    return { id: user!.id, name, email };
  };

  // The finished spring cohort: 12 graduates, everything accepted, completion confirmed.
  const springFirst = utcToZoned(new Date(now.getTime() - 260 * DAY)).date;
  const spring = newId();
  await tx.insert(cohorts).values({ organizationId, id: spring, courseId, name: 'Kevät – pilottiryhmä', capacity: 15, status: 'finished', applicationsOpen: false, createdAt: new Date(now.getTime() - 280 * DAY) });
  const springTimes = sessionTimes(springFirst);
  const springSessionIds: string[] = [];
  for (const [i, t] of springTimes.entries()) {
    const id = newId();
    springSessionIds.push(id);
    await tx.insert(cohortSessions).values({ organizationId, id, cohortId: spring, sessionId: sessionIds[i]!, ...t, onlineUrl: 'https://meet.example.fi/tyopeili-koulutus-kevat' });
  }
  await tx.insert(cohortMentors).values({ organizationId, cohortId: spring, userId: mentor.id });
  const completedAt = new Date(springTimes[3]!.endsAt.getTime() + 30 * DAY);
  const [organizationName] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  const coordinatorActor: Actor = {
    userId: coordinator.id,
    email: input.coordinatorEmail,
    name: coordinator.name,
    locale: 'fi',
    isDemo: true,
    totpEnabled: false,
    isAdmin: false,
    memberships: [{ organizationId, organizationName: organizationName?.name ?? '', role: 'coordinator' }],
    organizationId,
    role: 'coordinator',
  };
  const inEach = (f: (locale: 'fi' | 'sv' | 'en') => string) => ({ fi: f('fi'), sv: f('sv'), en: f('en') });
  const achievement = {
    kind: 'facilitator-training',
    title: templateCourse.title,
    description: templateCourse.description,
    criteria: inEach((l) => translate(l, 'training.certificate.criteria', { sessions: templateSessions.length, meetings: defaultCompletionRules.minPracticeMeetings })),
  };
  for (let g = 0; g < GRADUATES; g++) {
    const { id: userId, name, email } = await addPerson('facilitator');
    const enrolmentId = newId();
    await tx.insert(enrolments).values({ organizationId, id: enrolmentId, cohortId: spring, userId, email, name, mentorUserId: mentor.id, status: 'completed', completedAt, completionConfirmedBy: coordinator.id, createdAt: new Date(now.getTime() - 270 * DAY) });
    for (const sid of springSessionIds) await tx.insert(trainingSessionAttendance).values({ organizationId, enrolmentId, cohortSessionId: sid, status: 'present', recordedBy: mentor.id });
    for (const a of assignmentIds) {
      const submissionId = newId();
      const submittedAt = new Date(springTimes[a.sessionIndex]!.startsAt.getTime() + 5 * DAY);
      await tx.insert(submissions).values({ organizationId, id: submissionId, enrolmentId, assignmentId: a.id, status: 'accepted', latestVersion: 1, updatedAt: submittedAt });
      await tx.insert(submissionVersions).values({ organizationId, submissionId, enrolmentId, version: 1, body: 'Palautettu pilotissa.', levels: a.kind === 'self_assessment' ? Object.fromEntries(criterionIds.map((c) => [c, 2])) : {}, submittedAt, dueAt: assignmentDueAt(springTimes[a.sessionIndex]!.startsAt, a.dueDaysAfter), late: false });
      await tx.insert(submissionFeedback).values({ organizationId, submissionId, enrolmentId, version: 1, mentorUserId: mentor.id, decision: 'accepted', comment: 'Hyvää pohdintaa, hyväksytty.', createdAt: new Date(submittedAt.getTime() + 2 * DAY) });
    }
    // The certificate, issued as the confirmed completion issues it (source: the enrolment).
    await issueCertificateInTransaction(
      tx,
      coordinatorActor,
      null,
      {
        organizationId,
        holderUserId: userId,
        achievement,
        startedOn: utcToZoned(springTimes[0]!.startsAt).date,
        endedOn: utcToZoned(springTimes[3]!.endsAt).date,
        source: { type: 'course-enrolment', id: enrolmentId },
      },
      completedAt,
    );
    // The graduate's anonymous evaluations of the four sessions and the course.
    for (const target of [...springSessionIds, COURSE_TARGET]) {
      await tx.insert(trainingFeedbackGivers).values({ organizationId, enrolmentId, target });
      await tx.insert(trainingFeedback).values({ organizationId, cohortId: spring, target, useful: 3 + ((g + target.length) % 3), ready: 3 + (g % 3), comment: g % 4 === 0 ? SPRING_COMMENTS[(g / 4) % SPRING_COMMENTS.length]! : null });
    }
  }

  // The running autumn cohort: started three weeks ago.
  const autumnFirst = utcToZoned(new Date(now.getTime() - 21 * DAY)).date;
  const autumn = newId();
  await tx.insert(cohorts).values({ organizationId, id: autumn, courseId, name: 'Syksy', capacity: 15, status: 'running', applicationsOpen: true, createdAt: new Date(now.getTime() - 60 * DAY) });
  const autumnTimes = sessionTimes(autumnFirst);
  const autumnSessionIds: string[] = [];
  for (const [i, t] of autumnTimes.entries()) {
    const id = newId();
    autumnSessionIds.push(id);
    await tx.insert(cohortSessions).values({ organizationId, id, cohortId: autumn, sessionId: sessionIds[i]!, ...t, onlineUrl: 'https://meet.example.fi/tyopeili-koulutus-syksy' });
  }
  await tx.insert(cohortMentors).values({ organizationId, cohortId: autumn, userId: mentor.id });
  const autumnPeople = [{ id: trainee.id, name: trainee.name, email: input.traineeEmail }];
  for (let r = 0; r < RUNNING_OTHERS; r++) autumnPeople.push(await addPerson('trainee'));
  const autumnEnrolments: string[] = [];
  for (const [p, person] of autumnPeople.entries()) {
    const enrolmentId = newId();
    autumnEnrolments.push(enrolmentId);
    const applicationId = newId();
    await tx.insert(trainingApplications).values({ organizationId, id: applicationId, cohortId: autumn, name: person.name, email: person.email, locale: 'fi', background: 'Yritysneuvoja, Porin seudun yrityspalvelut', motivation: 'Haluan oppia ohjaamaan vertaisryhmää.', consentAt: new Date(now.getTime() - 50 * DAY), status: 'accepted', handledBy: coordinator.id, createdAt: new Date(now.getTime() - 50 * DAY) });
    await tx.insert(enrolments).values({ organizationId, id: enrolmentId, cohortId: autumn, userId: person.id, email: person.email, name: person.name, mentorUserId: mentor.id, applicationId, status: 'active', createdAt: new Date(now.getTime() - 45 * DAY) });
    // Sessions 1 and 2 are past: present, one compensated.
    for (const [s, sid] of autumnSessionIds.entries()) {
      if (autumnTimes[s]!.endsAt.getTime() > now.getTime()) continue;
      const compensated = p === 2 && s === 1;
      await tx.insert(trainingSessionAttendance).values({ organizationId, enrolmentId, cohortSessionId: sid, status: compensated ? 'compensated' : 'present', compensation: compensated ? 'Kirjallinen tehtävä ja tallenteen katsominen' : null, recordedBy: mentor.id });
    }
    // The first session's anonymous evaluation (four answers: the coordinator sees it withheld).
    await tx.insert(trainingFeedbackGivers).values({ organizationId, enrolmentId, target: autumnSessionIds[0]! });
    await tx.insert(trainingFeedback).values({ organizationId, cohortId: autumn, target: autumnSessionIds[0]!, useful: 4 + (p % 2), ready: 3 + (p % 2) });
    // The first assignment: accepted for all but the demo trainee, whose first version came late and got a revision request.
    const first = assignmentIds[0]!;
    const submissionId = newId();
    const dueAt = assignmentDueAt(autumnTimes[0]!.startsAt, first.dueDaysAfter);
    const v1At = new Date(dueAt.getTime() + (p === 0 ? DAY / 2 : -2 * DAY));
    const demo = p === 0;
    await tx.insert(submissions).values({ organizationId, id: submissionId, enrolmentId, assignmentId: first.id, status: demo ? 'revision_requested' : 'accepted', latestVersion: 1, updatedAt: v1At });
    await tx.insert(submissionVersions).values({ organizationId, submissionId, enrolmentId, version: 1, body: demo ? 'Vahvuuteni ohjaajana on, että osaan kuunnella. Minua mietityttää, miten pidän huolen, ettei kukaan vie koko aikaa.' : 'Tuon ryhmään kokemukseni yrittäjien neuvonnasta. Haluan oppia kysymään enemmän ja neuvomaan vähemmän.', submittedAt: v1At, dueAt, late: v1At.getTime() > dueAt.getTime() });
    await tx.insert(submissionFeedback).values({
      organizationId,
      submissionId,
      enrolmentId,
      version: 1,
      mentorUserId: mentor.id,
      decision: demo ? 'revision_requested' : 'accepted',
      comment: demo ? 'Hyvä alku! Täydennä vielä, miten aiot käytännössä huolehtia tasavertaisista puheenvuoroista.' : 'Selkeä ja rehellinen pohdinta, hyväksytty.',
      criteria: demo ? { [criterionIds[0]!]: 'Kuunteleminen on hyvä perusta dialogille.', [criterionIds[2]!]: 'Kerro yksi keino, jolla jaat vuorot, esimerkiksi kierros.' } : {},
      createdAt: new Date(v1At.getTime() + DAY),
    });
    // The plan for the practice group: submitted by two, waiting for the mentor.
    if (p === 1 || p === 3) {
      const planId = newId();
      const at = new Date(now.getTime() - 2 * DAY);
      await tx.insert(submissions).values({ organizationId, id: planId, enrolmentId, assignmentId: assignmentIds[1]!.id, status: 'submitted', latestVersion: 1, updatedAt: at });
      await tx.insert(submissionVersions).values({ organizationId, submissionId: planId, enrolmentId, version: 1, body: '1. tapaaminen: tutustuminen ja ryhmäsopimus. 2. tapaaminen: jaksaminen. 3. tapaaminen: asiakashankinta, asiantuntijana somemarkkinoinnin osaaja.', submittedAt: at, dueAt: assignmentDueAt(autumnTimes[1]!.startsAt, assignmentIds[1]!.dueDaysAfter), late: false });
    }
  }

  // The demo trainee's practice group: two meetings held with three entrepreneurs of the programme.
  const entrepreneurRows = await tx
    .selectDistinct({ id: groupMembers.userId })
    .from(groupMembers)
    .innerJoin(memberships, and(eq(memberships.organizationId, groupMembers.organizationId), eq(memberships.userId, groupMembers.userId)))
    .where(and(eq(groupMembers.organizationId, organizationId), eq(memberships.role, 'entrepreneur')))
    .orderBy(asc(groupMembers.userId));
  const members = entrepreneurRows.slice(-3).map((r) => r.id);
  const groupId = newId();
  await tx.insert(groups).values({ organizationId, id: groupId, name: 'Harjoitusryhmä – Ulvilan yrittäjät', status: 'active', format: 'in_person', description: 'Koulutettavan ohjaama harjoitusryhmä.' });
  await tx.insert(groupFacilitators).values({ organizationId, groupId, userId: trainee.id });
  if (members.length) await tx.insert(groupMembers).values(members.map((userId) => ({ organizationId, groupId, userId, showCompany: false }))).onConflictDoNothing();
  for (const daysAgo of [17, 3]) {
    const date = utcToZoned(new Date(now.getTime() - daysAgo * DAY)).date;
    const [meeting] = await tx
      .insert(meetings)
      .values({ organizationId, groupId, startsAt: zonedTimeToUtc(date, '09:00'), endsAt: zonedTimeToUtc(date, '11:00'), theme: daysAgo === 17 ? 'Tutustuminen ja ryhmäsopimus' : 'Jaksaminen', format: 'in_person', status: 'scheduled', venueAddress: 'Ulvilan kirjasto, Kauppatie 2' })
      .returning({ id: meetings.id });
    if (members.length) await tx.insert(attendance).values(members.map((userId) => ({ organizationId, meetingId: meeting!.id, userId, status: 'present' as const })));
  }
  // The next practice meeting: every member agreed that the mentor observes it.
  const nextDate = utcToZoned(new Date(now.getTime() + 11 * DAY)).date;
  const [next] = await tx
    .insert(meetings)
    .values({ organizationId, groupId, startsAt: zonedTimeToUtc(nextDate, '09:00'), endsAt: zonedTimeToUtc(nextDate, '11:00'), theme: 'Asiakashankinta', format: 'in_person', status: 'scheduled', venueAddress: 'Ulvilan kirjasto, Kauppatie 2' })
    .returning({ id: meetings.id });
  // As the demo's other meetings (seed-groups.ts): those within the invitation window were invited already.
  const sentAt = new Date(Math.min(now.getTime(), zonedTimeToUtc(nextDate, '09:00').getTime() - INVITE_AHEAD_DAYS * DAY));
  await tx.insert(remindersSent).values([trainee.id, ...members].map((userId) => ({ organizationId, kind: INVITATION_KIND, targetId: next!.id, userId, sentAt })));
  if (members.length) await tx.insert(observationConsents).values(members.map((userId) => ({ organizationId, meetingId: next!.id, userId, consentedAt: new Date(now.getTime() - DAY) })));
  await tx.update(enrolments).set({ practiceGroupId: groupId }).where(and(eq(enrolments.organizationId, organizationId), inArray(enrolments.id, [autumnEnrolments[0]!])));

  // A mentoring meeting next week for the demo trainee and one other.
  const mentoringDate = utcToZoned(new Date(now.getTime() + 6 * DAY)).date;
  const meetingId = newId();
  await tx.insert(mentoringMeetings).values({ organizationId, id: meetingId, cohortId: autumn, mentorUserId: mentor.id, startsAt: zonedTimeToUtc(mentoringDate, '15:00'), endsAt: zonedTimeToUtc(mentoringDate, '16:00'), onlineUrl: 'https://meet.example.fi/mentorointi', topic: 'Harjoitusryhmän ensimmäiset tapaamiset' });
  await tx.insert(mentoringParticipants).values([
    { organizationId, meetingId, enrolmentId: autumnEnrolments[0]! },
    { organizationId, meetingId, enrolmentId: autumnEnrolments[1]! },
  ]);
  // A new application waiting for the coordinator.
  await tx.insert(trainingApplications).values({ organizationId, cohortId: autumn, name: 'Laura Mattila', email: `hakija.koulutus@${input.domain}`, locale: 'fi', background: 'Yrityskoordinaattori, Kankaanpää', motivation: 'Haluaisin perustaa Työpeili-ryhmän Pohjois-Satakuntaan.', consentAt: new Date(now.getTime() - DAY), createdAt: new Date(now.getTime() - DAY) });
  return { graduates: GRADUATES, running: autumnPeople.length, userIds };
}
