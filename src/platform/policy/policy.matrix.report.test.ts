// The monitoring report: every role × every action (programme led by A with B taking part).
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { reportPolicy, type ProgrammeResource } from './index.ts';

const grantedFunder = matrixActor('grantedFunder', [{ organizationId: ORG_A, role: 'funder' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  orgAdmin: matrixActor('orgAdmin', [{ organizationId: ORG_A, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  grantedFunder,
  otherFunder: matrixActor('otherFunder', [{ organizationId: ORG_A, role: 'funder' }]),
  participatingCoordinator: matrixActor('participatingCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const resource: ProgrammeResource = { organizationId: ORG_A, participatingOrganizationIds: [ORG_B], funderUserIds: [grantedFunder.userId] };

describe('the monitoring report of a programme led by A', () => {
  matrixChecker(actors)(
    reportPolicy,
    resource,
    `
                               view  viewExact  drillDown
    admin                      yes   yes        no
    orgAdmin                   yes   yes        no
    coordinator                yes   yes        yes
    facilitator                no    no         no
    entrepreneur               no    no         no
    grantedFunder              yes   no         no
    otherFunder                no    no         no
    participatingCoordinator   no    no         no
    signedOut                  no    no         no
  `,
  );
});
