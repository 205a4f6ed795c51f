// Stories and exit interviews: every actor × every action. Staff (coordinator, facilitator) draft
// and edit stories; only the coordinator publishes and unpublishes; the person the story is about
// — and nobody else — sees their own, consents and withdraws; anyone reads a published story.
// Exit interviews: the group's facilitators and the organisation's coordinators only; another
// facilitator, members, experts, funders, admins and other organisations never (→ 404).
import { describe } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { exitInterviewPolicy, storyPolicy, type GroupResource, type StoryResource } from './index.ts';

const subject = matrixActor('subject', [{ organizationId: ORG_A, role: 'entrepreneur' }]);
const groupFacilitator = matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator,
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  subject,
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgEntrepreneur: matrixActor('otherOrgEntrepreneur', [{ organizationId: ORG_B, role: 'entrepreneur' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);
const story = (over: Partial<StoryResource>): StoryResource => ({ organizationId: ORG_A, subjectUserId: subject.userId, published: false, ...over });

describe('a story waiting for consent', () => {
  checkMatrix(
    storyPolicy,
    story({}),
    `
                           read  manage  create  edit  publish  unpublish  readOwn  consent  withdraw
    admin                  no    no      no      no    no       no         no       no       no
    coordinator            no    yes     yes     yes   yes      yes        no       no       no
    groupFacilitator       no    yes     yes     yes   no       no         no       no       no
    facilitator            no    yes     yes     yes   no       no         no       no       no
    expert                 no    no      no      no    no       no         no       no       no
    trainee                no    no      no      no    no       no         no       no       no
    subject                no    no      no      no    no       no         yes      yes      yes
    entrepreneur           no    no      no      no    no       no         no       no       no
    funder                 no    no      no      no    no       no         no       no       no
    otherOrgCoordinator    no    no      no      no    no       no         no       no       no
    otherOrgEntrepreneur   no    no      no      no    no       no         no       no       no
    signedOut              no    no      no      no    no       no         no       no       no
  `,
  );
});

describe('a published story', () => {
  checkMatrix(
    storyPolicy,
    story({ published: true }),
    `
                           read  manage  create  edit  publish  unpublish  readOwn  consent  withdraw
    admin                  yes   no      no      no    no       no         no       no       no
    coordinator            yes   yes     yes     yes   yes      yes        no       no       no
    groupFacilitator       yes   yes     yes     yes   no       no         no       no       no
    facilitator            yes   yes     yes     yes   no       no         no       no       no
    expert                 yes   no      no      no    no       no         no       no       no
    trainee                yes   no      no      no    no       no         no       no       no
    subject                yes   no      no      no    no       no         yes      yes      yes
    entrepreneur           yes   no      no      no    no       no         no       no       no
    funder                 yes   no      no      no    no       no         no       no       no
    otherOrgCoordinator    yes   no      no      no    no       no         no       no       no
    otherOrgEntrepreneur   yes   no      no      no    no       no         no       no       no
    signedOut              yes   no      no      no    no       no         no       no       no
  `,
  );
});

describe("a group's exit interviews", () => {
  const group: GroupResource = { organizationId: ORG_A, facilitatorUserIds: [groupFacilitator.userId], memberUserIds: [subject.userId] };
  checkMatrix(
    exitInterviewPolicy,
    group,
    `
                           read  record
    admin                  no    no
    coordinator            yes   yes
    groupFacilitator       yes   yes
    facilitator            no    no
    expert                 no    no
    trainee                no    no
    subject                no    no
    entrepreneur           no    no
    funder                 no    no
    otherOrgCoordinator    no    no
    otherOrgEntrepreneur   no    no
    signedOut              no    no
  `,
  );
});
