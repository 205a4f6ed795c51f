// `npm run bench`: the app on a fresh embedded database (with the demo data) against a
// bare Hono handler, in one run: requests/s, p50, p99, RSS, and the ratios.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createSession } from '../src/features/accounts/sessions.ts';
import { users } from '../src/features/accounts/accounts.schema.ts';
import { createDb, createPool } from '../src/platform/db/db.ts';
import { freePort } from '../src/platform/db/embedded.ts';
import { load, rssMiB, type LoadResult } from './load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** How many times the demo programme is in the database (issue 4: ×10). */
const scale = Number(process.env.BENCH_SCALE ?? 10);
const children: ChildProcess[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tyopeili-bench-'));

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('process exited: ' + output());
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error('not ready: ' + output());
    await new Promise((r) => setTimeout(r, 200));
  }
}

function start(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  children.push(child);
  return { child, output: () => out };
}

async function main() {
  const appPort = await freePort();
  const barePort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const app = start(['server/main.ts'], { NODE_ENV: 'production', PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_URL: 'https://bench.invalid', SESSION_SECRET: 'bench-'.repeat(8), JOURNAL_KEY: 'be'.repeat(32), LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO_SEED: 'auto' });
  await waitFor(appUrl + '/readyz', app.child, app.output);
  const bare = start(['bench/bare-server.ts'], { PORT: String(barePort) });
  await waitFor(`http://127.0.0.1:${barePort}/`, bare.child, bare.output);

  // Production mode never seeds: seed the demo into this throwaway database ourselves.
  const pid = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  const pool = createPool(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pid[3]}/postgres`, 2);
  const db = createDb(pool);
  const { seedDemoIfEmpty } = await import('../src/demo/seed-demo.ts');
  const { seedDemoCopy } = await import('../src/demo/seed.ts');
  const seedStarted = performance.now();
  await seedDemoIfEmpty({ db });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // The demo multiplied: copies 2…scale of both organisations beside it (the homes' queries must not grow with them).
  const copiesStarted = performance.now();
  for (let k = 2; k <= scale; k++) await seedDemoCopy({ db }, k);
  const copiesSeconds = (performance.now() - copiesStarted) / 1000;
  const counts = (await pool.query<{ groups: number; meetings: number; people: number; steps: number }>(
    'SELECT (SELECT count(*)::int FROM groups) AS groups, (SELECT count(*)::int FROM meetings) AS meetings, (SELECT count(*)::int FROM users) AS people, (SELECT count(*)::int FROM steps) AS steps',
  )).rows[0]!;
  const cookieFor = async (email: string) => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`demo account ${email} missing`);
    const session = await createSession(db, { userId: user.id, rememberMe: true });
    return `tyopeili_session=${session.token}`;
  };
  const entrepreneurCookie = await cookieFor('yrittaja@demo.tyopeili.fi');
  const facilitatorCookie = await cookieFor('ohjaaja@demo.tyopeili.fi');
  await pool.end();

  const cases: [string, string, Record<string, string>, ChildProcess][] = [
    ['bare Hono handler', `http://127.0.0.1:${barePort}/`, {}, bare.child],
    ['bare SSR page (/accessibility, no data)', appUrl + '/accessibility', {}, app.child],
    ['front page', appUrl + '/', {}, app.child],
    ['entrepreneur home (signed in)', appUrl + '/home', { cookie: entrepreneurCookie }, app.child],
    ['facilitator home (signed in)', appUrl + '/home', { cookie: facilitatorCookie }, app.child],
  ];
  const results: (LoadResult & { name: string; rssMiB: number })[] = [];
  for (const [name, url, headers, child] of cases) {
    await load(url, { connections, seconds: 1, headers }); // warm-up
    const r = await load(url, { connections, seconds, headers });
    results.push({ name, ...r, rssMiB: rssMiB(child.pid!) });
  }
  const base = results[0]!;
  const ssr = results[1]!;
  const lines = [`Työpeili bench: ${connections} connections × ${seconds} s per case, Node ${process.version}, ${os.cpus().length} cores`, `Data: the demo ×${scale} — ${counts.people} people, ${counts.groups} groups, ${counts.meetings} meetings, ${counts.steps} steps`, ''];
  lines.push('| case | req/s | p50 ms | p99 ms | errors | RSS MiB | req/s vs bare | p99 vs bare | req/s vs bare SSR | p99 vs bare SSR |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${r.rssMiB.toFixed(0)} | ${(r.rps / base.rps).toFixed(3)} | ${(r.p99 / base.p99).toFixed(1)}× | ${(r.rps / ssr.rps).toFixed(2)} | ${(r.p99 / ssr.p99).toFixed(1)}× |`,
    );
  }
  lines.push('', `Demo seed (2 organisations, 56 people, 10 groups, 18 months of meetings): ${seedSeconds.toFixed(2)} s; ${scale - 1} more copies: ${copiesSeconds.toFixed(1)} s`);
  console.log(lines.join('\n'));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/homes.json', JSON.stringify({ date: new Date().toISOString(), connections, seconds, scale, counts, seedSeconds, copiesSeconds, results }, null, 2));
  if (results.some((r) => r.errors > 0 || r.requests === 0)) {
    console.error('Some requests failed: the figures above are not valid.');
    process.exitCode = 1;
  }
}

try {
  await main();
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  rmSync(dataDir, { recursive: true, force: true });
}
