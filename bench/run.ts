// `npm run bench`: the app on a fresh embedded database (with the demo data) against a
// bare Hono handler, in one run: requests/s, p50, p99, RSS, and the ratios; a table on stdout and
// bench/results/homes*.json. `npm run bench -- --soak 600` adds the soak; `-- --profile` a CPU profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createSession } from '../src/features/accounts/sessions.ts';
import { users } from '../src/features/accounts/accounts.schema.ts';
import { createDb, createPool } from '../src/platform/db/db.ts';
import { freePort } from '../src/platform/db/embedded.ts';
import { cpuMs, load, rssMiB, sampleRss, type LoadResult } from './load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** How many times the demo programme is in the database (issue 4: ×10). */
const scale = Number(process.env.BENCH_SCALE ?? 10);
const args = process.argv.slice(2);
/** `--soak 600`: after the cases, 600 s of mixed signed-in traffic at half the measured maximum. */
const soakSeconds = args.includes('--soak') ? Number(args[args.indexOf('--soak') + 1] ?? 600) : 0;
/** `--profile`: the app runs under `node --cpu-prof`; the profile lands in bench/results/profiles/. */
const profile = args.includes('--profile');
const children: ChildProcess[] = [];
/** BENCH_DIR keeps the generated database between runs (seeded once); else a throwaway directory. */
const keepDir = process.env.BENCH_DIR ? path.resolve(process.env.BENCH_DIR) : null;
if (keepDir) mkdirSync(keepDir, { recursive: true });
const dataDir = keepDir ?? mkdtempSync(path.join(os.tmpdir(), 'tyopeili-bench-'));

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
  const nodeArgs = profile ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : [];
  const app = start([...nodeArgs, 'server/main.ts'], { NODE_ENV: 'production', PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_URL: 'https://bench.invalid', SESSION_SECRET: 'bench-'.repeat(8), JOURNAL_KEY: 'be'.repeat(32), CREDENTIAL_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIDQ3hw0j/KekgFypAEDIXJvfTG0DOoPBzk6cR0hQyikF\n-----END PRIVATE KEY-----', LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO_SEED: 'auto' });
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
  const seeded = await seedDemoIfEmpty({ db });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // The demo multiplied: copies 2…scale of both organisations beside it (the homes' queries must not grow with them).
  const copiesStarted = performance.now();
  if (seeded) for (let k = 2; k <= scale; k++) await seedDemoCopy({ db }, k);
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

  const rss = sampleRss(app.child.pid!);
  const entrepreneur = { cookie: entrepreneurCookie };
  const facilitator = { cookie: facilitatorCookie };
  const cases: [string, string, Record<string, string>, ChildProcess, number][] = [
    ['bare Hono handler', `http://127.0.0.1:${barePort}/`, {}, bare.child, connections],
    ['bare SSR page (/bench/bare, no data)', appUrl + '/bench/bare', {}, app.child, connections],
    ['front page', appUrl + '/', {}, app.child, connections],
    ['entrepreneur home (signed in)', appUrl + '/home', entrepreneur, app.child, connections],
    ['facilitator home (signed in)', appUrl + '/home', facilitator, app.child, connections],
    ['entrepreneur home, 50 connections', appUrl + '/home', entrepreneur, app.child, 50],
    ['facilitator home, 50 connections', appUrl + '/home', facilitator, app.child, 50],
  ];
  type CaseResult = LoadResult & { name: string; connections: number; cpuMsPerRequest: number; rssMiB: number };
  const results: CaseResult[] = [];
  /** BENCH_CASES=regex runs only the matching cases (profiling one page); the ratios need the first two. */
  const only = process.env.BENCH_CASES ? new RegExp(process.env.BENCH_CASES, 'i') : null;
  for (const [name, url, headers, child, c] of cases.filter(([name], i) => !only || i < 2 || only.test(name))) {
    await load(url, { connections: c, seconds: 1, headers }); // warm-up
    const cpuBefore = cpuMs(child.pid!);
    const r = await load(url, { connections: c, seconds, headers });
    // CPU per request: what the server spent, whatever else the machine was doing meanwhile.
    const cpuPerRequest = (cpuMs(child.pid!) - cpuBefore) / Math.max(1, r.requests + r.errors);
    results.push({ name, connections: c, ...r, cpuMsPerRequest: cpuPerRequest, rssMiB: rssMiB(child.pid!) });
  }
  const base = results[0]!;
  const ssr = results[1]!;
  const load1 = os.loadavg()[0]!;
  const lines = [
    `Työpeili bench: ${seconds} s per case, Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `Data: the demo ×${scale} — ${counts.people} people, ${counts.groups} groups, ${counts.meetings} meetings, ${counts.steps} steps`,
    '',
  ];
  lines.push('| case | conns | req/s | p50 ms | p99 ms | errors | RSS MiB | CPU ms/req | req/s vs bare | req/s vs bare SSR | p99 vs bare SSR | CPU/req vs bare SSR |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${r.rssMiB.toFixed(0)} | ${r.cpuMsPerRequest.toFixed(2)} | ${(r.rps / base.rps).toFixed(3)} | ${(r.rps / ssr.rps).toFixed(2)} | ${(r.p99 / ssr.p99).toFixed(1)}× | ${(r.cpuMsPerRequest / ssr.cpuMsPerRequest).toFixed(2)}× |`,
    );
  }
  lines.push('', `App RSS through the cases: max ${rss.max().toFixed(0)} MiB`);
  if (seeded) lines.push(`Demo seed (2 organisations, 56 people, 10 groups, 18 months of meetings): ${seedSeconds.toFixed(2)} s; ${scale - 1} more copies: ${copiesSeconds.toFixed(1)} s`);

  // The soak: mixed signed-in and public pages at half the maximum the homes reached, RSS sampled throughout.
  let soak: { seconds: number; rate: number; result: LoadResult; rssStartMiB: number; rssEndMiB: number; rssMaxMiB: number; growth: number } | null = null;
  if (soakSeconds > 0) {
    const homes = results.filter((r) => r.name.includes('home') && r.connections === connections);
    const rate = Math.max(1, Math.round(Math.min(...homes.map((r) => r.rps)) / 2));
    // (not '/': it redirects a signed-in person to /home, which the load counts as an error)
    const soakUrls = [appUrl + '/home', appUrl + '/privacy', appUrl + '/bench/bare'];
    await load(soakUrls, { connections, seconds: 30, rate, headers: entrepreneur }); // settle first: the start sample is after warm-up
    const rssStart = rssMiB(app.child.pid!);
    const soakRss = sampleRss(app.child.pid!, 1000);
    const half = Math.floor(connections / 2);
    const [a, b] = await Promise.all([
      load(soakUrls, { connections: connections - half, seconds: soakSeconds, rate: rate / 2, headers: entrepreneur }),
      load(soakUrls, { connections: half, seconds: soakSeconds, rate: rate / 2, headers: facilitator }),
    ]);
    soakRss.stop();
    const rssEnd = rssMiB(app.child.pid!);
    const all = [...[a, b]];
    const result: LoadResult = {
      requests: a.requests + b.requests,
      errors: a.errors + b.errors,
      seconds: Math.max(a.seconds, b.seconds),
      rps: a.rps + b.rps,
      p50: Math.max(...all.map((x) => x.p50)),
      p99: Math.max(...all.map((x) => x.p99)),
    };
    soak = { seconds: soakSeconds, rate, result, rssStartMiB: rssStart, rssEndMiB: rssEnd, rssMaxMiB: soakRss.max(), growth: rssEnd / rssStart - 1 };
    lines.push(
      '',
      `Soak: ${soakSeconds} s at ${rate} req/s (half the slower home's maximum), homes + privacy + bare page: ${result.requests} requests, ${result.errors} errors, p99 ≤ ${result.p99.toFixed(1)} ms; RSS ${rssStart.toFixed(0)} → ${rssEnd.toFixed(0)} MiB (${(soak.growth * 100).toFixed(1)} %), max ${soak.rssMaxMiB.toFixed(0)} MiB`,
    );
  }
  rss.stop();
  console.log(lines.join('\n'));
  mkdirSync('bench/results', { recursive: true });
  const stamp = new Date().toISOString();
  const json = JSON.stringify({ date: stamp, loadAverage: load1, connections, seconds, scale, counts, seedSeconds, copiesSeconds, rssMaxMiB: rss.max(), results, soak }, null, 2);
  writeFileSync('bench/results/homes.json', json);
  writeFileSync(`bench/results/homes-${stamp.replace(/[:.]/g, '-')}.json`, json);
  if (soak && (soak.result.errors > 0 || soak.growth > 0.1)) {
    console.error('The soak failed: errors or RSS growth above 10 %.');
    process.exitCode = 1;
  }
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
  if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
}
