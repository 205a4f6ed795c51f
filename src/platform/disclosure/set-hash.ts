// The register's set hash (docs/decisions/015-disclosure-control.md). Pure; no I/O.
import type { Candidate } from './audit.ts';

/**
 * An order-independent hash of a set of keys: lane by lane (4 × 32 bits), the sum mod 2^32 of a mix of each
 * key, with the count. Independent of order, so the register look-up needs no list sorted (a report's lists
 * come in row order). Not cryptographic on purpose: the keys are ids the server made at random, which no
 * reader chooses, and two distinct sets of them collide with a chance of about 2^-128. The `m1:` prefix
 * versions the format (sets recorded under an older hash stay in the register as earlier releases, found
 * by their members).
 */
export function setHashOf(members: readonly string[]): string {
  const lanes = new Int32Array(4);
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (const key of members) {
    keyLanes(key, lanes, 0);
    a = (a + lanes[0]!) | 0;
    b = (b + lanes[1]!) | 0;
    c = (c + lanes[2]!) | 0;
    d = (d + lanes[3]!) | 0;
  }
  return formatSetHash(members.length, a, b, c, d);
}

/** One key's four lanes into `out` at `at`: two FNV-1a-like lanes over the characters (64 bits of state), spread into four by murmur3's fmix32. */
function keyLanes(key: string, out: Int32Array, at: number): void {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
  }
  h1 = fmix32(h1 ^ key.length);
  h2 = fmix32(h2 ^ h1);
  out[at] = h1;
  out[at + 1] = h2;
  out[at + 2] = fmix32(h1 ^ Math.imul(h2, 0x27d4eb2f));
  out[at + 3] = fmix32(h2 + Math.imul(h1, 0x165667b1));
}

function formatSetHash(count: number, a: number, b: number, c: number, d: number): string {
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `m1:${count}:${hex(a)}${hex(b)}${hex(c)}${hex(d)}`;
}

/**
 * The keys of one report's sets, each mixed once: a report's sets overlap (a key is in the overall set and
 * in one cell of every breakdown), so candidates that name their members by index into the space
 * (`Candidate.keyed`) are hashed by adding four numbers per member. `hashOf` equals `setHashOf` of the
 * same keys.
 */
export class KeySpace {
  readonly keys: readonly string[];
  readonly #lanes: Int32Array;
  constructor(keys: readonly string[]) {
    this.keys = keys;
    this.#lanes = new Int32Array(keys.length * 4);
    keys.forEach((key, i) => keyLanes(key, this.#lanes, i * 4));
  }

  /** The members as keys (the `members` of the candidate). */
  membersOf(indices: ArrayLike<number>): string[] {
    const out = new Array<string>(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = this.keys[indices[i]!]!;
    return out;
  }

  hashOf(indices: ArrayLike<number>): string {
    const lanes = this.#lanes;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < indices.length; i++) {
      const at = indices[i]! * 4;
      a = (a + lanes[at]!) | 0;
      b = (b + lanes[at + 1]!) | 0;
      c = (c + lanes[at + 2]!) | 0;
      d = (d + lanes[at + 3]!) | 0;
    }
    return formatSetHash(indices.length, a, b, c, d);
  }
}

/** A candidate's set hash: by its key space when it has one (checked against its members at a spread of positions). */
export function candidateHash(c: Candidate): string {
  const keyed = c.keyed;
  if (!keyed) return setHashOf(c.members);
  const n = c.members.length;
  if (keyed.indices.length !== n) throw new RangeError(`candidate ${c.id}: keyed members differ from its members`);
  for (let probe = 0; probe < Math.min(n, 16); probe++) {
    const i = Math.floor((probe * (n - 1)) / 15);
    if (keyed.space.keys[keyed.indices[i]!] !== c.members[i]) throw new RangeError(`candidate ${c.id}: keyed members differ from its members`);
  }
  return keyed.space.hashOf(keyed.indices);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
