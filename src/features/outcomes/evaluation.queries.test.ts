// The evaluation query against the real database, on a small fixture worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluationPerson } from '../../../tests/factories/evaluation.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { evaluationCounts, evaluationRows, type EvaluationScope } from './evaluation.queries.ts';

let database: TestDatabase;
let scope: EvaluationScope;
let groupA: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const org = await createTestOrganization(db);
  const other = await createTestOrganization(db);
  groupA = (await createTestGroup(db, { organizationId: org.id, format: 'in_person' })).id;
  const groupB = (await createTestGroup(db, { organizationId: org.id, format: 'online' })).id;
  const o = org.id;
  // p1: 40 → 52 (6 mo) → 60 (12 mo)
  await createEvaluationPerson(db, { organizationId: o, groupId: groupA, birthYear: 1980, gender: 'female', sector: 'sote', municipality: '609', baseline: { on: '2025-01-15', score: 40 }, followUps: [{ kind: 'full', wave: 1, on: '2025-07-15', score: 52 }, { kind: 'full', wave: 2, on: '2026-01-15', score: 60 }] });
  // p2: 48 → 48
  await createEvaluationPerson(db, { organizationId: o, groupId: groupA, birthYear: 1970, gender: 'female', baseline: { on: '2025-02-01', score: 48 }, followUps: [{ kind: 'full', wave: 1, on: '2025-08-01', score: 48 }] });
  // p3: 60, 6-month check-in due but not answered (lost)
  await createEvaluationPerson(db, { organizationId: o, groupId: groupA, birthYear: 1960, gender: 'male', baseline: { on: '2025-02-10', score: 60 }, followUps: [{ kind: 'full', wave: 1, on: '2025-08-10', score: null }] });
  // p4: 36 → exit 56
  await createEvaluationPerson(db, { organizationId: o, groupId: groupB, birthYear: 1985, gender: 'female', baseline: { on: '2025-03-01', score: 36 }, followUps: [{ kind: 'exit', wave: null, on: '2025-10-01', score: 56 }] });
  // p5: 52 → 44 → 64
  await createEvaluationPerson(db, { organizationId: o, groupId: groupB, birthYear: 1990, gender: 'male', baseline: { on: '2025-04-01', score: 52 }, followUps: [{ kind: 'full', wave: 1, on: '2025-10-01', score: 44 }, { kind: 'full', wave: 2, on: '2026-04-01', score: 64 }] });
  // p6: baseline before the period
  await createEvaluationPerson(db, { organizationId: o, groupId: groupB, baseline: { on: '2024-12-20', score: 30 }, followUps: [{ kind: 'full', wave: 1, on: '2025-06-20', score: 60 }] });
  // p7: baseline invited, not answered
  await createEvaluationPerson(db, { organizationId: o, groupId: groupA, baseline: { on: '2025-02-01', score: null } });
  // p8: 70, 6-month check-in not due yet (future)
  await createEvaluationPerson(db, { organizationId: o, groupId: groupA, baseline: { on: '2025-03-01', score: 70 }, followUps: [{ kind: 'full', wave: 1, on: '2099-01-01', score: null }] });
  // another organisation: never counted
  const g = (await createTestGroup(db, { organizationId: other.id })).id;
  await createEvaluationPerson(db, { organizationId: other.id, groupId: g, baseline: { on: '2025-03-01', score: 10 }, followUps: [{ kind: 'full', wave: 1, on: '2025-09-01', score: 90 }] });
  scope = { organizationId: o, instrumentId: 'who-5', from: '2025-01-01', to: '2025-12-31', comparison: 'latest', groupIds: [] };
});
afterAll(async () => {
  await database?.drop();
});

const byBaseline = <T extends { baseline: number }>(rows: T[]) => [...rows].sort((a, b) => a.baseline - b.baseline);

describe('evaluationRows', () => {
  it('pairs each baseline in the period with the latest follow-up, with attributes and the person id only as the query-set key', async () => {
    const rows = byBaseline(await evaluationRows(database.db, scope));
    expect(rows.map((r) => [r.baseline, r.after, r.followUpDue])).toEqual([
      [36, 56, true], // p4 exit
      [40, 60, true], // p1 12 months
      [48, 48, true], // p2
      [52, 64, true], // p5 12 months
      [60, null, true], // p3 lost
      [70, null, false], // p8 not due yet
    ]);
    expect(rows[1]).toEqual({ personId: expect.any(String), baselineKey: expect.any(String), afterKey: expect.any(String), baseline: 40, after: 60, followUpDue: true, ageAtBaseline: 45, gender: 'female', sector: 'sote', municipality: '609', groupFormat: 'in_person' });
    expect(rows[0]!.groupFormat).toBe('online');
    // one distinct person per row (the disclosure layer's query sets are keyed on them)
    expect(new Set(rows.map((r) => r.personId)).size).toBe(rows.length);
  });

  it('compares with the 6-month or 12-month wave', async () => {
    const wave1 = byBaseline(await evaluationRows(database.db, { ...scope, comparison: 'wave1' }));
    // p4 has no 6-month check-in (not due), p8's is in the future
    expect(wave1.map((r) => [r.baseline, r.after, r.followUpDue])).toEqual([[36, null, false], [40, 52, true], [48, 48, true], [52, 44, true], [60, null, true], [70, null, false]]);
    const wave2 = byBaseline(await evaluationRows(database.db, { ...scope, comparison: 'wave2' }));
    expect(wave2.filter((r) => r.after !== null).map((r) => [r.baseline, r.after])).toEqual([[40, 60], [52, 64]]);
  });

  it('limits to the chosen groups and period', async () => {
    const rows = byBaseline(await evaluationRows(database.db, { ...scope, groupIds: [groupA] }));
    expect(rows.map((r) => r.baseline)).toEqual([40, 48, 60, 70]);
    const march = await evaluationRows(database.db, { ...scope, from: '2025-03-01', to: '2025-03-31' });
    expect(march.map((r) => r.baseline).sort()).toEqual([36, 70]);
  });
});

describe('evaluationCounts', () => {
  it('counts consenting people invited to a baseline in the period, and those who answered', async () => {
    // p1–p5, p7, p8 (p6 was due before the period; p7 did not answer)
    const all = await evaluationCounts(database.db, scope);
    expect([all.invited.length, all.responded.length]).toEqual([7, 6]);
    const a = await evaluationCounts(database.db, { ...scope, groupIds: [groupA] });
    expect([a.invited.length, a.responded.length]).toEqual([5, 4]);
    // the people, sorted and without repeats (the disclosure layer's query sets), the answered among the invited
    expect([...all.invited].sort()).toEqual(all.invited);
    expect(new Set(all.invited).size).toBe(7);
    expect(all.responded.every((p) => all.invited.includes(p))).toBe(true);
    // a baseline's and a follow-up's key are their check-ins: distinct values have distinct keys
    const rows = await evaluationRows(database.db, scope);
    const keys = rows.flatMap((r) => [r.baselineKey, ...(r.afterKey ? [r.afterKey] : [])]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
