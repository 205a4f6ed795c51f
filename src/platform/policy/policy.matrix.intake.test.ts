// The intake queue's permission map: every actor × every action, for an open and a
// handled application of organisation A. Same pattern as policy.matrix.test.ts.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { applicationPolicy, authorize } from './index.ts';



const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  twoOrgEntrepreneur: matrixActor('twoOrgEntrepreneur', [
    { organizationId: ORG_A, role: 'entrepreneur' },
    { organizationId: ORG_B, role: 'entrepreneur' },
  ]),
  invitee: matrixActor('invitee', []),
  signedOut: null,
} satisfies Record<string, Actor | null>;


const checkMatrix = matrixChecker(actors);

describe('application (a new application to organisation A)', () => {
  checkMatrix(applicationPolicy, { organizationId: ORG_A, status: 'new' }, `
                         submit  list  read  note  assign  decline  reopen
    admin                yes     yes   yes   yes   yes     yes      no
    coordinator          yes     yes   yes   yes   yes     yes      no
    facilitator          yes     no    no    no    no      no       no
    expert               yes     no    no    no    no      no       no
    trainee              yes     no    no    no    no      no       no
    entrepreneur         yes     no    no    no    no      no       no
    funder               yes     no    no    no    no      no       no
    otherOrgCoordinator  yes     no    no    no    no      no       no
    twoOrgEntrepreneur   yes     no    no    no    no      no       no
    invitee              yes     no    no    no    no      no       no
    signedOut            yes     no    no    no    no      no       no
  `);
});

describe('application (assigned already, organisation A)', () => {
  checkMatrix(applicationPolicy, { organizationId: ORG_A, status: 'assigned' }, `
                         submit  list  read  note  assign  decline  reopen
    admin                yes     yes   yes   yes   no      no       no
    coordinator          yes     yes   yes   yes   no      no       no
    facilitator          yes     no    no    no    no      no       no
    expert               yes     no    no    no    no      no       no
    trainee              yes     no    no    no    no      no       no
    entrepreneur         yes     no    no    no    no      no       no
    funder               yes     no    no    no    no      no       no
    otherOrgCoordinator  yes     no    no    no    no      no       no
    twoOrgEntrepreneur   yes     no    no    no    no      no       no
    invitee              yes     no    no    no    no      no       no
    signedOut            yes     no    no    no    no      no       no
  `);
});

describe('application (declined, organisation A)', () => {
  checkMatrix(applicationPolicy, { organizationId: ORG_A, status: 'declined' }, `
                         submit  list  read  note  assign  decline  reopen
    admin                yes     yes   yes   yes   no      no       yes
    coordinator          yes     yes   yes   yes   no      no       yes
    facilitator          yes     no    no    no    no      no       no
    expert               yes     no    no    no    no      no       no
    trainee              yes     no    no    no    no      no       no
    entrepreneur         yes     no    no    no    no      no       no
    funder               yes     no    no    no    no      no       no
    otherOrgCoordinator  yes     no    no    no    no      no       no
    twoOrgEntrepreneur   yes     no    no    no    no      no       no
    invitee              yes     no    no    no    no      no       no
    signedOut            yes     no    no    no    no      no       no
  `);
});

describe('application: refusals', () => {
  const application = { organizationId: ORG_A, status: 'contacted' };
  it('answers 404 to another organisation and to people outside it, 403 to members without the right', () => {
    expect(() => authorize(actors.otherOrgCoordinator, application, applicationPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, application, applicationPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.invitee, application, applicationPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.facilitator, application, applicationPolicy.read)).toThrow(ForbiddenError);
    expect(() => authorize(actors.coordinator, application, applicationPolicy.assign)).not.toThrow();
  });
});
