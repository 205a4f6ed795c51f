// The release's fast path on a real database: lists in any order, repeated keys, earlier sets found by overlap.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { decisionOf, releaseFigures, setHashOf, type Decision } from './release.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const people = (n: number) => Array.from({ length: n }, () => randomUUID());
const organizationId = randomUUID();
const plain = (d: Decision) => d;

describe('releaseFigures', () => {
  it('records a set once, sorted, and finds it again whatever the order of the list', async () => {
    const domain = `test:${randomUUID()}`;
    const set = people(12);
    const first = await releaseFigures(t.db, { organizationId, domain }, [{ id: 'a', members: set }], plain);
    expect(first.released('a')).toBe(true);
    const reversed = [...set].reverse();
    const again = await releaseFigures(t.db, { organizationId, domain }, [{ id: 'a', members: reversed }], plain);
    expect(again.released('a')).toBe(true);
    const rows = await t.db.execute<{ set_hash: string; members: string[]; size: number }>(
      sql`SELECT set_hash, members::text[] AS members, size FROM disclosure_releases WHERE domain = ${domain}`,
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.members).toEqual([...set].sort());
    expect(rows.rows[0]!.size).toBe(12);
    expect(rows.rows[0]!.set_hash).toBe(setHashOf(reversed));
  });

  it('counts people, not entries: four people with one of them twice is too few', async () => {
    const domain = `test:${randomUUID()}`;
    const four = people(4);
    const d = await releaseFigures(t.db, { organizationId, domain }, [{ id: 'a', members: [...four, four[0]!] }], plain);
    expect(d.released('a')).toBe(false);
    expect(d.reason('a')).toBe('small');
  });

  it('withholds a set one person away from an earlier one (found through the overlap index), also when large', async () => {
    const domain = `test:${randomUUID()}`;
    const everyone = people(3000);
    expect((await releaseFigures(t.db, { organizationId, domain }, [{ id: 'all', members: everyone }], plain)).released('all')).toBe(true);
    const butOne = everyone.slice(1).reverse();
    const d = await releaseFigures(t.db, { organizationId, domain }, [{ id: 'all-but-one', members: butOne }], plain);
    expect(d.released('all-but-one')).toBe(false);
    expect(d.reason('all-but-one')).toBe('earlier');
  });

  it('builds the same decision as the plan it made', async () => {
    const domain = `test:${randomUUID()}`;
    const a = people(10);
    const d = await releaseFigures(
      t.db,
      { organizationId, domain },
      [
        { id: 'x', members: a },
        { id: 'y', members: a.slice(0, 9) },
      ],
      plain,
    );
    const expected = decisionOf({ released: new Set(['x']), withheld: new Map([['y', 'complementary' as const]]) });
    expect([d.released('x'), d.released('y')]).toEqual([expected.released('x'), expected.released('y')]);
  });
});
