// The demo's outcome data: most entrepreneurs consented, baselines and follow-ups with a
// plausible mean change in WHO-5 and attrition, pulses and anonymous feedback.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.ts';
import { seedDemo } from './seed.ts';
import { actorFor } from '../../tests/factories/organizations.ts';
import { who5 } from '../features/outcomes/instruments/index.ts';
import { parseEvaluationParams, runEvaluation } from '../features/outcomes/run-evaluation.ts';

let database: TestDatabase;
let seconds = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  const t0 = performance.now();
  await seedDemo({ db: database.db });
  seconds = (performance.now() - t0) / 1000;
});
afterAll(async () => {
  await database?.drop();
});

describe('demo outcomes', () => {
  it('has baselines, follow-ups with a plausible change, attrition, pulses and feedback', async () => {
    const { rows } = await database.db.execute<{ wave: number; n: number; mean: number }>(
      sql`SELECT wave, count(*)::int AS n, avg(score)::float AS mean FROM check_in_scores WHERE instrument_id = 'who-5' AND kind IN ('baseline', 'full') GROUP BY wave ORDER BY wave`,
    );
    const byWave = new Map(rows.map((r) => [r.wave, r]));
    const baseline = byWave.get(0)!;
    const twelve = byWave.get(2)!;
    // Every consenting member has a baseline, and most members consent (about 85 %; seen: 30 of 40). The absolute
    // count moves with the clock like the share below (the random stream runs over the meetings
    // already held at seeding time; seen: 30 to 40), so the test checks the proportions.
    const { rows: people } = await database.db.execute<{ members: number; consents: number }>(
      sql`SELECT (SELECT count(DISTINCT user_id)::int FROM group_members gm WHERE EXISTS (SELECT 1 FROM measurement_consents mc WHERE mc.organization_id = gm.organization_id)) AS members,
                 (SELECT count(*)::int FROM measurement_consents) AS consents`,
    );
    expect(baseline.n).toBeGreaterThanOrEqual(people[0]!.consents);
    expect(people[0]!.consents / people[0]!.members).toBeGreaterThan(0.6);
    expect(baseline.n).toBeGreaterThan(20);
    // Most stay to the 12-month check-in, some drop out. The exact share moves with the clock: the seed's
    // random stream runs over the demo meetings already held at seeding time (seen: 0.63 when seeded after 17.00 Helsinki; above 0.65 earlier the same day).
    expect(twelve.n / baseline.n).toBeGreaterThan(0.55);
    expect(twelve.n / baseline.n).toBeLessThan(0.92);
    const { rows: paired } = await database.db.execute<{ mean: number; n: number }>(
      sql`SELECT avg(f.score - b.score)::float AS mean, count(*)::int AS n FROM check_in_scores b JOIN check_in_scores f ON f.user_id = b.user_id AND f.instrument_id = b.instrument_id AND f.wave = 2
          WHERE b.instrument_id = 'who-5' AND b.wave = 0`,
    );
    expect(paired[0]!.mean).toBeGreaterThan(4);
    expect(paired[0]!.mean).toBeLessThan(16);
    const { rows: counts } = await database.db.execute<{ pulses: number; feedback: number }>(
      sql`SELECT (SELECT count(*)::int FROM check_ins WHERE kind = 'pulse') AS pulses, (SELECT count(*)::int FROM meeting_feedback) AS feedback`,
    );
    expect(counts[0]!.pulses).toBeGreaterThan(100);
    expect(counts[0]!.feedback).toBeGreaterThan(50);
    console.log(`demo seed with outcomes: ${seconds.toFixed(2)} s; baseline n=${baseline.n}, 12 mo n=${twelve.n}, paired change ${paired[0]!.mean.toFixed(1)} (n=${paired[0]!.n})`);
  });

  it('shows the demo coordinator and then the funder real figures on /evaluation (through the disclosure layer)', async () => {
    const { rows } = await database.db.execute<{ id: string; email: string }>(
      sql`SELECT id, email FROM users WHERE email IN ('koordinaattori@demo.tyopeili.fi', 'rahoittaja@demo.tyopeili.fi') ORDER BY email`,
    );
    const params = parseEvaluationParams(new URLSearchParams(), [who5]);
    for (const row of rows) {
      const actor = await actorFor(database.db, row.id);
      const report = await runEvaluation(actor, { db: database.db }, { organizationId: actor.organizationId!, from: params.from, to: params.to, comparison: params.comparison, instrument: who5 });
      expect(report.published, row.email).toBe(true);
      expect(report.paired!.meanChange).toBeGreaterThan(4);
      expect(report.breakdowns.filter((b) => b.published).length).toBeGreaterThan(2);
    }
  });
});
