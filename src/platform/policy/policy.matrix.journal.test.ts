// The private journal: every actor × every action on one entrepreneur's journal. Only
// the author; not the group's facilitators, the coordinator or an administrator.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { NotFoundError } from '../errors.ts';
import { authorizeJournal, journalPolicy } from './index.ts';

const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  author: matrixActor('author', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherGroupMember: matrixActor('otherGroupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);

describe('journal (of the author)', () => {
  checkMatrix(journalPolicy, { userId: actors.author.userId }, `
                         write  read  edit  delete  export
    admin                no     no    no    no      no
    coordinator          no     no    no    no      no
    groupFacilitator     no     no    no    no      no
    expert               no     no    no    no      no
    author               yes    yes   yes   yes     yes
    otherGroupMember     no     no    no    no      no
    funder               no     no    no    no      no
    otherOrgCoordinator  no     no    no    no      no
    signedOut            no     no    no    no      no
  `);
});

describe('journal: refusals', () => {
  it('answers 404 to everyone but the author, administrators included', () => {
    const journal = { userId: actors.author.userId };
    for (const actor of [actors.admin, actors.coordinator, actors.groupFacilitator, actors.otherGroupMember, actors.signedOut]) {
      expect(() => authorizeJournal(actor, journal, journalPolicy.read)).toThrow(NotFoundError);
    }
    expect(() => authorizeJournal(actors.author, journal, journalPolicy.read)).not.toThrow();
  });
});
