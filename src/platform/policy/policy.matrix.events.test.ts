// Events: every actor × every action for a draft, a published and a cancelled event. The
// coordinator manages; facilitators only check people in; the public reads and registers on
// published events; another organisation's coordinator is a stranger. Publishing is for drafts,
// changing and cancelling for what is not cancelled yet.
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { eventPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);

describe('a draft event', () => {
  checkMatrix(
    eventPolicy,
    { organizationId: ORG_A, status: 'draft' },
    `
                          manage  checkIn  read  register  publish  change  cancel
    admin                 no      no       no    no        no       no      no
    coordinator           yes     yes      yes   no        yes      yes     yes
    facilitator           no      yes      no    no        no       no      no
    trainee               no      no       no    no        no       no      no
    expert                no      no       no    no        no       no      no
    entrepreneur          no      no       no    no        no       no      no
    funder                no      no       no    no        no       no      no
    otherOrgCoordinator   no      no       no    no        no       no      no
    signedOut             no      no       no    no        no       no      no
  `,
  );
});

describe('a published event', () => {
  checkMatrix(
    eventPolicy,
    { organizationId: ORG_A, status: 'published' },
    `
                          manage  checkIn  read  register  publish  change  cancel
    admin                 no      no       yes   yes       no       no      no
    coordinator           yes     yes      yes   yes       no       yes     yes
    facilitator           no      yes      yes   yes       no       no      no
    trainee               no      no       yes   yes       no       no      no
    expert                no      no       yes   yes       no       no      no
    entrepreneur          no      no       yes   yes       no       no      no
    funder                no      no       yes   yes       no       no      no
    otherOrgCoordinator   no      no       yes   yes       no       no      no
    signedOut             no      no       yes   yes       no       no      no
  `,
  );
});

describe('a cancelled event', () => {
  checkMatrix(
    eventPolicy,
    { organizationId: ORG_A, status: 'cancelled' },
    `
                          manage  checkIn  read  register  publish  change  cancel
    admin                 no      no       yes   no        no       no      no
    coordinator           yes     yes      yes   no        no       no      no
    facilitator           no      yes      yes   no        no       no      no
    trainee               no      no       yes   no        no       no      no
    expert                no      no       yes   no        no       no      no
    entrepreneur          no      no       yes   no        no       no      no
    funder                no      no       yes   no        no       no      no
    otherOrgCoordinator   no      no       yes   no        no       no      no
    signedOut             no      no       yes   no        no       no      no
  `,
  );
});
