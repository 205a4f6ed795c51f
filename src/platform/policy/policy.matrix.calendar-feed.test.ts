// A person's calendar feed: every actor × every action, for a feed that belongs to the group member.
// Only the person themself; no role (admin, coordinator, facilitator of their group) reaches it.
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { calendarFeedPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  owner: matrixActor('owner', [
    { organizationId: ORG_A, role: 'entrepreneur' },
    { organizationId: ORG_B, role: 'entrepreneur' },
  ]),
  otherMember: matrixActor('otherMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);

describe('calendar feed (the owner’s)', () => {
  checkMatrix(calendarFeedPolicy, { userId: actors.owner.userId }, `
                          read  create  revoke
    admin                 no    no      no
    coordinator           no    no      no
    groupFacilitator      no    no      no
    owner                 yes   yes     yes
    otherMember           no    no      no
    otherOrgCoordinator   no    no      no
    signedOut             no    no      no
  `);
});
