// Advice: every actor × every action for availability, booking, a session (before the notice,
// within it, started) and a note. Advisors are facilitators and coordinators; notes are the
// author's and the coordinators'; the person sees their session, never the notes.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { adviceBookingPolicy, adviceNotePolicy, adviceSessionPolicy, adviceSettingsPolicy, advisorAvailabilityPolicy, authorize } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  advisor: matrixActor('advisor', [{ organizationId: ORG_A, role: 'facilitator' }]),
  otherAdvisor: matrixActor('otherAdvisor', [{ organizationId: ORG_A, role: 'facilitator' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  person: matrixActor('person', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherEntrepreneur: matrixActor('otherEntrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);
const session = { organizationId: ORG_A, advisorUserId: actors.advisor.userId, personUserId: actors.person.userId };

describe('an advisor’s availability', () => {
  checkMatrix(advisorAvailabilityPolicy, { organizationId: ORG_A, advisorUserId: actors.advisor.userId }, `
                          manage
    admin                 no
    coordinator           yes
    advisor               yes
    otherAdvisor          no
    trainee               no
    expert                no
    person                no
    otherEntrepreneur     no
    funder                no
    otherOrgCoordinator   no
    signedOut             no
  `);
});

describe('availability published by an entrepreneur (not an advisor role)', () => {
  checkMatrix(advisorAvailabilityPolicy, { organizationId: ORG_A, advisorUserId: actors.person.userId }, `
                          manage
    admin                 no
    coordinator           yes
    advisor               no
    otherAdvisor          no
    trainee               no
    expert                no
    person                no
    otherEntrepreneur     no
    funder                no
    otherOrgCoordinator   no
    signedOut             no
  `);
});

describe('booking and the advisors’ calendar', () => {
  checkMatrix(adviceBookingPolicy, { organizationId: ORG_A }, `
                          book  listSessions
    admin                 no    no
    coordinator           no    yes
    advisor               no    yes
    otherAdvisor          no    yes
    trainee               no    no
    expert                no    no
    person                yes   no
    otherEntrepreneur     yes   no
    funder                no    no
    otherOrgCoordinator   no    no
    signedOut             no    no
  `);
});

describe('the organisation’s slot rules', () => {
  checkMatrix(adviceSettingsPolicy, { organizationId: ORG_A }, `
                          edit
    admin                 no
    coordinator           yes
    advisor               no
    otherAdvisor          no
    trainee               no
    expert                no
    person                no
    otherEntrepreneur     no
    funder                no
    otherOrgCoordinator   no
    signedOut             no
  `);
});

describe('an upcoming session, before the change notice', () => {
  checkMatrix(adviceSessionPolicy, { ...session, upcoming: true, beforeChangeNotice: true, started: false }, `
                          read  reschedule  cancel  writeNotes  record
    admin                 no    no          no      no          no
    coordinator           yes   yes         yes     no          no
    advisor               yes   yes         yes     yes         no
    otherAdvisor          no    no          no      no          no
    trainee               no    no          no      no          no
    expert                no    no          no      no          no
    person                yes   yes         yes     no          no
    otherEntrepreneur     no    no          no      no          no
    funder                no    no          no      no          no
    otherOrgCoordinator   no    no          no      no          no
    signedOut             no    no          no      no          no
  `);
});

describe('an upcoming session within the change notice', () => {
  checkMatrix(adviceSessionPolicy, { ...session, upcoming: true, beforeChangeNotice: false, started: false }, `
                          read  reschedule  cancel  writeNotes  record
    admin                 no    no          no      no          no
    coordinator           yes   yes         yes     no          no
    advisor               yes   yes         yes     yes         no
    otherAdvisor          no    no          no      no          no
    trainee               no    no          no      no          no
    expert                no    no          no      no          no
    person                yes   no          no      no          no
    otherEntrepreneur     no    no          no      no          no
    funder                no    no          no      no          no
    otherOrgCoordinator   no    no          no      no          no
    signedOut             no    no          no      no          no
  `);
});

describe('a session that has started', () => {
  checkMatrix(adviceSessionPolicy, { ...session, upcoming: false, beforeChangeNotice: false, started: true }, `
                          read  reschedule  cancel  writeNotes  record
    admin                 no    no          no      no          no
    coordinator           yes   no          no      no          no
    advisor               yes   no          no      yes         yes
    otherAdvisor          no    no          no      no          no
    trainee               no    no          no      no          no
    expert                no    no          no      no          no
    person                yes   no          no      no          no
    otherEntrepreneur     no    no          no      no          no
    funder                no    no          no      no          no
    otherOrgCoordinator   no    no          no      no          no
    signedOut             no    no          no      no          no
  `);
});

describe('an advisor’s note', () => {
  checkMatrix(adviceNotePolicy, { organizationId: ORG_A, authorUserId: actors.advisor.userId }, `
                          read
    admin                 no
    coordinator           yes
    advisor               yes
    otherAdvisor          no
    trainee               no
    expert                no
    person                no
    otherEntrepreneur     no
    funder                no
    otherOrgCoordinator   no
    signedOut             no
  `);
});

describe('advice: refusals', () => {
  it('answers 404 to another organisation and the signed out, 403 inside the organisation', () => {
    const r = { ...session, upcoming: true, beforeChangeNotice: true, started: false };
    expect(() => authorize(actors.otherOrgCoordinator, r, adviceSessionPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, r, adviceSessionPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.otherEntrepreneur, r, adviceSessionPolicy.read)).toThrow(ForbiddenError);
    expect(() => authorize(actors.person, r, adviceSessionPolicy.cancel)).not.toThrow();
  });
});
