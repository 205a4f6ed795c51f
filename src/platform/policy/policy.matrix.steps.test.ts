// Small steps: every actor × every action for one member's step in a group of organisation A.
// Steps are personal: the owner and the group's facilitators; coordinators and admins see none.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, stepPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  traineeFacilitator: matrixActor('traineeFacilitator', [{ organizationId: ORG_A, role: 'trainee' }]),
  otherFacilitator: matrixActor('otherFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  owner: matrixActor('owner', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  groupMember: matrixActor('groupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherGroupMember: matrixActor('otherGroupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const group = {
  organizationId: ORG_A,
  facilitatorUserIds: [actors.groupFacilitator.userId, actors.traineeFacilitator.userId],
  memberUserIds: [actors.owner.userId, actors.groupMember.userId],
};

const checkMatrix = matrixChecker(actors);

describe('a member’s step', () => {
  checkMatrix(stepPolicy, { ...group, ownerUserId: actors.owner.userId }, `
                          read  create  edit
    admin                 no    no      no
    coordinator           no    no      no
    groupFacilitator      yes   yes     yes
    traineeFacilitator    yes   yes     yes
    otherFacilitator      no    no      no
    expert                no    no      no
    owner                 yes   yes     yes
    groupMember           no    no      no
    otherGroupMember      no    no      no
    funder                no    no      no
    otherOrgCoordinator   no    no      no
    signedOut             no    no      no
  `);
});

describe('a step of someone who has left the group (or never was in it)', () => {
  checkMatrix(stepPolicy, { ...group, ownerUserId: actors.otherGroupMember.userId }, `
                          read  create  edit
    admin                 no    no      no
    coordinator           no    no      no
    groupFacilitator      yes   no      yes
    traineeFacilitator    yes   no      yes
    otherFacilitator      no    no      no
    expert                no    no      no
    owner                 no    no      no
    groupMember           no    no      no
    otherGroupMember      yes   no      yes
    funder                no    no      no
    otherOrgCoordinator   no    no      no
    signedOut             no    no      no
  `);
});

describe('steps: refusals', () => {
  const step = { ...group, ownerUserId: actors.owner.userId };
  it('answers 404 to another organisation and the signed out, 403 inside the organisation', () => {
    expect(() => authorize(actors.otherOrgCoordinator, step, stepPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, step, stepPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.coordinator, step, stepPolicy.read)).toThrow(ForbiddenError);
    expect(() => authorize(actors.groupMember, step, stepPolicy.edit)).toThrow(ForbiddenError);
    expect(() => authorize(actors.owner, step, stepPolicy.create)).not.toThrow();
  });
});
