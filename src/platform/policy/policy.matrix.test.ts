// The whole permission map: every actor × every resource × every action.
// Each table's header must list exactly the policy's actions, so a new action
// fails here until someone decides, row by row, who may do it.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../features/organizations/organizations.schema.ts';
import { roles } from '../../features/organizations/organizations.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import {
  auditLogPolicy,
  authorize,
  can,
  homePolicy,
  invitationPolicy,
  membershipPolicy,
  organizationPolicy,
  roleAssignmentPolicy,
  type Policy,
  type ResourceOf,
} from './index.ts';

const ORG_A = '0190a000-0000-7000-8000-00000000000a';
const ORG_B = '0190b000-0000-7000-8000-00000000000b';
const ORG_INSTALLATION = '0190c000-0000-7000-8000-00000000000c';
const OTHER_USER = '0190d000-0000-7000-8000-0000000000dd';

let nextUser = 0;
function actor(name: string, memberships: { organizationId: string; role: Role }[], email = `${name}@example.fi`): Actor {
  nextUser += 1;
  const list = memberships.map((m) => ({ ...m, organizationName: m.organizationId === ORG_A ? 'A' : 'B' }));
  return {
    userId: `0190e000-0000-7000-8000-${String(nextUser).padStart(12, '0')}`,
    email,
    name,
    locale: 'fi',
    isDemo: false,
    totpEnabled: false,
    isAdmin: list.some((m) => m.role === 'admin'),
    memberships: list,
    organizationId: list[0]?.organizationId ?? null,
    role: list[0]?.role ?? null,
  };
}

/** The people asked about: every role in organisation A, plus outsiders. */
const actors = {
  admin: actor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: actor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: actor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: actor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: actor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  entrepreneur: actor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: actor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  /** Coordinator of another organisation (B). */
  otherOrgCoordinator: actor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  /** Entrepreneur in both A and B. */
  twoOrgEntrepreneur: actor('twoOrgEntrepreneur', [
    { organizationId: ORG_A, role: 'entrepreneur' },
    { organizationId: ORG_B, role: 'entrepreneur' },
  ]),
  /** Signed in, no membership, and the person invited to A. */
  invitee: actor('invitee', [], 'Invitee@Example.fi'),
  signedOut: null,
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof actors;

/** Parses a whitespace table: the header names actions, each row an actor and yes/no per action. */
function table(text: string): { actions: string[]; rows: Record<string, Record<string, boolean>> } {
  const lines = text.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const [header = [], ...body] = lines;
  const rows: Record<string, Record<string, boolean>> = {};
  for (const [name = '', ...cells] of body) {
    if (cells.length !== header.length) throw new Error(`row ${name}: ${cells.length} cells for ${header.length} actions`);
    rows[name] = Object.fromEntries(header.map((action, i) => {
      const cell = cells[i];
      if (cell !== 'yes' && cell !== 'no') throw new Error(`row ${name}: "${cell}" is not yes/no`);
      return [action, cell === 'yes'];
    }));
  }
  return { actions: header, rows };
}

function checkMatrix<P extends Policy>(policy: P, resource: ResourceOf<P>, matrix: string) {
  const { actions, rows } = table(matrix);
  it('lists exactly the policy’s actions and every actor', () => {
    expect([...actions].sort()).toEqual(Object.keys(policy).sort());
    expect(Object.keys(rows).sort()).toEqual(Object.keys(actors).sort());
  });
  it.each(Object.keys(actors) as ActorName[])('%s', (name) => {
    expect(can(policy, actors[name], resource)).toEqual(rows[name]);
  });
}

describe('organization (organisation A)', () => {
  checkMatrix(organizationPolicy, { organizationId: ORG_A }, `
                         list  create  read  switchTo
    admin                yes   yes     yes   no
    coordinator          no    no      yes   yes
    facilitator          no    no      yes   yes
    expert               no    no      yes   yes
    trainee              no    no      yes   yes
    entrepreneur         no    no      yes   yes
    funder               no    no      yes   yes
    otherOrgCoordinator  no    no      no    no
    twoOrgEntrepreneur   no    no      yes   yes
    invitee              no    no      no    no
    signedOut            no    no      no    no
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
  const { actions, rows } = table(matrix);
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
