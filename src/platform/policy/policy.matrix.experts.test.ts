// Experts: every role × every action on a listed profile, an unlisted one, a segment of a group
// the facilitator runs, and an answered invitation; another organisation's people get 404.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { NotFoundError, ForbiddenError } from '../errors.ts';
import { authorize, expertPolicy, type ExpertResource } from './index.ts';

const expert = matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]);
const groupFacilitator = matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  orgAdmin: matrixActor('orgAdmin', [{ organizationId: ORG_A, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator,
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert,
  otherExpert: matrixActor('otherExpert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgExpert: matrixActor('otherOrgExpert', [{ organizationId: ORG_B, role: 'expert' }], 'expert-b@example.fi'),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);
const resource = (over: Partial<ExpertResource> = {}): ExpertResource => ({
  organizationId: ORG_A,
  expertUserId: expert.userId,
  publicInDirectory: true,
  facilitatorUserIds: [groupFacilitator.userId],
  invitationStatus: 'pending',
  ...over,
});

describe('a listed profile with a pending invitation to a segment of a group', () => {
  checkMatrix(
    expertPolicy,
    resource(),
    `
                          listDirectory  readProfile  editProfile  inviteToSegment  inviteToEvent  respond  readHours  editHours  exportHours
    admin                 no             no           no           no               no             no       no         no         no
    orgAdmin              yes            yes          no           no               no             no       no         no         no
    coordinator           yes            yes          no           yes              yes            no       yes        yes        yes
    groupFacilitator      yes            yes          no           yes              no             no       no         no         no
    facilitator           yes            yes          no           no               no             no       no         no         no
    expert                no             yes          yes          no               no             yes      yes        yes        no
    otherExpert           no             no           no           no               no             no       no         no         no
    trainee               no             no           no           no               no             no       no         no         no
    entrepreneur          no             no           no           no               no             no       no         no         no
    funder                no             no           no           no               no             no       no         no         no
    otherOrgCoordinator   no             no           no           no               no             no       no         no         no
    otherOrgExpert        no             no           no           no               no             no       no         no         no
    signedOut             no             no           no           no               no             no       no         no         no
  `,
  );
});

describe('a profile kept out of the directory, its invitation answered', () => {
  checkMatrix(
    expertPolicy,
    resource({ publicInDirectory: false, invitationStatus: 'accepted' }),
    `
                          listDirectory  readProfile  editProfile  inviteToSegment  inviteToEvent  respond  readHours  editHours  exportHours
    admin                 no             no           no           no               no             no       no         no         no
    orgAdmin              yes            no           no           no               no             no       no         no         no
    coordinator           yes            yes          no           yes              yes            no       yes        yes        yes
    groupFacilitator      yes            no           no           no               no             no       no         no         no
    facilitator           yes            no           no           no               no             no       no         no         no
    expert                no             yes          yes          no               no             no       yes        yes        no
    otherExpert           no             no           no           no               no             no       no         no         no
    trainee               no             no           no           no               no             no       no         no         no
    entrepreneur          no             no           no           no               no             no       no         no         no
    funder                no             no           no           no               no             no       no         no         no
    otherOrgCoordinator   no             no           no           no               no             no       no         no         no
    otherOrgExpert        no             no           no           no               no             no       no         no         no
    signedOut             no             no           no           no               no             no       no         no         no
  `,
  );
});

describe('another organisation', () => {
  it('answers 404 to its people for every action, 403 to this organisation’s people who may not', () => {
    for (const rule of Object.values(expertPolicy)) {
      for (const who of [actors.otherOrgCoordinator, actors.otherOrgExpert, null]) {
        expect(() => authorize(who, resource(), rule)).toThrow(NotFoundError);
      }
      expect(() => authorize(actors.trainee, resource(), rule)).toThrow(ForbiddenError);
    }
  });
});
