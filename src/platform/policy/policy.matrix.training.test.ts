// Facilitator training: every role × every action on a cohort and on one trainee's submissions.
// A trainee never reads another trainee's submissions or feedback; a mentor reads only their own
// trainees'; another organisation's people get 404.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, coursePolicy, submissionPolicy, type CourseResource, type SubmissionResource } from './index.ts';

const trainee = matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]);
const mentor = matrixActor('mentor', [{ organizationId: ORG_A, role: 'facilitator' }]);
const otherMentor = matrixActor('otherMentor', [{ organizationId: ORG_A, role: 'facilitator' }]);
const mentorCoordinator = matrixActor('mentorCoordinator', [{ organizationId: ORG_A, role: 'coordinator' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  orgAdmin: matrixActor('orgAdmin', [{ organizationId: ORG_A, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  mentorCoordinator,
  mentor,
  otherMentor,
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  trainee,
  otherTrainee: matrixActor('otherTrainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgTrainee: matrixActor('otherOrgTrainee', [{ organizationId: ORG_B, role: 'trainee' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);
const mentorUserIds = [mentor.userId, otherMentor.userId, mentorCoordinator.userId];

// The trainee's enrolment is the resource's fact; the matrix runs the cohort as `trainee` sees it.
function cohortFor(actor: Actor | null): CourseResource {
  return { organizationId: ORG_A, mentorUserIds, actorEnrolled: actor?.userId === trainee.userId };
}

describe('a cohort (as each actor sees their own enrolment in it)', () => {
  const table = `
                          manage  read  listTrainees  mentor  confirmCompletion  graduate  drop  evaluate  readEvaluation
    admin                 no      no    no            no      no                 no        no    no        no
    orgAdmin              no      no    no            no      no                 no        no    no        no
    coordinator           yes     yes   yes           no      yes                yes       yes   no        yes
    mentorCoordinator     yes     yes   yes           yes     yes                yes       yes   no        yes
    mentor                no      yes   yes           yes     no                 no        no    no        yes
    otherMentor           no      yes   yes           yes     no                 no        no    no        yes
    facilitator           no      no    no            no      no                 no        no    no        no
    trainee               no      yes   no            no      no                 no        no    yes       no
    otherTrainee          no      no    no            no      no                 no        no    no        no
    expert                no      no    no            no      no                 no        no    no        no
    entrepreneur          no      no    no            no      no                 no        no    no        no
    funder                no      no    no            no      no                 no        no    no        no
    otherOrgCoordinator   no      no    no            no      no                 no        no    no        no
    otherOrgTrainee       no      no    no            no      no                 no        no    no        no
    signedOut             no      no    no            no      no                 no        no    no        no
  `;
  for (const [name, actor] of Object.entries(actors)) {
    it(`${name}`, () => {
      const row = table
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/));
      const header = row[0]!;
      const cells = row.find((r) => r[0] === name)!.slice(1);
      const resource = cohortFor(actor);
      header.forEach((action, i) => {
        expect((coursePolicy as Record<string, (a: Actor | null, r: CourseResource) => boolean>)[action]!(actor, resource), `${name} ${action}`).toBe(cells[i] === 'yes');
      });
    });
  }
});

const submission = (over: Partial<SubmissionResource> = {}): SubmissionResource => ({
  organizationId: ORG_A,
  traineeUserId: trainee.userId,
  mentorUserId: mentor.userId,
  mentorUserIds,
  open: true,
  ...over,
});

describe('an open submission of a trainee with an assigned mentor', () => {
  checkMatrix(
    submissionPolicy,
    submission(),
    `
                          read  submit  giveFeedback
    admin                 no    no      no
    orgAdmin              no    no      no
    coordinator           yes   no      no
    mentorCoordinator     yes   no      no
    mentor                yes   no      yes
    otherMentor           no    no      no
    facilitator           no    no      no
    trainee               yes   yes     no
    otherTrainee          no    no      no
    expert                no    no      no
    entrepreneur          no    no      no
    funder                no    no      no
    otherOrgCoordinator   no    no      no
    otherOrgTrainee       no    no      no
    signedOut             no    no      no
  `,
  );
});

describe('an accepted submission of a trainee with no assigned mentor (every mentor of the cohort)', () => {
  checkMatrix(
    submissionPolicy,
    submission({ mentorUserId: null, open: false }),
    `
                          read  submit  giveFeedback
    admin                 no    no      no
    orgAdmin              no    no      no
    coordinator           yes   no      no
    mentorCoordinator     yes   no      no
    mentor                yes   no      no
    otherMentor           yes   no      no
    facilitator           no    no      no
    trainee               yes   no      no
    otherTrainee          no    no      no
    expert                no    no      no
    entrepreneur          no    no      no
    funder                no    no      no
    otherOrgCoordinator   no    no      no
    otherOrgTrainee       no    no      no
    signedOut             no    no      no
  `,
  );
});

describe('another organisation', () => {
  it('answers 404 to its people for every action, 403 to this organisation’s people who may not', () => {
    for (const rule of Object.values(submissionPolicy)) {
      for (const who of [actors.otherOrgCoordinator, actors.otherOrgTrainee, null]) expect(() => authorize(who, submission(), rule)).toThrow(NotFoundError);
      expect(() => authorize(actors.otherTrainee, submission(), rule)).toThrow(ForbiddenError);
    }
    for (const rule of Object.values(coursePolicy)) {
      for (const who of [actors.otherOrgCoordinator, actors.otherOrgTrainee, null]) expect(() => authorize(who, cohortFor(who), rule)).toThrow(NotFoundError);
    }
  });
});
