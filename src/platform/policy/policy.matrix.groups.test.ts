// Groups and meetings: every actor × every action for one group of organisation A.
// Same pattern as policy.matrix.test.ts; adds a member of another group in the same
// organisation and a person listed in the group whose membership is in organisation B only.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../features/organizations/organizations.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, can, groupPolicy, meetingPolicy, type Policy, type ResourceOf } from './index.ts';

const ORG_A = '0190a000-0000-7000-8000-00000000000a';
const ORG_B = '0190b000-0000-7000-8000-00000000000b';
const ORG_INSTALLATION = '0190c000-0000-7000-8000-00000000000c';

let nextUser = 0;
function actor(name: string, memberships: { organizationId: string; role: Role }[]): Actor {
  nextUser += 1;
  const list = memberships.map((m) => ({ ...m, organizationName: m.organizationId === ORG_A ? 'A' : 'B' }));
  return {
    userId: `0190e000-0000-7000-8000-${String(nextUser).padStart(12, '0')}`,
    email: `${name}@example.fi`,
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

const actors = {
  admin: actor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: actor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: actor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  traineeFacilitator: actor('traineeFacilitator', [{ organizationId: ORG_A, role: 'trainee' }]),
  otherFacilitator: actor('otherFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: actor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  groupMember: actor('groupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherGroupMember: actor('otherGroupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: actor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: actor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgListedMember: actor('otherOrgListedMember', [{ organizationId: ORG_B, role: 'entrepreneur' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof actors;

const group = {
  organizationId: ORG_A,
  facilitatorUserIds: [actors.groupFacilitator.userId, actors.traineeFacilitator.userId],
  memberUserIds: [actors.groupMember.userId, actors.otherOrgListedMember.userId],
};

function table(text: string): { actions: string[]; rows: Record<string, Record<string, boolean>> } {
  const [header = [], ...body] = text.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const rows: Record<string, Record<string, boolean>> = {};
  for (const [name = '', ...cells] of body) {
    if (cells.length !== header.length) throw new Error(`row ${name}: ${cells.length} cells for ${header.length} actions`);
    rows[name] = Object.fromEntries(
      header.map((action, i) => {
        const cell = cells[i];
        if (cell !== 'yes' && cell !== 'no') throw new Error(`row ${name}: "${cell}" is not yes/no`);
        return [action, cell === 'yes'];
      }),
    );
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

describe('group (organisation A)', () => {
  checkMatrix(groupPolicy, group, `
                          list  create  read  edit  manageMembers  editAgreement  acceptAgreement  readAttendance
    admin                 yes   yes     yes   yes   yes            yes            no               yes
    coordinator           yes   yes     yes   yes   yes            yes            no               yes
    groupFacilitator      yes   no      yes   no    no             no             no               yes
    traineeFacilitator    yes   no      yes   no    no             no             no               yes
    otherFacilitator      yes   no      no    no    no             no             no               no
    expert                yes   no      no    no    no             no             no               no
    groupMember           yes   no      yes   no    no             no             yes              no
    otherGroupMember      yes   no      no    no    no             no             no               no
    funder                yes   no      no    no    no             no             no               no
    otherOrgCoordinator   no    no      no    no    no             no             no               no
    otherOrgListedMember  no    no      no    no    no             no             no               no
    signedOut             no    no      no    no    no             no             no               no
  `);
});

describe('meeting (upcoming)', () => {
  checkMatrix(meetingPolicy, { ...group, started: false, cancelled: false }, `
                          read  readOnlineLink  create  edit  cancel  manageAgenda  readRsvps  rsvp  recordAttendance  downloadCalendar
    admin                 yes   no              yes     yes   yes     no            yes        no    no                no
    coordinator           yes   no              yes     yes   yes     no            yes        no    no                no
    groupFacilitator      yes   yes             yes     yes   yes     yes           yes        no    no                yes
    traineeFacilitator    yes   yes             yes     yes   yes     yes           yes        no    no                yes
    otherFacilitator      no    no              no      no    no      no            no         no    no                no
    expert                no    no              no      no    no      no            no         no    no                no
    groupMember           yes   yes             no      no    no      no            no         yes   no                yes
    otherGroupMember      no    no              no      no    no      no            no         no    no                no
    funder                no    no              no      no    no      no            no         no    no                no
    otherOrgCoordinator   no    no              no      no    no      no            no         no    no                no
    otherOrgListedMember  no    no              no      no    no      no            no         no    no                no
    signedOut             no    no              no      no    no      no            no         no    no                no
  `);
});

describe('meeting (started)', () => {
  checkMatrix(meetingPolicy, { ...group, started: true, cancelled: false }, `
                          read  readOnlineLink  create  edit  cancel  manageAgenda  readRsvps  rsvp  recordAttendance  downloadCalendar
    admin                 yes   no              yes     yes   no      no            yes        no    no                no
    coordinator           yes   no              yes     yes   no      no            yes        no    no                no
    groupFacilitator      yes   yes             yes     yes   no      yes           yes        no    yes               yes
    traineeFacilitator    yes   yes             yes     yes   no      yes           yes        no    yes               yes
    otherFacilitator      no    no              no      no    no      no            no         no    no                no
    expert                no    no              no      no    no      no            no         no    no                no
    groupMember           yes   yes             no      no    no      no            no         no    no                yes
    otherGroupMember      no    no              no      no    no      no            no         no    no                no
    funder                no    no              no      no    no      no            no         no    no                no
    otherOrgCoordinator   no    no              no      no    no      no            no         no    no                no
    otherOrgListedMember  no    no              no      no    no      no            no         no    no                no
    signedOut             no    no              no      no    no      no            no         no    no                no
  `);
});

describe('meeting (cancelled)', () => {
  checkMatrix(meetingPolicy, { ...group, started: false, cancelled: true }, `
                          read  readOnlineLink  create  edit  cancel  manageAgenda  readRsvps  rsvp  recordAttendance  downloadCalendar
    admin                 yes   no              yes     no    no      no            yes        no    no                no
    coordinator           yes   no              yes     no    no      no            yes        no    no                no
    groupFacilitator      yes   yes             yes     no    no      no            yes        no    no                yes
    traineeFacilitator    yes   yes             yes     no    no      no            yes        no    no                yes
    otherFacilitator      no    no              no      no    no      no            no         no    no                no
    expert                no    no              no      no    no      no            no         no    no                no
    groupMember           yes   yes             no      no    no      no            no         no    no                yes
    otherGroupMember      no    no              no      no    no      no            no         no    no                no
    funder                no    no              no      no    no      no            no         no    no                no
    otherOrgCoordinator   no    no              no      no    no      no            no         no    no                no
    otherOrgListedMember  no    no              no      no    no      no            no         no    no                no
    signedOut             no    no              no      no    no      no            no         no    no                no
  `);
});

describe('group and meeting: refusals', () => {
  const meeting = { ...group, started: false, cancelled: false };
  it('answers 404 to another organisation and to the signed out, 403 inside the organisation', () => {
    expect(() => authorize(actors.otherOrgCoordinator, group, groupPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.otherOrgListedMember, meeting, meetingPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, meeting, meetingPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.otherGroupMember, group, groupPolicy.read)).toThrow(ForbiddenError);
    expect(() => authorize(actors.otherGroupMember, meeting, meetingPolicy.readOnlineLink)).toThrow(ForbiddenError);
    expect(() => authorize(actors.groupMember, meeting, meetingPolicy.rsvp)).not.toThrow();
    expect(() => authorize(actors.groupFacilitator, meeting, meetingPolicy.manageAgenda)).not.toThrow();
  });
});
