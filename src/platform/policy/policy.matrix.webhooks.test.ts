// Webhooks: every role × both actions in the organisation; another organisation's coordinator and an
// installation admin of another organisation manage nothing and see no deliveries.
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { webhookPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  orgAdmin: matrixActor('orgAdmin', [{ organizationId: ORG_A, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  coordinatorElsewhere: matrixActor('coordinatorElsewhere', [
    { organizationId: ORG_B, role: 'coordinator' },
    { organizationId: ORG_A, role: 'facilitator' },
  ]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);

describe('webhooks of organisation A', () => {
  checkMatrix(
    webhookPolicy,
    { organizationId: ORG_A },
    `
                           manage  viewDeliveries
    admin                  no      no
    orgAdmin               yes     yes
    coordinator            yes     yes
    facilitator            no      no
    expert                 no      no
    trainee                no      no
    entrepreneur           no      no
    funder                 no      no
    otherOrgCoordinator    no      no
    coordinatorElsewhere   no      no
    signedOut              no      no
  `,
  );
});
