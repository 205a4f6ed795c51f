// Certificates: every actor × every action. The organisation's coordinator issues, lists and
// revokes (a valid one only); the holder — and nobody else, not even a coordinator — reads their
// own, downloads it while valid and sets what the verification page shows; a holder who has left
// the organisation still has their certificate. Anyone verifies. Other organisations never (→ 404).
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { certificatePolicy, type CertificateResource } from './index.ts';

const holder = matrixActor('holder', [{ organizationId: ORG_A, role: 'facilitator' }]);
const formerHolder = matrixActor('formerHolder', [{ organizationId: ORG_B, role: 'entrepreneur' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  holder,
  formerHolder,
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);
const certificate = (over: Partial<CertificateResource>): CertificateResource => ({ organizationId: ORG_A, holderUserId: holder.userId, revoked: false, ...over });

describe('a valid certificate', () => {
  checkMatrix(
    certificatePolicy,
    certificate({}),
    `
                          verify  issue  list  revoke  readOwn  download  setDisclosure
    admin                 yes     no     no    no      no       no        no
    coordinator           yes     yes    yes   yes     no       no        no
    holder                yes     no     no    no      yes      yes       yes
    formerHolder          yes     no     no    no      no       no        no
    facilitator           yes     no     no    no      no       no        no
    trainee               yes     no     no    no      no       no        no
    expert                yes     no     no    no      no       no        no
    entrepreneur          yes     no     no    no      no       no        no
    funder                yes     no     no    no      no       no        no
    otherOrgCoordinator   yes     no     no    no      no       no        no
    signedOut             yes     no     no    no      no       no        no
  `,
  );
});

describe('a certificate whose holder has left for another organisation', () => {
  checkMatrix(
    certificatePolicy,
    certificate({ holderUserId: formerHolder.userId }),
    `
                          verify  issue  list  revoke  readOwn  download  setDisclosure
    admin                 yes     no     no    no      no       no        no
    coordinator           yes     yes    yes   yes     no       no        no
    holder                yes     no     no    no      no       no        no
    formerHolder          yes     no     no    no      yes      yes       yes
    facilitator           yes     no     no    no      no       no        no
    trainee               yes     no     no    no      no       no        no
    expert                yes     no     no    no      no       no        no
    entrepreneur          yes     no     no    no      no       no        no
    funder                yes     no     no    no      no       no        no
    otherOrgCoordinator   yes     no     no    no      no       no        no
    signedOut             yes     no     no    no      no       no        no
  `,
  );
});

describe('a revoked certificate', () => {
  checkMatrix(
    certificatePolicy,
    certificate({ revoked: true }),
    `
                          verify  issue  list  revoke  readOwn  download  setDisclosure
    admin                 yes     no     no    no      no       no        no
    coordinator           yes     yes    yes   no      no       no        no
    holder                yes     no     no    no      yes      no        yes
    formerHolder          yes     no     no    no      no       no        no
    facilitator           yes     no     no    no      no       no        no
    trainee               yes     no     no    no      no       no        no
    expert                yes     no     no    no      no       no        no
    entrepreneur          yes     no     no    no      no       no        no
    funder                yes     no     no    no      no       no        no
    otherOrgCoordinator   yes     no     no    no      no       no        no
    signedOut             yes     no     no    no      no       no        no
  `,
  );
});

describe('a certificate whose holder was erased', () => {
  checkMatrix(
    certificatePolicy,
    certificate({ holderUserId: null }),
    `
                          verify  issue  list  revoke  readOwn  download  setDisclosure
    admin                 yes     no     no    no      no       no        no
    coordinator           yes     yes    yes   no      no       no        no
    holder                yes     no     no    no      no       no        no
    formerHolder          yes     no     no    no      no       no        no
    facilitator           yes     no     no    no      no       no        no
    trainee               yes     no     no    no      no       no        no
    expert                yes     no     no    no      no       no        no
    entrepreneur          yes     no     no    no      no       no        no
    funder                yes     no     no    no      no       no        no
    otherOrgCoordinator   yes     no     no    no      no       no        no
    signedOut             yes     no     no    no      no       no        no
  `,
  );
});
