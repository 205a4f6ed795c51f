// Programmes and participants' start and end data: every role × every action. The programme is
// led by A with B taking part; C is an organisation outside it. Start data: the participant, the
// lead's coordinators, nobody else (not facilitators, experts, funders or admins).
import { describe, expect, it } from 'vitest';
import { matrixActor, matrixChecker, ORG_A, ORG_B, ORG_INSTALLATION } from '../../../tests/setup/policy-matrix.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, participantDataPolicy, programmePolicy, type ParticipantDataResource, type ProgrammeResource } from './index.ts';

const ORG_C = '0190d000-0000-7000-8000-00000000000d';
const participant = matrixActor('participant', [{ organizationId: ORG_B, role: 'entrepreneur' }]);
const grantedFunder = matrixActor('grantedFunder', [{ organizationId: ORG_A, role: 'funder' }]);
const actors = {
  admin: matrixActor('admin', [{ organizationId: ORG_INSTALLATION, role: 'admin' }]),
  orgAdmin: matrixActor('orgAdmin', [{ organizationId: ORG_A, role: 'admin' }]),
  coordinator: matrixActor('coordinator', [{ organizationId: ORG_A, role: 'coordinator' }]),
  facilitator: matrixActor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: matrixActor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: matrixActor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  leadEntrepreneur: matrixActor('leadEntrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  participant,
  grantedFunder,
  otherFunder: matrixActor('otherFunder', [{ organizationId: ORG_A, role: 'funder' }]),
  participatingCoordinator: matrixActor('participatingCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  participatingFacilitator: matrixActor('participatingFacilitator', [{ organizationId: ORG_B, role: 'facilitator' }]),
  outsideCoordinator: matrixActor('outsideCoordinator', [{ organizationId: ORG_C, role: 'coordinator' }]),
  signedOut: null,
} satisfies Record<string, Actor | null>;

const checkMatrix = matrixChecker(actors);
const programme = (over: Partial<ProgrammeResource> = {}): ProgrammeResource => ({
  organizationId: ORG_A,
  participatingOrganizationIds: [ORG_B],
  funderUserIds: [grantedFunder.userId],
  ...over,
});

describe('a programme led by A with B taking part and one funder granted', () => {
  checkMatrix(
    programmePolicy,
    programme(),
    `
                               list  create  read  edit  editTargets  manageOrganizations  manageFunders  linkActivities
    admin                      no    no      no    no    no           no                   no             no
    orgAdmin                   yes   yes     yes   yes   yes          yes                  no             yes
    coordinator                yes   yes     yes   yes   yes          yes                  yes            yes
    facilitator                no    no      no    no    no           no                   no             no
    expert                     no    no      no    no    no           no                   no             no
    trainee                    no    no      no    no    no           no                   no             no
    leadEntrepreneur           no    no      no    no    no           no                   no             no
    participant                no    no      no    no    no           no                   no             no
    grantedFunder              no    no      yes   no    no           no                   no             no
    otherFunder                no    no      no    no    no           no                   no             no
    participatingCoordinator   no    no      yes   no    no           no                   no             yes
    participatingFacilitator   no    no      no    no    no           no                   no             no
    outsideCoordinator         no    no      no    no    no           no                   no             no
    signedOut                  no    no      no    no    no           no                   no             no
  `,
  );
});

describe('a granted funder whose funder membership is elsewhere sees nothing', () => {
  it('the grant alone is not enough: the funder role must be in an organisation of the programme', () => {
    expect(programmePolicy.read(actors.outsideCoordinator, programme({ funderUserIds: [actors.outsideCoordinator.userId] }))).toBe(false);
    const elsewhere = matrixActor('funderElsewhere', [{ organizationId: ORG_C, role: 'funder' }]);
    expect(programmePolicy.read(elsewhere, programme({ funderUserIds: [elsewhere.userId] }))).toBe(false);
  });
});

const data = (over: Partial<ParticipantDataResource> = {}): ParticipantDataResource => ({ organizationId: ORG_A, userId: participant.userId, isParticipant: true, ...over });

describe('a participant’s start data (the programme led by A)', () => {
  checkMatrix(
    participantDataPolicy,
    data(),
    `
                               enterOwn  readOwn  readForReporting
    admin                      no        no       no
    orgAdmin                   no        no       no
    coordinator                no        no       yes
    facilitator                no        no       no
    expert                     no        no       no
    trainee                    no        no       no
    leadEntrepreneur           no        no       no
    participant                yes       yes      no
    grantedFunder              no        no       no
    otherFunder                no        no       no
    participatingCoordinator   no        no       no
    participatingFacilitator   no        no       no
    outsideCoordinator         no        no       no
    signedOut                  no        no       no
  `,
  );
});

describe('an event attendee (not a participant)', () => {
  checkMatrix(
    participantDataPolicy,
    data({ isParticipant: false }),
    `
                               enterOwn  readOwn  readForReporting
    admin                      no        no       no
    orgAdmin                   no        no       no
    coordinator                no        no       yes
    facilitator                no        no       no
    expert                     no        no       no
    trainee                    no        no       no
    leadEntrepreneur           no        no       no
    participant                no        yes      no
    grantedFunder              no        no       no
    otherFunder                no        no       no
    participatingCoordinator   no        no       no
    participatingFacilitator   no        no       no
    outsideCoordinator         no        no       no
    signedOut                  no        no       no
  `,
  );
});

describe('outside the programme', () => {
  it('answers 404 to an outside organisation and the signed out, 403 to the lead’s people who may not', () => {
    for (const rule of Object.values(programmePolicy)) {
      for (const who of [actors.outsideCoordinator, null]) expect(() => authorize(who, programme(), rule)).toThrow(NotFoundError);
      expect(() => authorize(actors.trainee, programme(), rule)).toThrow(ForbiddenError);
    }
    for (const rule of Object.values(participantDataPolicy)) {
      expect(() => authorize(actors.outsideCoordinator, data({ userId: actors.facilitator.userId }), rule)).toThrow(NotFoundError);
      expect(() => authorize(actors.facilitator, data(), rule)).toThrow(ForbiddenError);
    }
  });
});
