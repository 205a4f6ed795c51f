// Measurement instruments: every actor × every action. Coordinators define; coordinators and
// funders read; admins of any organisation; another organisation gets 404.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, instrumentPolicy } from './index.ts';

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

describe('instruments of organisation A', () => {
  checkMatrix(
    instrumentPolicy,
    { organizationId: ORG_A },
    `
                         read  define
    admin                yes   yes
    coordinator          yes   yes
    facilitator          no    no
    trainee              no    no
    expert               no    no
    entrepreneur         no    no
    funder               yes   no
    otherOrgCoordinator  no    no
    signedOut            no    no
  `,
  );
});

describe('instruments: refusals', () => {
  it('answers 404 to another organisation, 403 inside it', () => {
    expect(() => authorize(actors.otherOrgCoordinator, { organizationId: ORG_A }, instrumentPolicy.define)).toThrow(NotFoundError);
    expect(() => authorize(actors.funder, { organizationId: ORG_A }, instrumentPolicy.define)).toThrow(ForbiddenError);
  });
});
