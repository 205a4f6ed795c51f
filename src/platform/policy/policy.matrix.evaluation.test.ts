// Programme evaluation: every actor × every action. Coordinators and funders of the organisation
// (admins of any) see and export aggregates; nobody else; another organisation gets 404.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, evaluationPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgFunder: matrixActor('otherOrgFunder', [{ organizationId: ORG_B, role: 'funder' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);

describe('programme evaluation of organisation A', () => {
  checkMatrix(evaluationPolicy, { organizationId: ORG_A }, `
                         evaluate  exportAggregates
    admin                yes       yes
    coordinator          yes       yes
    facilitator          no        no
    trainee              no        no
    expert               no        no
    entrepreneur         no        no
    funder               yes       yes
    otherOrgCoordinator  no        no
    otherOrgFunder       no        no
    signedOut            no        no
  `);
});

describe('evaluation: refusals', () => {
  it('answers 404 to another organisation, 403 inside it', () => {
    expect(() => authorize(actors.otherOrgFunder, { organizationId: ORG_A }, evaluationPolicy.evaluate)).toThrow(NotFoundError);
    expect(() => authorize(actors.facilitator, { organizationId: ORG_A }, evaluationPolicy.evaluate)).toThrow(ForbiddenError);
    expect(() => authorize(actors.funder, { organizationId: ORG_A }, evaluationPolicy.exportAggregates)).not.toThrow();
  });
});
