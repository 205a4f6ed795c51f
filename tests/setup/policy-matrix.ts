// Shared by the policy matrix tests: fixed organisations, actors, and a checker that
// reads a whitespace table (header = actions, one row per actor, yes/no per cell).
import { expect, it } from 'vitest';
import type { Role } from '../../src/features/organizations/organizations.schema.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { can, type Policy, type ResourceOf } from '../../src/platform/policy/index.ts';

export const ORG_A = '0190a000-0000-7000-8000-00000000000a';
export const ORG_B = '0190b000-0000-7000-8000-00000000000b';
export const ORG_INSTALLATION = '0190c000-0000-7000-8000-00000000000c';

let nextUser = 0;
/** An actor with these memberships, working in the first one. */
export function matrixActor(name: string, memberships: { organizationId: string; role: Role }[], email = `${name}@example.fi`): Actor {
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

export function parseMatrix(text: string): { actions: string[]; rows: Record<string, Record<string, boolean>> } {
  const [header = [], ...body] = text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
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

/** A checker for these actors: the table must list exactly the policy's actions and every actor. */
export function matrixChecker<A extends Record<string, Actor | null>>(actors: A) {
  return function checkMatrix<P extends Policy>(policy: P, resource: ResourceOf<P>, matrix: string) {
    const { actions, rows } = parseMatrix(matrix);
    it('lists exactly the policy’s actions and every actor', () => {
      expect([...actions].sort()).toEqual(Object.keys(policy).sort());
      expect(Object.keys(rows).sort()).toEqual(Object.keys(actors).sort());
    });
    it.each(Object.keys(actors) as (keyof A & string)[])('%s', (name) => {
      expect(can(policy, actors[name] ?? null, resource)).toEqual(rows[name]);
    });
  };
}
