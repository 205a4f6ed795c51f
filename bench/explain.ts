// `node bench/explain.ts DIR`: EXPLAIN (ANALYZE, BUFFERS) of the signed-in hot path's statements
// (session + actor, the entrepreneur's and the facilitator's home) on a database the bench kept
// (BENCH_DIR=DIR npm run bench); prints each plan and flags sequential scans.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createDb, createPool } from '../src/platform/db/db.ts';
import { startEmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { createLogger } from '../src/platform/logger.ts';

const dir = process.argv[2] ?? process.env.BENCH_DIR;
if (!dir) throw new Error('usage: node bench/explain.ts DIR (a BENCH_DIR kept by npm run bench)');
const embedded = await startEmbeddedDatabase(dir, createLogger('warn'));
const pool = createPool(embedded.url, 2);
const db = createDb(pool);
const one = async <T>(q: SQL) => (await db.execute(q)).rows[0] as T;
const who = async (email: string) => one<{ user_id: string; organization_id: string }>(sql`SELECT u.id AS user_id, m.organization_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = ${email} LIMIT 1`);
const e = await who('yrittaja@demo.tyopeili.fi');
const f = await who('ohjaaja@demo.tyopeili.fi');
const session = await one<{ id: string }>(sql`SELECT id FROM sessions WHERE user_id = ${e.user_id} LIMIT 1`);
const group = await one<{ group_id: string }>(sql`SELECT group_id FROM group_members WHERE user_id = ${e.user_id} LIMIT 1`);
const now = new Date().toISOString();
const dialect = new PgDialect();
const statements: [string, SQL][] = [
  ['session + user + memberships (resolveSession)', sql`SELECT s.user_id, u.email, coalesce((SELECT json_agg(json_build_object('organizationId', m.organization_id, 'organizationName', o.name, 'role', m.role) ORDER BY o.name) FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = s.user_id), '[]'::json) FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = ${session?.id ?? ''} LIMIT 1`],
  ['next meetings (entrepreneur)', sql`SELECT m.id FROM group_members gm JOIN groups g ON g.organization_id = gm.organization_id AND g.id = gm.group_id JOIN meetings m ON m.organization_id = gm.organization_id AND m.group_id = gm.group_id LEFT JOIN rsvps r ON r.organization_id = m.organization_id AND r.meeting_id = m.id AND r.user_id = gm.user_id WHERE gm.organization_id = ${e.organization_id} AND gm.user_id = ${e.user_id} AND gm.left_at IS NULL AND m.status = 'scheduled' AND m.ends_at > ${now} ORDER BY m.starts_at LIMIT 3`],
  ['open steps (entrepreneur)', sql`SELECT s.id FROM steps s JOIN groups g ON g.organization_id = s.organization_id AND g.id = s.group_id WHERE s.organization_id = ${e.organization_id} AND s.user_id = ${e.user_id} AND s.status = 'open' ORDER BY s.due_on NULLS LAST, s.created_at LIMIT 10`],
  ['board posts (entrepreneur)', sql`SELECT p.id FROM group_members gm JOIN board_posts p ON p.organization_id = gm.organization_id AND p.group_id = gm.group_id JOIN groups g ON g.organization_id = p.organization_id AND g.id = p.group_id JOIN users u ON u.id = p.author_user_id WHERE gm.organization_id = ${e.organization_id} AND gm.user_id = ${e.user_id} AND gm.left_at IS NULL AND p.hidden_at IS NULL AND p.author_user_id <> ${e.user_id} AND p.created_at > ${now} ORDER BY p.created_at DESC LIMIT 3`],
  ['consent (check-ins)', sql`SELECT * FROM measurement_consents WHERE organization_id = ${e.organization_id} AND user_id = ${e.user_id}`],
  ['own check-ins', sql`SELECT * FROM check_ins WHERE organization_id = ${e.organization_id} AND user_id = ${e.user_id}`],
  ['group meeting dates', sql`SELECT id, starts_at, status FROM meetings WHERE organization_id = ${e.organization_id} AND group_id = ${group?.group_id ?? e.organization_id} ORDER BY starts_at`],
  ['facilitator groups', sql`SELECT g.id, (SELECT count(*)::int FROM group_members gm WHERE gm.organization_id = g.organization_id AND gm.group_id = g.id AND gm.left_at IS NULL), (SELECT count(*)::int FROM steps s JOIN group_members gm ON gm.organization_id = s.organization_id AND gm.group_id = s.group_id AND gm.user_id = s.user_id AND gm.left_at IS NULL WHERE s.organization_id = g.organization_id AND s.group_id = g.id AND s.status = 'open') FROM group_facilitators f JOIN groups g ON g.organization_id = f.organization_id AND g.id = f.group_id WHERE f.organization_id = ${f.organization_id} AND f.user_id = ${f.user_id} AND g.status <> 'ended'`],
  ['facilitator meetings', sql`SELECT m.id, (SELECT count(*)::int FROM rsvps r WHERE r.organization_id = m.organization_id AND r.meeting_id = m.id AND r.response = 'coming') FROM group_facilitators f JOIN groups g ON g.organization_id = f.organization_id AND g.id = f.group_id JOIN meetings m ON m.organization_id = f.organization_id AND m.group_id = f.group_id WHERE f.organization_id = ${f.organization_id} AND f.user_id = ${f.user_id} AND m.status = 'scheduled' AND m.ends_at > ${now} ORDER BY m.starts_at LIMIT 5`],
  ['facilitator attendance due', sql`SELECT m.id FROM group_facilitators f JOIN groups g ON g.organization_id = f.organization_id AND g.id = f.group_id JOIN meetings m ON m.organization_id = f.organization_id AND m.group_id = f.group_id WHERE f.organization_id = ${f.organization_id} AND f.user_id = ${f.user_id} AND m.status = 'scheduled' AND m.starts_at <= ${now} AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.organization_id = m.organization_id AND a.meeting_id = m.id) ORDER BY m.starts_at DESC LIMIT 5`],
];
/** Seq scans that remain when the planner is told to avoid them, i.e. no index serves the query. */
let seqScans = 0;
for (const [name, statement] of statements) {
  const q = dialect.sqlToQuery(statement);
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const seq = plan.split('\n').filter((l) => /Seq Scan/.test(l));
  console.log(`\n## ${name}${seq.length ? `  — ${seq.length} seq scan(s)` : ''}\n${plan}`);
  if (seq.length) {
    // On a small table a seq scan is the planner's cheaper choice; show the index it has for when the table grows.
    const client = await pool.connect();
    await client.query('SET enable_seqscan = off');
    const forced = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${q.sql}`, q.params);
    await client.query('RESET enable_seqscan');
    client.release();
    const still = forced.rows.filter((r) => /Seq Scan/.test(r['QUERY PLAN'])).length;
    const indexes = forced.rows.map((r) => /Index (?:Only )?Scan using (\S+)/.exec(r['QUERY PLAN'])?.[1]).filter(Boolean);
    console.log(`   with enable_seqscan = off: ${still} seq scan(s); indexes ${[...new Set(indexes)].join(', ')}`);
    if (still) seqScans += still;
  }
}
console.log(`\n${seqScans} statement part(s) with no index to use, in ${statements.length} statements`);
if (seqScans) process.exitCode = 1;
await pool.end();
await embedded.stop();
