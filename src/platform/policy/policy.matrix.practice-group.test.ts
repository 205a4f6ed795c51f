// Facilitator training, the practice group (issue 15, point 4): the trainee's mentor reads its meta
// data and observes a meeting only while every member consented; each member consents for
// themself; nobody once the enrolment is over (the group is a normal group then). And the
// confidential content: the mentor is nobody to the group's own policies — no facilitator notes,
// no attendance rows, no journal, not even the group itself.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { NotFoundError } from '../errors.ts';
import { authorize, groupPolicy, journalPolicy, meetingPolicy, practiceGroupPolicy, type MeetingResource, type PracticeGroupResource } from './index.ts';

const trainee = matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]);
const mentor = matrixActor('mentor', [{ organizationId: ORG_A, role: 'facilitator' }]);
const otherMentor = matrixActor('otherMentor', [{ organizationId: ORG_A, role: 'facilitator' }]);
const member = matrixActor('member', [{ organizationId: ORG_A, role: 'entrepreneur' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  mentor,
  otherMentor,
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  trainee,
  otherTrainee: matrixActor('otherTrainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  member,
  otherEntrepreneur: matrixActor('otherEntrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;
const checkMatrix = matrixChecker(actors);

const practice = (over: Partial<PracticeGroupResource> = {}): PracticeGroupResource => ({
  organizationId: ORG_A,
  traineeUserId: trainee.userId,
  mentorUserId: mentor.userId,
  mentorUserIds: [mentor.userId, otherMentor.userId],
  memberUserIds: [member.userId],
  inTraining: true,
  everyoneConsented: false,
  ...over,
});

describe('a practice group in training, a meeting not every member agreed to', () => {
  checkMatrix(
    practiceGroupPolicy,
    practice(),
    `
                          readMeta  observe  consent
    admin                 no        no       no
    coordinator           yes       no       no
    mentor                yes       no       no
    otherMentor           no        no       no
    facilitator           no        no       no
    trainee               no        no       no
    otherTrainee          no        no       no
    member                no        no       yes
    otherEntrepreneur     no        no       no
    funder                no        no       no
    otherOrgCoordinator   no        no       no
    signedOut             no        no       no
  `,
  );
});

describe('a meeting every member agreed to', () => {
  checkMatrix(
    practiceGroupPolicy,
    practice({ everyoneConsented: true }),
    `
                          readMeta  observe  consent
    admin                 no        no       no
    coordinator           yes       no       no
    mentor                yes       yes      no
    otherMentor           no        no       no
    facilitator           no        no       no
    trainee               no        no       no
    otherTrainee          no        no       no
    member                no        no       yes
    otherEntrepreneur     no        no       no
    funder                no        no       no
    otherOrgCoordinator   no        no       no
    signedOut             no        no       no
  `,
  );
});

describe('after the training (completed or dropped): a normal group', () => {
  checkMatrix(
    practiceGroupPolicy,
    practice({ inTraining: false, everyoneConsented: true }),
    `
                          readMeta  observe  consent
    admin                 no        no       no
    coordinator           no        no       no
    mentor                no        no       no
    otherMentor           no        no       no
    facilitator           no        no       no
    trainee               no        no       no
    otherTrainee          no        no       no
    member                no        no       no
    otherEntrepreneur     no        no       no
    funder                no        no       no
    otherOrgCoordinator   no        no       no
    signedOut             no        no       no
  `,
  );
});

describe('the practice group’s confidential content', () => {
  // The same group as groupPolicy and meetingPolicy see it: the trainee facilitates, the member belongs.
  const group = { organizationId: ORG_A, facilitatorUserIds: [trainee.userId], memberUserIds: [member.userId] };
  const meeting: MeetingResource = { ...group, started: true, cancelled: false, expertUserIds: [] };
  it('is closed to the mentor: no facilitator notes, summaries, attendance rows, group or journal', () => {
    for (const who of [mentor, otherMentor]) {
      expect(meetingPolicy.readNotes(who, meeting)).toBe(false);
      expect(meetingPolicy.read(who, meeting)).toBe(false);
      expect(meetingPolicy.readPublishedSummary(who, meeting)).toBe(false);
      expect(meetingPolicy.readOnlineLink(who, meeting)).toBe(false);
      expect(groupPolicy.read(who, group)).toBe(false);
      expect(groupPolicy.readAttendance(who, group)).toBe(false);
      expect(journalPolicy.read(who, { userId: member.userId })).toBe(false);
      expect(journalPolicy.read(who, { userId: trainee.userId })).toBe(false);
    }
  });
  it('stays with the trainee as the group’s facilitator', () => {
    expect(meetingPolicy.readNotes(trainee, meeting)).toBe(true);
  });
  it('answers 404 to another organisation', () => {
    for (const rule of Object.values(practiceGroupPolicy)) expect(() => authorize(actors.otherOrgCoordinator, practice({ everyoneConsented: true }), rule)).toThrow(NotFoundError);
  });
});
