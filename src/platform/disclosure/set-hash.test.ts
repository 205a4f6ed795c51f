// The register's order-independent set hash (set-hash.ts) and the key space that computes it by index.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateHash, KeySpace, setHashOf } from './set-hash.ts';

const uuids = (n: number) => Array.from({ length: n }, () => randomUUID());

describe('setHashOf', () => {
  it('does not depend on the order of the members', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 60 }), fc.integer(), (members, seed) => {
        const shuffled = [...members].sort((a, b) => (a.charCodeAt(seed & 31) ^ seed) - (b.charCodeAt(seed & 31) ^ seed) || (a < b ? -1 : 1));
        expect(setHashOf(shuffled)).toBe(setHashOf(members));
      }),
    );
  });

  it('tells apart sets that differ by one member, a swapped member, or a repeated one', () => {
    const members = uuids(200);
    const hash = setHashOf(members);
    expect(setHashOf(members.slice(1))).not.toBe(hash);
    expect(setHashOf([...members.slice(1), randomUUID()])).not.toBe(hash);
    expect(setHashOf([...members, members[0]!])).not.toBe(hash);
    // Two distinct sets of the same size built from the same pool (the differencing attack's shape) never collide here.
    const pool = uuids(400);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(setHashOf(pool.filter((_, j) => j !== i && j !== i + 200)));
    expect(seen.size).toBe(200);
  });

  it('is the same through a key space, by index', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 80 }), fc.array(fc.nat(), { maxLength: 80 }), (keys, picks) => {
        const space = new KeySpace(keys);
        const indices = Int32Array.from(new Set(picks.map((p) => p % keys.length)));
        const members = space.membersOf(indices);
        expect(space.hashOf(indices)).toBe(setHashOf(members));
        expect(candidateHash({ id: 'c', members, keyed: { space, indices } })).toBe(setHashOf(members));
      }),
    );
  });

  it('refuses a candidate whose indices do not name its members', () => {
    const keys = uuids(20);
    const space = new KeySpace(keys);
    const indices = Int32Array.from([0, 1, 2, 3, 4, 5]);
    expect(() => candidateHash({ id: 'c', members: keys.slice(1, 7), keyed: { space, indices } })).toThrow(RangeError);
    expect(() => candidateHash({ id: 'c', members: keys.slice(0, 5), keyed: { space, indices } })).toThrow(RangeError);
  });
});
