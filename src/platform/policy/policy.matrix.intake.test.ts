// The intake queue's permission map: every actor × every action, for an open and a
// handled application of organisation A. Same pattern as policy.matrix.test.ts.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../features/organizations/organizations.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { applicationPolicy, authorize, can, type Policy, type ResourceOf } from './index.ts';

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
  facilitator: actor('facilitator', [{ organizationId: ORG_A, role: 'facilitator' }]),
  expert: actor('expert', [{ organizationId: ORG_A, role: 'expert' }]),
  trainee: actor('trainee', [{ organizationId: ORG_A, role: 'trainee' }]),
  entrepreneur: actor('entrepreneur', [{ organizationId: ORG_A, role: 'entrepreneur' }]),
  funder: actor('funder', [{ organizationId: ORG_A, role: 'funder' }]),
  otherOrgCoordinator: actor('otherOrgCoordinator', [{ organizationId: ORG_B, role: 'coordinator' }]),
  twoOrgEntrepreneur: actor('twoOrgEntrepreneur', [
    { organizationId: ORG_A, role: 'entrepreneur' },
    { organizationId: ORG_B, role: 'entrepreneur' },
  ]),
  invitee: actor('invitee', []),
  signedOut: null,
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof actors;

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

describe('application (a new application to organisation A)', () => {
  checkMatrix(applicationPolicy, { organizationId: ORG_A, status: 'new' }, `
                         submit  list  read  note  assign  decline
    admin                yes     yes   yes   yes   yes     yes
    coordinator          yes     yes   yes   yes   yes     yes
    facilitator          yes     no    no    no    no      no
    expert               yes     no    no    no    no      no
    trainee              yes     no    no    no    no      no
    entrepreneur         yes     no    no    no    no      no
    funder               yes     no    no    no    no      no
    otherOrgCoordinator  yes     no    no    no    no      no
    twoOrgEntrepreneur   yes     no    no    no    no      no
    invitee              yes     no    no    no    no      no
    signedOut            yes     no    no    no    no      no
  `);
});

describe('application (assigned already, organisation A)', () => {
  checkMatrix(applicationPolicy, { organizationId: ORG_A, status: 'assigned' }, `
                         submit  list  read  note  assign  decline
    admin                yes     yes   yes   yes   no      no
    coordinator          yes     yes   yes   yes   no      no
    facilitator          yes     no    no    no    no      no
    expert               yes     no    no    no    no      no
    trainee              yes     no    no    no    no      no
    entrepreneur         yes     no    no    no    no      no
    funder               yes     no    no    no    no      no
    otherOrgCoordinator  yes     no    no    no    no      no
    twoOrgEntrepreneur   yes     no    no    no    no      no
    invitee              yes     no    no    no    no      no
    signedOut            yes     no    no    no    no      no
  `);
});

describe('application: refusals', () => {
  const application = { organizationId: ORG_A, status: 'contacted' };
  it('answers 404 to another organisation and to people outside it, 403 to members without the right', () => {
    expect(() => authorize(actors.otherOrgCoordinator, application, applicationPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.signedOut, application, applicationPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.invitee, application, applicationPolicy.read)).toThrow(NotFoundError);
    expect(() => authorize(actors.facilitator, application, applicationPolicy.read)).toThrow(ForbiddenError);
    expect(() => authorize(actors.coordinator, application, applicationPolicy.assign)).not.toThrow();
  });
});
