// `npm run lighthouse`: Lighthouse (mobile preset: a mid-range phone, simulated slow 4G) with
// Debian's Chromium on the front page, sign-in, and the demo entrepreneur's home, steps and
// progress, on a fresh embedded database with the demo. Prints the scores and fails below
// performance 95, accessibility 100, best practices 95. Reports: bench/results/lighthouse/.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { eq } from 'drizzle-orm';
import lighthouse from 'lighthouse';
import { users } from '../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE, createSession } from '../src/features/accounts/sessions.ts';
import { createDb, createPool } from '../src/platform/db/db.ts';
import { freePort } from '../src/platform/db/embedded.ts';

const budget = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tyopeili-lighthouse-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = spawn(process.execPath, ['server/main.ts'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_URL: base, LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO_SEED: 'auto', NODE_ENV: 'development' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base + '/readyz')).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 600 || app.exitCode !== null) throw new Error('the app did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  const pool = createPool(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pid[3]}/postgres`, 1);
  const db = createDb(pool);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'yrittaja@demo.tyopeili.fi'));
  if (!user) throw new Error('no demo entrepreneur');
  const session = await createSession(db, { userId: user.id, rememberMe: true });
  await pool.end();

  chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const pages: [string, boolean][] = [['/', false], ['/sign-in', false], ['/home', true], ['/steps', true], ['/progress', true]];
  const rows: string[] = ['| page | performance | accessibility | best practices |', '|---|---|---|---|'];
  const failures: string[] = [];
  const out = path.resolve('bench/results/lighthouse');
  mkdirSync(out, { recursive: true });
  for (const [page, signedIn] of pages) {
    const result = await lighthouse(base + page, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(budget),
      extraHeaders: signedIn ? { Cookie: `${SESSION_COOKIE}=${session.token}` } : undefined,
    });
    if (!result) throw new Error(`no result for ${page}`);
    const scores = Object.fromEntries(Object.entries(budget).map(([k]) => [k, Math.round((result.lhr.categories[k]?.score ?? 0) * 100)])) as Record<keyof typeof budget, number>;
    rows.push(`| ${page} | ${scores.performance} | ${scores.accessibility} | ${scores['best-practices']} |`);
    for (const [k, min] of Object.entries(budget) as [keyof typeof budget, number][]) {
      if (scores[k] < min) {
        const failing = Object.values(result.lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && result.lhr.categories[k]?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
          .map((a) => a.id);
        failures.push(`${page}: ${k} ${scores[k]} < ${min} (${failing.join(', ')})`);
      }
    }
    writeFileSync(path.join(out, `${page === '/' ? 'front' : page.slice(1).replace(/\//g, '-')}.json`), String(result.report));
  }
  console.log(rows.join('\n'));
  if (failures.length) {
    console.error('Below the budget:\n' + failures.join('\n'));
    process.exitCode = 1;
  }
} finally {
  await chrome?.kill();
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
