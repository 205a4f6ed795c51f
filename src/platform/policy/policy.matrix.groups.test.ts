// Groups and meetings: every actor × every action for one group of organisation A.
// Same pattern as policy.matrix.test.ts; adds a member of another group in the same
// organisation and a person listed in the group whose membership is in organisation B only.
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, groupPolicy, meetingPolicy } from './index.ts';



const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  groupFacilitator: matrixActor('groupFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  traineeFacilitator: matrixActor('traineeFacilitator', [{ organizationId: ORG_A, role: 'trainee' }]),
  otherFacilitator: matrixActor('otherFacilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  groupMember: matrixActor('groupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  otherGroupMember: matrixActor('otherGroupMember', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: matrixActor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: matrixActor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  otherOrgListedMember: matrixActor('otherOrgListedMember', [{ organizationId: ORG_B, role: 'entrepreneur' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const group = {
  organizationId: ORG_A,
  facilitatorUserIds: [actors.groupFacilitator.userId, actors.traineeFacilitator.userId],
  memberUserIds: [actors.groupMember.userId, actors.otherOrgListedMember.userId],
};


const checkMatrix = matrixChecker(actors);

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
  checkMatrix(meetingPolicy, { ...group, started: false, cancelled: false, expertUserIds: [actors.expert.userId] }, `
                          read  readOnlineLink  create  edit  cancel  restore  manageAgenda  readRsvps  rsvp  recordAttendance  downloadCalendar  readOwnSegment  readNotes  writeNotes  writeSummary  readPublishedSummary  runLive
    admin                 yes   no              yes     yes   yes     no       no            yes        no    no                no                no              no         no          no            yes                   no
    coordinator           yes   no              yes     yes   yes     no       no            yes        no    no                no                no              no         no          no            yes                   no
    groupFacilitator      yes   yes             yes     yes   yes     no       yes           yes        no    no                yes               no              yes        yes         yes           yes                   yes
    traineeFacilitator    yes   yes             yes     yes   yes     no       yes           yes        no    no                yes               no              yes        yes         yes           yes                   yes
    otherFacilitator      no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    expert                no    no              no      no    no      no       no            no         no    no                no                yes             no         no          no            no                    no
    groupMember           yes   yes             no      no    no      no       no            no         yes   no                yes               no              no         no          no            yes                   no
    otherGroupMember      no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    funder                no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    otherOrgCoordinator   no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    otherOrgListedMember  no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    signedOut             no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
  `);
});

describe('meeting (started)', () => {
  checkMatrix(meetingPolicy, { ...group, started: true, cancelled: false, expertUserIds: [actors.expert.userId] }, `
                          read  readOnlineLink  create  edit  cancel  restore  manageAgenda  readRsvps  rsvp  recordAttendance  downloadCalendar  readOwnSegment  readNotes  writeNotes  writeSummary  readPublishedSummary  runLive
    admin                 yes   no              yes     yes   no      no       no            yes        no    no                no                no              no         no          no            yes                   no
    coordinator           yes   no              yes     yes   no      no       no            yes        no    no                no                no              no         no          no            yes                   no
    groupFacilitator      yes   yes             yes     yes   no      no       yes           yes        no    yes               yes               no              yes        yes         yes           yes                   yes
    traineeFacilitator    yes   yes             yes     yes   no      no       yes           yes        no    yes               yes               no              yes        yes         yes           yes                   yes
    otherFacilitator      no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    expert                no    no              no      no    no      no       no            no         no    no                no                yes             no         no          no            no                    no
    groupMember           yes   yes             no      no    no      no       no            no         no    no                yes               no              no         no          no            yes                   no
    otherGroupMember      no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    funder                no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    otherOrgCoordinator   no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    otherOrgListedMember  no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    signedOut             no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
  `);
});

describe('meeting (cancelled)', () => {
  checkMatrix(meetingPolicy, { ...group, started: false, cancelled: true, expertUserIds: [actors.expert.userId] }, `
                          read  readOnlineLink  create  edit  cancel  restore  manageAgenda  readRsvps  rsvp  recordAttendance  downloadCalendar  readOwnSegment  readNotes  writeNotes  writeSummary  readPublishedSummary  runLive
    admin                 yes   no              yes     no    no      yes      no            yes        no    no                no                no              no         no          no            yes                   no
    coordinator           yes   no              yes     no    no      yes      no            yes        no    no                no                no              no         no          no            yes                   no
    groupFacilitator      yes   yes             yes     no    no      yes      no            yes        no    no                yes               no              yes        yes         yes           yes                   no
    traineeFacilitator    yes   yes             yes     no    no      yes      no            yes        no    no                yes               no              yes        yes         yes           yes                   no
    otherFacilitator      no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    expert                no    no              no      no    no      no       no            no         no    no                no                yes             no         no          no            no                    no
    groupMember           yes   yes             no      no    no      no       no            no         no    no                yes               no              no         no          no            yes                   no
    otherGroupMember      no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    funder                no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    otherOrgCoordinator   no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    otherOrgListedMember  no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
    signedOut             no    no              no      no    no      no       no            no         no    no                no                no              no         no          no            no                    no
  `);
});

describe('group and meeting: refusals', () => {
  const meeting = { ...group, started: false, cancelled: false, expertUserIds: [actors.expert.userId] };
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
