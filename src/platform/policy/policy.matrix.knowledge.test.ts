// Knowledge bank: every actor × every action for a draft and for a live article in each
// visibility. Writers (coordinator, facilitator, expert) create; an author edits their own; the
// coordinator edits any, publishes, sends back and unpublishes; readers see a live article by
// its visibility; another organisation's people see only public and signed-in articles.
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { articlePolicy, type ArticleResource } from './index.ts';

const author = matrixActor('author', [{ organizationId: ORG_A, role: 'facilitator' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  author,
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgEntrepreneur: matrixActor('otherOrgEntrepreneur', [{ organizationId: ORG_B, role: 'entrepreneur' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);
const article = (over: Partial<ArticleResource>): ArticleResource => ({
  organizationId: ORG_A,
  authorUserId: author.userId,
  visibility: 'public',
  published: false,
  ...over,
});

describe('a draft (public once published)', () => {
  checkMatrix(
    articlePolicy,
    article({}),
    `
                           read  readWork  create  edit  submitForReview  publish  returnToAuthor  unpublish
    admin                  no    no        no      no    no               no       no              no
    coordinator            no    yes       yes     yes   yes              yes      yes             yes
    author                 no    yes       yes     yes   yes              no       no              no
    facilitator            no    no        yes     no    no               no       no              no
    expert                 no    no        yes     no    no               no       no              no
    trainee                no    no        no      no    no               no       no              no
    entrepreneur           no    no        no      no    no               no       no              no
    funder                 no    no        no      no    no               no       no              no
    otherOrgCoordinator    no    no        no      no    no               no       no              no
    otherOrgEntrepreneur   no    no        no      no    no               no       no              no
    signedOut              no    no        no      no    no               no       no              no
  `,
  );
});

describe('a live public article', () => {
  checkMatrix(
    articlePolicy,
    article({ published: true }),
    `
                           read  readWork  create  edit  submitForReview  publish  returnToAuthor  unpublish
    admin                  yes   no        no      no    no               no       no              no
    coordinator            yes   yes       yes     yes   yes              yes      yes             yes
    author                 yes   yes       yes     yes   yes              no       no              no
    facilitator            yes   no        yes     no    no               no       no              no
    expert                 yes   no        yes     no    no               no       no              no
    trainee                yes   no        no      no    no               no       no              no
    entrepreneur           yes   no        no      no    no               no       no              no
    funder                 yes   no        no      no    no               no       no              no
    otherOrgCoordinator    yes   no        no      no    no               no       no              no
    otherOrgEntrepreneur   yes   no        no      no    no               no       no              no
    signedOut              yes   no        no      no    no               no       no              no
  `,
  );
});

describe('a live article for all signed-in people', () => {
  checkMatrix(
    articlePolicy,
    article({ published: true, visibility: 'signed_in' }),
    `
                           read  readWork  create  edit  submitForReview  publish  returnToAuthor  unpublish
    admin                  yes   no        no      no    no               no       no              no
    coordinator            yes   yes       yes     yes   yes              yes      yes             yes
    author                 yes   yes       yes     yes   yes              no       no              no
    facilitator            yes   no        yes     no    no               no       no              no
    expert                 yes   no        yes     no    no               no       no              no
    trainee                yes   no        no      no    no               no       no              no
    entrepreneur           yes   no        no      no    no               no       no              no
    funder                 yes   no        no      no    no               no       no              no
    otherOrgCoordinator    yes   no        no      no    no               no       no              no
    otherOrgEntrepreneur   yes   no        no      no    no               no       no              no
    signedOut              no    no        no      no    no               no       no              no
  `,
  );
});

describe("a live article for the organisation's people", () => {
  checkMatrix(
    articlePolicy,
    article({ published: true, visibility: 'organization' }),
    `
                           read  readWork  create  edit  submitForReview  publish  returnToAuthor  unpublish
    admin                  no    no        no      no    no               no       no              no
    coordinator            yes   yes       yes     yes   yes              yes      yes             yes
    author                 yes   yes       yes     yes   yes              no       no              no
    facilitator            yes   no        yes     no    no               no       no              no
    expert                 yes   no        yes     no    no               no       no              no
    trainee                yes   no        no      no    no               no       no              no
    entrepreneur           yes   no        no      no    no               no       no              no
    funder                 yes   no        no      no    no               no       no              no
    otherOrgCoordinator    no    no        no      no    no               no       no              no
    otherOrgEntrepreneur   no    no        no      no    no               no       no              no
    signedOut              no    no        no      no    no               no       no              no
  `,
  );
});

describe('an article whose author was erased', () => {
  checkMatrix(
    articlePolicy,
    article({ published: true, authorUserId: null }),
    `
                           read  readWork  create  edit  submitForReview  publish  returnToAuthor  unpublish
    admin                  yes   no        no      no    no               no       no              no
    coordinator            yes   yes       yes     yes   yes              yes      yes             yes
    author                 yes   no        yes     no    no               no       no              no
    facilitator            yes   no        yes     no    no               no       no              no
    expert                 yes   no        yes     no    no               no       no              no
    trainee                yes   no        no      no    no               no       no              no
    entrepreneur           yes   no        no      no    no               no       no              no
    funder                 yes   no        no      no    no               no       no              no
    otherOrgCoordinator    yes   no        no      no    no               no       no              no
    otherOrgEntrepreneur   yes   no        no      no    no               no       no              no
    signedOut              yes   no        no      no    no               no       no              no
  `,
  );
});
