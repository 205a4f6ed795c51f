// `npm run bench:data`: a throwaway embedded PostgreSQL, migrated, filled with ~100,000
// participants (BENCH_PARTICIPANTS) in 10 organisations — half of them in the largest one,
// whose evaluation is timed — with baseline, 6- and 12-month check-ins, ~2,300,000 item answers
// and the scores computed from them. Then the /evaluation page's path (runEvaluation: the
// per-person query + counts + the report in JS + the tables) is timed against one raw SQL
// statement computing the same aggregation in the database. The page path includes the disclosure
// layer (register look-up; the first run audits and records the sets). Median of BENCH_RUNS runs each,
// after one warm-up; prints both and their ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { createDb, createPool, type Db } from '../src/platform/db/db.ts';
import { startEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logger.ts';
import type { Actor } from '../src/platform/auth/actor.ts';
import { createTranslator } from '../src/platform/i18n/i18n.ts';
import { evaluationTables } from '../src/features/outcomes/evaluation-tables.ts';
import { runEvaluation } from '../src/features/outcomes/run-evaluation.ts';
import { who5 } from '../src/features/outcomes/instruments/index.ts';

const participants = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const organizationsCount = 10;
/** BENCH_DATA_DIR: keep the database there and reuse it on the next run (skips generation). */
const keptDir = process.env.BENCH_DATA_DIR;
const dataDir = keptDir ?? mkdtempSync(path.join(os.tmpdir(), 'tyopeili-bench-data-'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const log = createLogger('warn');
  const embedded = await startEmbeddedDatabase(dataDir, log);
  const pool = createPool(embedded.url, 4);
  const db = createDb(pool);
  try {
    await runMigrations(pool, db);
    const q = async (label: string, text: string) => {
      const started = performance.now();
      const r = await pool.query(text);
      console.log(`  ${label}: ${r.rowCount ?? 0} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    const existing = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations')).rows[0]!.n;
    const genStarted = performance.now();
    if (existing === 0) await generate(q);
    const generated = (performance.now() - genStarted) / 1000;
    const counts = (
      await pool.query<{ people: number; check_ins: number; answers: number; scores: number }>(
        `SELECT (SELECT count(*)::int FROM entrepreneur_profiles) AS people, (SELECT count(*)::int FROM check_ins) AS check_ins,
           (SELECT count(*)::int FROM check_in_answers) AS answers, (SELECT count(*)::int FROM check_in_scores) AS scores`,
      )
    ).rows[0]!;
    console.log(
      `${existing === 0 ? `Generated in ${generated.toFixed(1)} s` : 'Reused'}: ${counts.people} participants, ${counts.check_ins} check-ins, ${counts.answers} answers, ${counts.scores} scores.`,
    );
    await time(db, pool);
  } finally {
    await pool.end();
    await embedded.stop();
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function generate(q: (label: string, text: string) => Promise<void>) {
  console.log(`Generating ${participants} participants in ${organizationsCount} organisations…`);
  await q(
    'organisations',
    `INSERT INTO organizations (id, name, slug) SELECT gen_random_uuid(), 'Penkki ' || i, 'penkki-' || i FROM generate_series(1, ${organizationsCount}) i`,
  );
  // Half of everyone in organisation 1 (the one evaluated); the rest spread over the others.
  await q(
    'participants (temp)',
    `CREATE UNLOGGED TABLE bench_people AS
       WITH orgs AS (SELECT id, row_number() OVER (ORDER BY slug COLLATE "C") AS k FROM organizations)
       SELECT n, gen_random_uuid() AS user_id, gen_random_uuid() AS company_id,
         (SELECT id FROM orgs WHERE k = CASE WHEN n <= ${participants / 2} THEN 1 ELSE 2 + (n % ${organizationsCount - 1}) END) AS org,
         -- groups of 8 within one organisation
         CASE WHEN n <= ${participants / 2} THEN n / 8 ELSE 1000000 + (n % ${organizationsCount - 1}) * 1000000 + n / ${8 * (organizationsCount - 1)} END AS group_no,
         (random() * 3.2 + 0.8)::float8 AS level,
         date '2024-01-01' + (random() * 540)::int AS base_on
       FROM generate_series(1, ${participants}) n`,
  );
  await q('users', `INSERT INTO users (id, email, name) SELECT user_id, 'p' || n || '@bench.invalid', 'Osallistuja ' || n FROM bench_people`);
  await q('memberships', `INSERT INTO memberships (organization_id, user_id, role) SELECT org, user_id, 'entrepreneur' FROM bench_people`);
  await q(
    'companies',
    `INSERT INTO companies (organization_id, id, name, sector, size, municipality)
       SELECT org, company_id, 'Yritys ' || n, (ARRAY['sote','sote','sote','S','M','I','G','C','F','N','P','R','J','A'])[1 + n % 14], 'sole',
         (ARRAY['609','609','609','684','684','886','214','079','050','102','271','531','051','783','484','091'])[1 + (n / 7) % 16]
       FROM bench_people`,
  );
  await q(
    'profiles',
    `INSERT INTO entrepreneur_profiles (organization_id, user_id, company_id, birth_year, gender)
       SELECT org, user_id, company_id, CASE WHEN n % 37 = 0 THEN NULL ELSE 1950 + (n * 7919) % 52 END,
         CASE WHEN n % 41 = 0 THEN NULL WHEN n % 10 < 7 THEN 'female' WHEN n % 97 = 0 THEN 'other' ELSE 'male' END
       FROM bench_people`,
  );
  await q(
    'groups',
    `CREATE UNLOGGED TABLE bench_groups AS
       SELECT DISTINCT ON (group_no) group_no, org, gen_random_uuid() AS id FROM bench_people ORDER BY group_no, n`,
  );
  await q(
    'groups',
    `INSERT INTO groups (organization_id, id, name, status, format)
       SELECT org, id, 'Ryhmä ' || group_no, 'active', (ARRAY['in_person','online','walking','mixed'])[1 + group_no % 4] FROM bench_groups`,
  );
  await q(
    'group members',
    `INSERT INTO group_members (organization_id, group_id, user_id) SELECT p.org, g.id, p.user_id FROM bench_people p JOIN bench_groups g USING (group_no)`,
  );
  await q('consents', `INSERT INTO measurement_consents (organization_id, user_id, given_at) SELECT org, user_id, base_on::timestamptz FROM bench_people`);
  // Baseline for everyone (3 % left as an unanswered draft), 6 months for ~80 %, 12 months for ~50 %.
  await q(
    'check-ins',
    `CREATE UNLOGGED TABLE bench_check_ins AS
       SELECT p.org, gen_random_uuid() AS id, p.user_id, g.id AS group_id, w.kind, w.wave, (p.base_on + w.wave * 182) AS due_on,
         CASE WHEN (w.wave = 0 AND p.n % 33 = 0) OR (p.base_on + w.wave * 182) > current_date THEN NULL
              ELSE (p.base_on + w.wave * 182 + (p.n % 5))::timestamptz + interval '10 hours' END AS submitted_at,
         p.level + w.wave * 0.3 AS level
       FROM bench_people p JOIN bench_groups g USING (group_no)
       CROSS JOIN (VALUES ('baseline', 0), ('full', 1), ('full', 2)) AS w(kind, wave)
       WHERE w.wave = 0 OR (w.wave = 1 AND p.n % 5 <> 0) OR (w.wave = 2 AND p.n % 2 = 0)`,
  );
  await q(
    'check-ins',
    `INSERT INTO check_ins (organization_id, id, user_id, group_id, kind, wave, due_on, status, submitted_at)
       SELECT org, id, user_id, group_id, kind, wave, due_on, CASE WHEN submitted_at IS NULL THEN 'draft' ELSE 'submitted' END, submitted_at FROM bench_check_ins`,
  );
  // WHO-5 (5 items 0–5), work ability (0–10), life satisfaction (0–10), loneliness (3 items 1–3).
  await q(
    'answers',
    `INSERT INTO check_in_answers (organization_id, check_in_id, instrument_id, item_id, value_number)
       SELECT c.org, c.id, i.instrument_id, i.item_id,
         greatest(i.lo, least(i.hi, round(c.level * i.scale + i.shift + (random() - 0.5) * i.noise)))
       FROM bench_check_ins c
       CROSS JOIN (VALUES
         ('who-5','cheerful',0,5,1.0,0.0,2.0), ('who-5','calm',0,5,1.0,0.0,2.0), ('who-5','active',0,5,1.0,0.0,2.0),
         ('who-5','rested',0,5,1.0,0.0,2.0), ('who-5','interest',0,5,1.0,0.0,2.0),
         ('work-ability-score','current',0,10,1.6,1.5,3.0), ('life-satisfaction','overall',0,10,1.6,1.5,3.0),
         ('three-item-loneliness','companionship',1,3,-0.4,3.2,1.5), ('three-item-loneliness','left-out',1,3,-0.4,3.2,1.5),
         ('three-item-loneliness','isolated',1,3,-0.4,3.2,1.5)
       ) AS i(instrument_id, item_id, lo, hi, scale, shift, noise)
       WHERE c.submitted_at IS NOT NULL`,
  );
  await q(
    'scores',
    `INSERT INTO check_in_scores (organization_id, check_in_id, instrument_id, user_id, group_id, kind, wave, score, submitted_at)
       SELECT c.org, c.id, a.instrument_id, c.user_id, c.group_id, c.kind, c.wave,
         sum(a.value_number) * CASE WHEN a.instrument_id = 'who-5' THEN 4 ELSE 1 END, c.submitted_at
       FROM bench_check_ins c
       JOIN check_in_answers a ON a.organization_id = c.org AND a.check_in_id = c.id
       GROUP BY c.org, c.id, a.instrument_id, c.user_id, c.group_id, c.kind, c.wave, c.submitted_at`,
  );
  await q('clean up', 'DROP TABLE bench_people, bench_groups, bench_check_ins');
  await q('vacuum analyze', 'VACUUM ANALYZE');
}

// ---- timing -------------------------------------------------------------------
async function time(db: Db, pool: Pool) {
  const [org] = (await pool.query<{ id: string; name: string }>(`SELECT id, name FROM organizations WHERE slug = 'penkki-1'`)).rows;
  const organizationId = org!.id;
  const scope = { organizationId, from: '2024-01-01', to: '2025-12-31', comparison: 'latest' as const };
  const funder: Actor = {
    userId: '00000000-0000-7000-8000-000000000001',
    email: 'rahoittaja@bench.invalid',
    name: 'Rahoittaja',
    locale: 'fi',
    isDemo: false,
    totpEnabled: false,
    isAdmin: false,
    memberships: [{ organizationId, organizationName: org!.name, role: 'funder' }],
    organizationId,
    role: 'funder',
  };
  const t = createTranslator('fi');
  const pagePath = async () => {
    const report = await runEvaluation(funder, { db }, { ...scope, instrument: who5 });
    evaluationTables(report, { t, locale: 'fi', instrumentName: 'WHO-5', from: scope.from, to: scope.to, comparison: scope.comparison });
    return report;
  };
  // The same aggregation in SQL: pairs, means, SD, W+ of the signed-rank test (average ranks for ties),
  // meaningful/reliable change counts, each breakdown's counts and mean change (GROUPING SETS), the
  // baseline and due counts for attrition; and invited/responded — two statements, run in parallel
  // like the page's two.
  const sDiff = Math.sqrt(2) * who5.referenceSd!.value * Math.sqrt(1 - who5.reliability!.value);
  const rawSql = `
      WITH base AS (
        SELECT DISTINCT ON (s.user_id) s.user_id, s.group_id, s.score, s.submitted_at
        FROM check_in_scores s
        WHERE s.organization_id = $1 AND s.instrument_id = 'who-5' AND s.kind = 'baseline'
          AND s.submitted_at >= ('2024-01-01'::date::timestamp AT TIME ZONE 'Europe/Helsinki')
          AND s.submitted_at < (('2025-12-31'::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki')
        ORDER BY s.user_id, s.submitted_at
      ), follow AS (
        SELECT DISTINCT ON (s.user_id) s.user_id, s.score
        FROM check_in_scores s JOIN base b ON b.user_id = s.user_id
        WHERE s.organization_id = $1 AND s.instrument_id = 'who-5' AND (s.kind = 'exit' OR (s.kind = 'full' AND s.wave > 0))
          AND s.submitted_at > b.submitted_at
        ORDER BY s.user_id, s.submitted_at DESC
      ), due AS (
        SELECT DISTINCT ci.user_id FROM check_ins ci
        WHERE ci.organization_id = $1 AND ci.kind IN ('full', 'exit') AND ci.due_on <= current_date
      ), paired AS (
        SELECT b.score, f.score AS after, (f.score - b.score)::float8 AS d,
          extract(year FROM b.submitted_at AT TIME ZONE 'Europe/Helsinki')::int - p.birth_year AS age, p.gender, c.sector, c.municipality, g.format
        FROM base b
        JOIN follow f ON f.user_id = b.user_id
        LEFT JOIN entrepreneur_profiles p ON p.organization_id = $1 AND p.user_id = b.user_id
        LEFT JOIN companies c ON c.organization_id = $1 AND c.id = p.company_id
        LEFT JOIN groups g ON g.organization_id = $1 AND g.id = b.group_id
      )
      SELECT GROUPING(sector, municipality, gender, format, age_band) AS level, sector, municipality, gender, format, age_band,
        (SELECT count(*) FROM base) AS n_baseline,
        (SELECT count(*) FROM base b LEFT JOIN due d ON d.user_id = b.user_id LEFT JOIN follow f ON f.user_id = b.user_id
          WHERE d.user_id IS NOT NULL OR f.user_id IS NOT NULL) AS n_due,
        (SELECT sum(r) FILTER (WHERE d > 0) FROM (SELECT d, rank() OVER (ORDER BY abs(d)) + (count(*) OVER (PARTITION BY abs(d)) - 1) / 2.0 AS r
          FROM paired WHERE d <> 0) z) AS w_plus,
        count(*) AS n, avg(score) AS before, avg(after) AS after, avg(d) AS change, stddev_samp(d) AS sd,
        count(*) FILTER (WHERE d >= 10) AS meaningful_up, count(*) FILTER (WHERE d <= -10) AS meaningful_down,
        count(*) FILTER (WHERE d / ${sDiff} > 1.96) AS reliable_up, count(*) FILTER (WHERE d / ${sDiff} < -1.96) AS reliable_down
      FROM (SELECT *, CASE WHEN age IS NULL THEN 'unknown' WHEN age < 35 THEN 'under-35' WHEN age < 45 THEN '35-44' WHEN age < 55 THEN '45-54' WHEN age < 65 THEN '55-64' ELSE '65-plus' END AS age_band
            FROM paired) x
      GROUP BY GROUPING SETS ((), (sector), (municipality), (gender), (format), (age_band))`;
  const rawCounts = `
      SELECT count(DISTINCT ci.user_id) AS invited,
        count(DISTINCT ci.user_id) FILTER (WHERE ci.status = 'submitted' AND EXISTS (SELECT 1 FROM check_in_scores s
          WHERE s.organization_id = $1 AND s.check_in_id = ci.id AND s.instrument_id = 'who-5')) AS responded
      FROM check_ins ci JOIN measurement_consents mc ON mc.organization_id = $1 AND mc.user_id = ci.user_id
      WHERE ci.organization_id = $1 AND ci.kind = 'baseline' AND ci.due_on BETWEEN '2024-01-01' AND '2025-12-31'`;
  const raw = async () => {
    const [a, b] = await Promise.all([pool.query(rawSql, [organizationId]), pool.query(rawCounts, [organizationId])]);
    return { groups: a.rows, counts: b.rows[0] };
  };

  const check = await pagePath();
  const rawCheck = await raw();
  const overall = rawCheck.groups.find((r: { level: number }) => r.level === 31) as { n: string; change: number; w_plus: string };
  console.log(
    `Organisation "${org!.name}": ${check.nBaseline} baselines, ${check.nPaired} pairs, mean change ${check.paired?.meanChange?.toFixed(3)} (raw SQL: n ${overall.n}, ${Number(overall.change).toFixed(3)}).`,
  );
  // The page publishes W = min(W+, W−) and the mean change rounded to whole points (the disclosure layer's rounding).
  const nUsed = check.paired?.wilcoxon?.nUsed ?? NaN;
  const w = Math.min(Number(overall.w_plus), (nUsed * (nUsed + 1)) / 2 - Number(overall.w_plus));
  if (Math.abs(w - (check.paired?.wilcoxon?.statistic ?? NaN)) > 1e-6) throw new Error(`W differs: ${w} vs ${check.paired?.wilcoxon?.statistic}`);
  if (Number(overall.n) !== check.nPaired || Math.abs(Number(overall.change) - (check.paired?.meanChange ?? NaN)) > 0.5)
    throw new Error('the page path and the raw SQL disagree');

  const pageTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate, so neither gets a warmer cache.
    let s = performance.now();
    await pagePath();
    pageTimes.push(performance.now() - s);
    s = performance.now();
    await raw();
    rawTimes.push(performance.now() - s);
  }
  const page = median(pageTimes);
  const rawMedian = median(rawTimes);
  console.log('');
  console.log(`Evaluation of ${check.nBaseline} baselines (median of ${runs} runs):`);
  console.log(`  page path (query + report + tables): ${page.toFixed(0)} ms   [${pageTimes.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  raw SQL of the same aggregation:     ${rawMedian.toFixed(0)} ms   [${rawTimes.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  ratio page / raw: ${(page / rawMedian).toFixed(2)}×  (target: under 1000 ms and within 1.5×)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
