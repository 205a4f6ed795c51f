// The group board: every actor × every action. Coordinators and admins run the group but
// do not read its board (the members' confidential space); other organisations get 404.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, boardPolicy, boardPostPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  otherFacilitator: matrixActor('otherFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  author: matrixActor('author', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  groupMember: matrixActor('groupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherGroupMember: matrixActor('otherGroupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgListedMember: matrixActor('otherOrgListedMember', [{ organizationId: ORG_B, role: 'entrepreneur' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const group = {
  organizationId: ORG_A,
  facilitatorUserIds: [actors.groupFacilitator.userId],
  memberUserIds: [actors.author.userId, actors.groupMember.userId, actors.otherOrgListedMember.userId],
};
const post = { ...group, authorUserId: actors.author.userId, hidden: false, isReply: false };

const checkMatrix = matrixChecker(actors);

describe('board of a group (organisation A)', () => {
  checkMatrix(boardPolicy, group, `
                          read  post  moderate
    admin                 no    no    no
    coordinator           no    no    no
    groupFacilitator      yes   yes   yes
    otherFacilitator      no    no    no
    expert                no    no    no
    author                yes   yes   no
    groupMember           yes   yes   no
    otherGroupMember      no    no    no
    funder                no    no    no
    otherOrgCoordinator   no    no    no
    otherOrgListedMember  no    no    no
    signedOut             no    no    no
  `);
});

describe('a visible post', () => {
  checkMatrix(boardPostPolicy, post, `
                          reply  hide  unhide  delete
    admin                 no     no    no      no
    coordinator           no     no    no      no
    groupFacilitator      yes    yes   no      no
    otherFacilitator      no     no    no      no
    expert                no     no    no      no
    author                yes    no    no      yes
    groupMember           yes    no    no      no
    otherGroupMember      no     no    no      no
    funder                no     no    no      no
    otherOrgCoordinator   no     no    no      no
    otherOrgListedMember  no     no    no      no
    signedOut             no     no    no      no
  `);
});

describe('a hidden post', () => {
  checkMatrix(boardPostPolicy, { ...post, hidden: true }, `
                          reply  hide  unhide  delete
    admin                 no     no    no      no
    coordinator           no     no    no      no
    groupFacilitator      no     no    yes     no
    otherFacilitator      no     no    no      no
    expert                no     no    no      no
    author                no     no    no      yes
    groupMember           no     no    no      no
    otherGroupMember      no     no    no      no
    funder                no     no    no      no
    otherOrgCoordinator   no     no    no      no
    otherOrgListedMember  no     no    no      no
    signedOut             no     no    no      no
  `);
});

describe('a reply', () => {
  checkMatrix(boardPostPolicy, { ...post, isReply: true }, `
                          reply  hide  unhide  delete
    admin                 no     no    no      no
    coordinator           no     no    no      no
    groupFacilitator      no     yes   no      no
    otherFacilitator      no     no    no      no
    expert                no     no    no      no
    author                no     no    no      yes
    groupMember           no     no    no      no
    otherGroupMember      no     no    no      no
    funder                no     no    no      no
    otherOrgCoordinator   no     no    no      no
    otherOrgListedMember  no     no    no      no
    signedOut             no     no    no      no
  `);
});

describe('board: refusals', () => {
  it('answers 404 to another organisation and the signed out, 403 to the coordinator', () => {
    expect(() => authorize(actors.otherOrgCoordinator, group, boardPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.otherOrgListedMember, group, boardPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, group, boardPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.coordinator, group, boardPolicy.read)).toThrow(ForbiddenError);
    expect(() => authorize(actors.groupMember, group, boardPolicy.post)).not.toThrow();
  });
});
