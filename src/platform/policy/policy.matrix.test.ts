// The whole permission map: every actor × every resource × every action.
// Each table's header must list exactly the policy's actions, so a new action
// fails here until someone decides, row by row, who may do it.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION, parseMatrix } from '../../../tests/setup/policy-matrix.ts';
import { roles } from '../auth/roles.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import {
  auditLogPolicy,
  authorize,
  homePolicy,
  invitationPolicy,
  membershipPolicy,
  organizationPolicy,
  roleAssignmentPolicy,
} from './index.ts';

const OTHER_USER = '0190d000-0000-7000-8000-0000000000dd';


/** The people asked about: every role in organisation A, plus outsiders. */
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  entrepreneur: matrixActor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  /** Coordinator of another organisation (B). */
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  /** Entrepreneur in both A and B. */
  twoOrgEntrepreneur: matrixActor('twoOrgEntrepreneur', [
    { organizationId: ORG_A, role: 'entrepreneur' },
    { organizationId: ORG_B, role: 'entrepreneur' },
  ]),
  /** Signed in, no membership, and the person invited to A. */
  invitee: matrixActor('invitee', [], 'Invitee@Example.fi'),
  signedOut: null,
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof actors;


const checkMatrix = matrixChecker(actors);

describe('organization (organisation A)', () => {
  checkMatrix(organizationPolicy, { organizationId: ORG_A }, `
                         list  create  read  switchTo  manageSettings
    admin                yes   yes     yes   no        yes
    coordinator          no    no      yes   yes       yes
    facilitator          no    no      yes   yes       no
    expert               no    no      yes   yes       no
    trainee              no    no      yes   yes       no
    entrepreneur         no    no      yes   yes       no
    funder               no    no      yes   yes       no
    otherOrgCoordinator  no    no      no    no        no
    twoOrgEntrepreneur   no    no      yes   yes       no
    invitee              no    no      no    no        no
    signedOut            no    no      no    no        no
  `);
});

describe('membership (a facilitator of organisation A)', () => {
  checkMatrix(membershipPolicy, { organizationId: ORG_A, userId: OTHER_USER, role: 'facilitator' }, `
                         list  changeRole  remove
    admin                yes   yes         yes
    coordinator          yes   yes         yes
    facilitator          no    no          no
    expert               no    no          no
    trainee              no    no          no
    entrepreneur         no    no          no
    funder               no    no          no
    otherOrgCoordinator  no    no          no
    twoOrgEntrepreneur   no    no          no
    invitee              no    no          no
    signedOut            no    no          no
  `);
});

describe('membership (an admin membership in organisation A)', () => {
  checkMatrix(membershipPolicy, { organizationId: ORG_A, userId: OTHER_USER, role: 'admin' }, `
                         list  changeRole  remove
    admin                yes   yes         yes
    coordinator          yes   no          no
    facilitator          no    no          no
    expert               no    no          no
    trainee              no    no          no
    entrepreneur         no    no          no
    funder               no    no          no
    otherOrgCoordinator  no    no          no
    twoOrgEntrepreneur   no    no          no
    invitee              no    no          no
    signedOut            no    no          no
  `);
});

describe('invitation (to organisation A, for invitee@example.fi)', () => {
  checkMatrix(invitationPolicy, { organizationId: ORG_A, email: 'invitee@example.fi' }, `
                         list  create  revoke  accept
    admin                yes   yes     yes     no
    coordinator          yes   yes     yes     no
    facilitator          no    no      no      no
    expert               no    no      no      no
    trainee              no    no      no      no
    entrepreneur         no    no      no      no
    funder               no    no      no      no
    otherOrgCoordinator  no    no      no      no
    twoOrgEntrepreneur   no    no      no      no
    invitee              no    no      no      yes
    signedOut            no    no      no      yes
  `);
});

describe('audit log (organisation A)', () => {
  checkMatrix(auditLogPolicy, { organizationId: ORG_A }, `
                         list
    admin                yes
    coordinator          yes
    facilitator          no
    expert               no
    trainee              no
    entrepreneur         no
    funder               no
    otherOrgCoordinator  no
    twoOrgEntrepreneur   no
    invitee              no
    signedOut            no
  `);
});

describe('home (working in organisation A)', () => {
  checkMatrix(homePolicy, { organizationId: ORG_A }, `
                         view  editProfile  switchOrganization  manageOrganizations  manageMembers  coordinateProgramme  facilitateGroups  joinGroups  shareExpertise  followTraining  viewReports
    admin                yes   yes          no                  yes                  yes            no                   no                no          no              no              no
    coordinator          yes   yes          no                  no                   yes            yes                  no                no          no              no              yes
    facilitator          yes   yes          no                  no                   no             no                   yes               no          no              no              no
    expert               yes   yes          no                  no                   no             no                   no                no          yes             no              no
    trainee              yes   yes          no                  no                   no             no                   yes               no          no              yes             no
    entrepreneur         yes   yes          no                  no                   no             no                   no                yes         no              no              no
    funder               yes   yes          no                  no                   no             no                   no                no          no              no              yes
    otherOrgCoordinator  yes   yes          no                  no                   no             no                   no                no          no              no              no
    twoOrgEntrepreneur   yes   yes          yes                 no                   no             no                   no                yes         no              no              no
    invitee              yes   yes          no                  no                   no             no                   no                no          no              no              no
    signedOut            no    no           no                  no                   no             no                   no                no          no              no              no
  `);
});

describe('role assignment in organisation A: who may give which role', () => {
  const matrix = `
                         admin  coordinator  facilitator  expert  trainee  entrepreneur  funder
    admin                yes    yes          yes          yes     yes      yes           yes
    coordinator          no     yes          yes          yes     yes      yes           yes
    facilitator          no     no           no           no      no       no            no
    expert               no     no           no           no      no       no            no
    trainee              no     no           no           no      no       no            no
    entrepreneur         no     no           no           no      no       no            no
    funder               no     no           no           no      no       no            no
    otherOrgCoordinator  no     no           no           no      no       no            no
    twoOrgEntrepreneur   no     no           no           no      no       no            no
    invitee              no     no           no           no      no       no            no
    signedOut            no     no           no           no      no       no            no
  `;
  const { actions, rows } = parseMatrix(matrix);
  it('covers every role', () => expect(actions).toEqual([...roles]));
  it.each(Object.keys(actors) as ActorName[])('%s', (name) => {
    const allowed = Object.fromEntries(roles.map((role) => [role, roleAssignmentPolicy.assign(actors[name], { organizationId: ORG_A, role })]));
    expect(allowed).toEqual(rows[name]);
  });
});

describe('authorize', () => {
  const member = { organizationId: ORG_A, userId: OTHER_USER, role: 'facilitator' as const };
  it('passes when the rule allows', () => {
    expect(() => authorize(actors.coordinator, member, membershipPolicy.remove)).not.toThrow();
    expect(() => authorize(actors.admin, member, membershipPolicy.remove)).not.toThrow();
  });
  it('answers 403 to a member of the organisation who may not', () => {
    expect(() => authorize(actors.facilitator, member, membershipPolicy.remove)).toThrow(ForbiddenError);
  });
  it('answers 404 to another organisation and to signed-out people: existence is not revealed', () => {
    expect(() => authorize(actors.otherOrgCoordinator, member, membershipPolicy.remove)).toThrow(NotFoundError);
    expect(() => authorize(actors.invitee, member, membershipPolicy.remove)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, member, membershipPolicy.remove)).toThrow(NotFoundError);
  });
});
