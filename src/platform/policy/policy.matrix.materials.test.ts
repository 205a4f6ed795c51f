// Materials: every actor × every action, for a file of the whole meeting, a file of the
// expert's own segment, and a file of another expert's segment. Coordinators and admins
// are not in the group and see none of its files.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, materialPolicy, meetingMaterialsPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  otherFacilitator: matrixActor('otherFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  otherExpert: matrixActor('otherExpert', [{ organizationId: ORG_A, role: 'expert' }]),
  groupMember: matrixActor('groupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherGroupMember: matrixActor('otherGroupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgListedMember: matrixActor('otherOrgListedMember', [{ organizationId: ORG_B, role: 'entrepreneur' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const meeting = {
  organizationId: ORG_A,
  facilitatorUserIds: [actors.groupFacilitator.userId],
  memberUserIds: [actors.groupMember.userId, actors.otherOrgListedMember.userId],
  expertUserIds: [actors.expert.userId, actors.otherExpert.userId],
  started: false,
  cancelled: false,
};

const checkMatrix = matrixChecker(actors);

describe('the materials page of a meeting', () => {
  checkMatrix(meetingMaterialsPolicy, meeting, `
                          list
    admin                 no
    coordinator           no
    groupFacilitator      yes
    otherFacilitator      no
    expert                yes
    otherExpert           yes
    groupMember           yes
    otherGroupMember      no
    funder                no
    otherOrgCoordinator   no
    otherOrgListedMember  no
    signedOut             no
  `);
});

describe('a file of the whole meeting, uploaded by the facilitator', () => {
  checkMatrix(materialPolicy, { ...meeting, segmentExpertUserId: null, uploadedBy: actors.groupFacilitator.userId }, `
                          upload  download  delete
    admin                 no      no        no
    coordinator           no      no        no
    groupFacilitator      yes     yes       yes
    otherFacilitator      no      no        no
    expert                no      no        no
    otherExpert           no      no        no
    groupMember           no      yes       no
    otherGroupMember      no      no        no
    funder                no      no        no
    otherOrgCoordinator   no      no        no
    otherOrgListedMember  no      no        no
    signedOut             no      no        no
  `);
});

describe('a file of the expert’s own segment, uploaded by the expert', () => {
  checkMatrix(materialPolicy, { ...meeting, segmentExpertUserId: actors.expert.userId, uploadedBy: actors.expert.userId }, `
                          upload  download  delete
    admin                 no      no        no
    coordinator           no      no        no
    groupFacilitator      yes     yes       yes
    otherFacilitator      no      no        no
    expert                yes     yes       yes
    otherExpert           no      no        no
    groupMember           no      yes       no
    otherGroupMember      no      no        no
    funder                no      no        no
    otherOrgCoordinator   no      no        no
    otherOrgListedMember  no      no        no
    signedOut             no      no        no
  `);
});

describe('a file of the segment in a cancelled meeting', () => {
  checkMatrix(materialPolicy, { ...meeting, cancelled: true, segmentExpertUserId: actors.expert.userId, uploadedBy: actors.groupFacilitator.userId }, `
                          upload  download  delete
    admin                 no      no        no
    coordinator           no      no        no
    groupFacilitator      no      yes       yes
    otherFacilitator      no      no        no
    expert                no      yes       no
    otherExpert           no      no        no
    groupMember           no      yes       no
    otherGroupMember      no      no        no
    funder                no      no        no
    otherOrgCoordinator   no      no        no
    otherOrgListedMember  no      no        no
    signedOut             no      no        no
  `);
});

describe('materials: refusals', () => {
  it('answers 404 to another organisation and the signed out, 403 inside the organisation', () => {
    const file = { ...meeting, segmentExpertUserId: actors.expert.userId, uploadedBy: actors.expert.userId };
    expect(() => authorize(actors.otherOrgListedMember, file, materialPolicy.download)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, file, materialPolicy.download)).toThrow(NotFoundError);
    expect(() => authorize(actors.otherExpert, file, materialPolicy.download)).toThrow(ForbiddenError);
    expect(() => authorize(actors.coordinator, meeting, meetingMaterialsPolicy.list)).toThrow(ForbiddenError);
    expect(() => authorize(actors.expert, file, materialPolicy.download)).not.toThrow();
  });
});
