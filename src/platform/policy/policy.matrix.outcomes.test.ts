// Outcomes: every actor × every action. Individual answers belong to the person alone;
// facilitators and coordinators see group aggregates; funders nothing at group level;
// another organisation sees nothing (404).
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, groupOutcomePolicy, meetingFeedbackPolicy, outcomePolicy, researchExportPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  otherFacilitator: matrixActor('otherFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  self: matrixActor('self', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  groupMember: matrixActor('groupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherGroupMember: matrixActor('otherGroupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const group = {
  organizationId: ORG_A,
  facilitatorUserIds: [actors.groupFacilitator.userId],
  memberUserIds: [actors.self.userId, actors.groupMember.userId],
};
const person = { organizationId: ORG_A, userId: actors.self.userId };

const checkMatrix = matrixChecker(actors);

describe("a person's own measurement (organisation A)", () => {
  checkMatrix(outcomePolicy, person, `
                         manageConsent  answer  readOwn
    admin                no             no      no
    coordinator          no             no      no
    groupFacilitator     no             no      no
    otherFacilitator     no             no      no
    expert               no             no      no
    self                 yes            yes     yes
    groupMember          no             no      no
    otherGroupMember     no             no      no
    funder               no             no      no
    otherOrgCoordinator  no             no      no
    signedOut            no             no      no
  `);
});

describe('group trend and feedback', () => {
  checkMatrix(groupOutcomePolicy, group, `
                         readTrend  readFeedback
    admin                yes        yes
    coordinator          yes        yes
    groupFacilitator     yes        yes
    otherFacilitator     no         no
    expert               no         no
    self                 no         no
    groupMember          no         no
    otherGroupMember     no         no
    funder               no         no
    otherOrgCoordinator  no         no
    signedOut            no         no
  `);
});

describe('meeting feedback (started)', () => {
  checkMatrix(meetingFeedbackPolicy, { ...group, started: true, cancelled: false, expertUserIds: [actors.expert.userId] }, `
                         give  read
    admin                no    yes
    coordinator          no    yes
    groupFacilitator     no    yes
    otherFacilitator     no    no
    expert               no    no
    self                 yes   no
    groupMember          yes   no
    otherGroupMember     no    no
    funder               no    no
    otherOrgCoordinator  no    no
    signedOut            no    no
  `);
});

describe('meeting feedback (not started)', () => {
  checkMatrix(meetingFeedbackPolicy, { ...group, started: false, cancelled: false, expertUserIds: [] }, `
                         give  read
    admin                no    yes
    coordinator          no    yes
    groupFacilitator     no    yes
    otherFacilitator     no    no
    expert               no    no
    self                 no    no
    groupMember          no    no
    otherGroupMember     no    no
    funder               no    no
    otherOrgCoordinator  no    no
    signedOut            no    no
  `);
});

describe('research export', () => {
  checkMatrix(researchExportPolicy, { organizationId: ORG_A }, `
                         export
    admin                yes
    coordinator          no
    groupFacilitator     no
    otherFacilitator     no
    expert               no
    self                 no
    groupMember          no
    otherGroupMember     no
    funder               no
    otherOrgCoordinator  no
    signedOut            no
  `);
});

describe('outcomes: refusals', () => {
  it('answers 404 to another organisation, 403 inside it', () => {
    expect(() => authorize(actors.otherOrgCoordinator, person, outcomePolicy.readOwn)).toThrow(NotFoundError);
    expect(() => authorize(actors.otherOrgCoordinator, group, groupOutcomePolicy.readTrend)).toThrow(NotFoundError);
    expect(() => authorize(actors.coordinator, person, outcomePolicy.readOwn)).toThrow(ForbiddenError);
    expect(() => authorize(actors.funder, group, groupOutcomePolicy.readTrend)).toThrow(ForbiddenError);
    expect(() => authorize(actors.self, person, outcomePolicy.readOwn)).not.toThrow();
  });
});
