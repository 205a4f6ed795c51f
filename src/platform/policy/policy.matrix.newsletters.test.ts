// Newsletters: every actor × every action for a draft and a sent mailing, to public subscribers
// and to the organisation's entrepreneurs. The organisation's coordinator and its admin compose,
// preview, test and send (drafts only); nobody else; another organisation's people get 404; the
// public reads only a sent mailing to public subscribers (the archive).
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, newsletterPolicy, type NewsletterResource } from './index.ts';

const actors = {
  installationAdmin: matrixActor('installationAdmin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  orgAdmin: matrixActor('orgAdmin', [{ organizationId: ORG_A, role: 'admin' }]),
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
const mailing = (over: Partial<NewsletterResource>): NewsletterResource => ({ organizationId: ORG_A, status: 'draft', audienceKind: 'subscribers', ...over });

describe('a draft to public subscribers', () => {
  checkMatrix(
    newsletterPolicy,
    mailing({}),
    `
                          manage  edit  send  read
    installationAdmin     no      no    no    no
    orgAdmin              yes     yes   yes   yes
    coordinator           yes     yes   yes   yes
    facilitator           no      no    no    no
    trainee               no      no    no    no
    expert                no      no    no    no
    entrepreneur          no      no    no    no
    funder                no      no    no    no
    otherOrgCoordinator   no      no    no    no
    signedOut             no      no    no    no
  `,
  );
});

describe('a sent mailing to public subscribers (in the archive)', () => {
  checkMatrix(
    newsletterPolicy,
    mailing({ status: 'sent' }),
    `
                          manage  edit  send  read
    installationAdmin     no      no    no    yes
    orgAdmin              yes     no    no    yes
    coordinator           yes     no    no    yes
    facilitator           no      no    no    yes
    trainee               no      no    no    yes
    expert                no      no    no    yes
    entrepreneur          no      no    no    yes
    funder                no      no    no    yes
    otherOrgCoordinator   no      no    no    yes
    signedOut             no      no    no    yes
  `,
  );
});

describe('a sent mailing to the entrepreneurs (not in the archive)', () => {
  checkMatrix(
    newsletterPolicy,
    mailing({ status: 'sent', audienceKind: 'entrepreneurs' }),
    `
                          manage  edit  send  read
    installationAdmin     no      no    no    no
    orgAdmin              yes     no    no    yes
    coordinator           yes     no    no    yes
    facilitator           no      no    no    no
    trainee               no      no    no    no
    expert                no      no    no    no
    entrepreneur          no      no    no    no
    funder                no      no    no    no
    otherOrgCoordinator   no      no    no    no
    signedOut             no      no    no    no
  `,
  );
});

describe('refusals', () => {
  it('answers another organisation 404 and a member without the role 403', () => {
    expect(() => authorize(actors.otherOrgCoordinator, mailing({}), newsletterPolicy.send)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, mailing({}), newsletterPolicy.manage)).toThrow(NotFoundError);
    expect(() => authorize(actors.entrepreneur, mailing({}), newsletterPolicy.send)).toThrow(ForbiddenError);
    expect(() => authorize(actors.coordinator, mailing({}), newsletterPolicy.send)).not.toThrow();
  });
});
