// API tokens (ADR 037): the API's read rules for people and for token actors.
// A token of organisation A with a scope reads A's resources; without the scope
// it gets 403; organisation B's resources are 404 whatever its scopes.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import { apiScopes, tokenActor } from '../api/tokens.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { apiApplicationPolicy, apiEventPolicy, apiGroupPolicy, apiOrganizationPolicy, authorize } from './index.ts';

const token = (id: string, organizationId: string, scopes: readonly (typeof apiScopes)[number][]) =>
  tokenActor({ id, name: `token ${id}`, organizationId, organizationName: organizationId === ORG_A ? 'A' : 'B', scopes });

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  tokenAllScopes: token('all', ORG_A, apiScopes),
  tokenGroupsOnly: token('groups', ORG_A, ['groups:read']),
  tokenNoScopes: token('none', ORG_A, []),
  otherOrgToken: token('other', ORG_B, apiScopes),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);

describe('organisation (A) through the API', () => {
  checkMatrix(apiOrganizationPolicy, { organizationId: ORG_A }, `
                          read
    admin                 yes
    coordinator           yes
    facilitator           yes
    entrepreneur          yes
    funder                yes
    otherOrgCoordinator   no
    tokenAllScopes        yes
    tokenGroupsOnly       no
    tokenNoScopes         no
    otherOrgToken         no
    signedOut             no
  `);
});

describe('group (organisation A) through the API', () => {
  const group = { organizationId: ORG_A, facilitatorUserIds: [actors.facilitator.userId], memberUserIds: [actors.entrepreneur.userId] };
  checkMatrix(apiGroupPolicy, group, `
                          list  read  readAttendance
    admin                 yes   yes   yes
    coordinator           yes   yes   yes
    facilitator           yes   yes   yes
    entrepreneur          yes   yes   no
    funder                yes   no    no
    otherOrgCoordinator   no    no    no
    tokenAllScopes        yes   yes   yes
    tokenGroupsOnly       yes   yes   no
    tokenNoScopes         no    no    no
    otherOrgToken         no    no    no
    signedOut             no    no    no
  `);
});

describe('application (organisation A) through the API', () => {
  checkMatrix(apiApplicationPolicy, { organizationId: ORG_A }, `
                          list  read
    admin                 yes   yes
    coordinator           yes   yes
    facilitator           no    no
    entrepreneur          no    no
    funder                no    no
    otherOrgCoordinator   no    no
    tokenAllScopes        yes   yes
    tokenGroupsOnly       no    no
    tokenNoScopes         no    no
    otherOrgToken         no    no
    signedOut             no    no
  `);
});

describe('draft event (organisation A) through the API', () => {
  checkMatrix(apiEventPolicy, { organizationId: ORG_A, status: 'draft' }, `
                          read  readRegistrations
    admin                 no    no
    coordinator           yes   yes
    facilitator           no    no
    entrepreneur          no    no
    funder                no    no
    otherOrgCoordinator   no    no
    tokenAllScopes        yes   yes
    tokenGroupsOnly       no    no
    tokenNoScopes         no    no
    otherOrgToken         no    no
    signedOut             no    no
  `);
});

describe('authorize with a token', () => {
  const groupA = { organizationId: ORG_A, facilitatorUserIds: [], memberUserIds: [] };
  const groupB = { organizationId: ORG_B, facilitatorUserIds: [], memberUserIds: [] };
  it('reads its own organisation’s group with the scope', () => {
    expect(() => authorize(actors.tokenGroupsOnly, groupA, apiGroupPolicy.read)).not.toThrow();
  });
  it('gets 403 without the scope in its own organisation', () => {
    expect(() => authorize(actors.tokenNoScopes, groupA, apiGroupPolicy.read)).toThrow(ForbiddenError);
  });
  it('gets 404 for another organisation’s resources, whatever its scopes', () => {
    expect(() => authorize(actors.tokenAllScopes, groupB, apiGroupPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.tokenAllScopes, { organizationId: ORG_B, status: 'new' }, apiApplicationPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.otherOrgToken, groupA, apiGroupPolicy.read)).toThrow(NotFoundError);
  });
});
