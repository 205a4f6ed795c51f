// A person's own data as a whole: every actor × download and erase. Only the person;
// not the coordinator, not an administrator.
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { personalDataPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  person: matrixActor('person', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherMember: matrixActor('otherMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);

describe('personal data (of the person)', () => {
  checkMatrix(
    personalDataPolicy,
    { userId: actors.person.userId },
    `
                         download  erase
    admin                no        no
    coordinator          no        no
    facilitator          no        no
    person               yes       yes
    otherMember          no        no
    funder               no        no
    otherOrgCoordinator  no        no
    signedOut            no        no
  `,
  );
});
