// Every route in app/routes.ts (so new routes are fuzzed without anyone remembering to)
// gets FUZZ_RUNS (default 100 in `npm test`; `FUZZ_RUNS=1000` for the full sweep) generated bad requests in development mode (the one that
// used to show stack traces), as nobody and as each kind of
// staff and member, against the real app on the demo data: no answer is 5xx, no body
// carries a stack trace or SQL, and a rejected request (4xx) changes no row. Changes are
// counted by a row trigger on every table (rolled back work does not count), and each
// route's run is bracketed by row counts and checksums of every table.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import routes from '../../app/routes.ts';
import { createApp } from '../../server/app.ts';
import { loadServerBuild, startApp, type RunningApp } from '../../server/start.ts';
import { demoLogins } from '../../src/demo/demo-accounts.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createSession, SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createTestDatabase, type TestDatabase } from '../setup/database.ts';
import { badId, badRequest, badValue, type BadRequest } from './bad-inputs.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Tables a rejected request may still touch: the session's last use, rate-limit counters, the audit of a failed attempt. */
const MAY_CHANGE = new Set(['sessions', 'rate_limit_buckets', 'audit_log']);

interface RouteEntry {
  path?: string;
  file: string;
  index?: boolean;
  children?: RouteEntry[];
}
function flatten(entries: RouteEntry[], prefix = ''): { path: string; file: string }[] {
  return entries.flatMap((e) => {
    const p = e.index ? prefix || '/' : `${prefix}/${e.path ?? ''}`.replace(/\/+/g, '/');
    return [{ path: p, file: e.file }, ...flatten(e.children ?? [], p)];
  });
}
/** FUZZ_ONLY=regex narrows the run while working on one route. */
const allRoutes = flatten(routes as RouteEntry[]).filter((r) => !process.env.FUZZ_ONLY || new RegExp(process.env.FUZZ_ONLY).test(r.path));

/** The field names and intents the route's own forms use, read from its source. */
function formVocabulary(file: string): { names: string[]; intents: string[] } {
  const source = readFileSync(path.resolve('app', file), 'utf8');
  const names = new Set<string>();
  for (const m of source.matchAll(/name="([\w.[\]-]+)"/g)) names.add(m[1]!);
  for (const m of source.matchAll(/form(?:\.get\(|\.|\[)'?([a-zA-Z_]\w*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/id="([a-zA-Z][\w-]*)"/g)) names.add(m[1]!);
  const intents = new Set<string>();
  for (const m of source.matchAll(/intent(?:\s*===\s*|"\s+value=")['"]([\w-]+)['"]/g)) intents.add(m[1]!);
  for (const m of source.matchAll(/case '([\w-]+)':/g)) intents.add(m[1]!);
  names.delete('intent');
  return { names: [...names], intents: [...intents] };
}

let app: RunningApp;
/** The same Hono app, called in-process (no sockets: a request costs what the app does). */
let appFetch: (request: Request) => Response | Promise<Response>;
let database: TestDatabase;
const realIds: Record<string, string[]> = {};
const cookies: (string | null)[] = [];

async function firstIds(sql: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ id: string }>(sql);
  return rows.map((r) => String(r.id));
}

/** Counted row changes so far (a row trigger on every table but MAY_CHANGE). */
async function changes(): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>('SELECT n FROM fuzz_changes');
  return Number(rows[0]!.n);
}

async function checksums(): Promise<Record<string, string>> {
  const { rows } = await database.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  // Order-free: the row count and the sum of a 64-bit hash of every row, one query for all tables.
  const tables = rows.map((r) => r.table_name).filter((t) => !MAY_CHANGE.has(t) && t !== 'fuzz_changes');
  const { rows: sums } = await database.pool.query<{ t: string; n: string; sum: string | null }>(
    tables.map((t) => `SELECT '${t}' AS t, count(*)::text AS n, sum(hashtextextended(x::text, 0)::numeric)::text AS sum FROM "${t}" x`).join(' UNION ALL '),
  );
  return Object.fromEntries(sums.map((r) => [r.t, `${r.n}:${r.sum ?? ''}`]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO_SEED: 'off' });
  // No worker: scheduled jobs would change rows while the fuzz counts changes.
  app = await startApp({ config, log: createLogger(config.logLevel), databaseUrl: database.url, seedDemo: false, runWorker: false });
  await seedDemo(app.services);
  const { build, clientDir } = await loadServerBuild();
  const hono = createApp({ services: app.services, build, buildClientDir: clientDir });
  appFetch = (request) => hono.fetch(request);
  await database.pool.query(`
    CREATE TABLE fuzz_changes (n bigint NOT NULL);
    INSERT INTO fuzz_changes VALUES (0);
    CREATE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE fuzz_changes SET n = n + 1; RETURN NULL; END $$;`);
  const { rows } = await database.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  for (const { table_name: t } of rows) {
    if (MAY_CHANGE.has(t) || t === 'fuzz_changes') continue;
    await database.pool.query(`CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION fuzz_count()`);
  }
  const org = `(SELECT id FROM organizations ORDER BY slug LIMIT 1)`;
  realIds.groupId = await firstIds(`SELECT id FROM groups WHERE organization_id = ${org} LIMIT 2`);
  realIds.meetingId = await firstIds(`SELECT id FROM meetings WHERE organization_id = ${org} LIMIT 2`);
  realIds.userId = await firstIds(`SELECT user_id AS id FROM group_members LIMIT 2`);
  realIds.organizationId = await firstIds(`SELECT id FROM organizations LIMIT 2`);
  realIds.instrumentId = await firstIds(`SELECT id FROM custom_instruments LIMIT 2`);
  realIds.checkInId = await firstIds(`SELECT id FROM check_ins LIMIT 2`);
  realIds.id = [
    ...(await firstIds(`SELECT id FROM applications LIMIT 1`)),
    ...(await firstIds(`SELECT id FROM journal_entries LIMIT 1`)),
    ...(await firstIds(`SELECT id FROM materials LIMIT 1`)),
    ...(await firstIds(`SELECT id FROM dev_mailbox LIMIT 1`)),
  ];
});
const timings: string[] = [];
afterAll(async () => {
  if (process.env.FUZZ_TIMINGS) console.log(timings.join('\n'));
  await app?.stop();
  await database?.drop();
});

/** Fresh sessions for each route: nobody, admin, coordinator, facilitator, entrepreneur (a fuzzed sign-out must not blunt the rest). */
async function signInEveryone() {
  cookies.length = 0;
  cookies.push(null);
  for (const role of ['admin', 'coordinator', 'facilitator', 'entrepreneur'] as const) {
    const email = demoLogins.find((l) => l.role === role)!.email;
    const { rows } = await database.pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    const session = await createSession(app.services.db, { userId: rows[0]!.id, rememberMe: false });
    cookies.push(`${SESSION_COOKIE}=${session.token}`);
  }
}

const STACK_OR_SQL = [
  /\bat [\w$.<>[\] ]+ \([^)]*:\d+:\d+\)/,
  /node_modules\//,
  /"stack"\s*:/,
  /\.tsx?:\d+:\d+/,
  /\b(from|into|update) "[a-z_]+"/,
  /invalid input syntax|violates [a-z ]*constraint|field value out of range|Failed query|DrizzleQueryError|PostgresError|syntax error at/i,
];

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)\??/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x')).replace(/\*$/, 'x');
}

describe('no request from this generator answers 5xx, leaks, or changes data when rejected', () => {
  for (const route of allRoutes) {
    it(`${route.path} (${route.file})`, async () => {
      await signInEveryone();
      const vocabulary = formVocabulary(route.file);
      const paramNames = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const param = (name: string) => (realIds[name]?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...realIds[name]!) }, { weight: 1, arbitrary: fc.oneof(badId, badValue) }) : fc.oneof(badId, badValue));
      const params = fc.record(Object.fromEntries(paramNames.map((n) => [n, param(n)])) as Record<string, fc.Arbitrary<string>>);
      const arbitrary = fc.tuple(badRequest(vocabulary.names, vocabulary.intents), params, fc.nat(cookies.length - 1), fc.nat(2));
      const started = performance.now();
      const before = await checksums();
      const changesBefore = await changes();
      const checksumMs = performance.now() - started;
      const failures: string[] = [];
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async ([bad, p, who, documentOrData]: [BadRequest, Record<string, string>, number, number]) => {
          // Mostly React Router's data requests (the same loaders and actions without the page render), one in three a document request.
          const filled = fillPath(route.path, p);
          const url = new URL(app.url + (documentOrData > 0 ? (filled === '/' ? '/_root.data' : `${filled}.data`) : filled));
          for (const [k, v] of bad.query) url.searchParams.append(k, v);
          const cookie = cookies[who];
          const headers: Record<string, string> = { ...bad.headers, origin: app.url, ...(cookie ? { cookie } : {}) };
          const n0 = await changes();
          const res = await appFetch(new Request(url, { method: bad.method, headers, body: bad.body as BodyInit | null, redirect: 'manual' }));
          const body = await res.text();
          const n1 = await changes();
          const what = `${bad.method} ${url.pathname} [${bad.kind}] as #${who} → ${res.status}`;
          if (res.status >= 500) failures.push(`${what}: ${body.slice(0, 300)}`);
          const leak = STACK_OR_SQL.find((re) => re.test(body));
          if (leak) failures.push(`${what}: body matches ${leak}: ${body.slice(Math.max(0, body.search(leak) - 100), body.search(leak) + 200)}`);
          if (res.status >= 400 && n1 !== n0) failures.push(`${what}: rejected but changed ${n1 - n0} rows`);
          if (res.status < 400 && n1 !== n0) accepted++;
          return failures.length === 0;
        }),
        { numRuns: RUNS, endOnFailure: true },
      ).catch(() => {});
      expect(failures.slice(0, 5)).toEqual([]);
      if ((await changes()) === changesBefore) expect(await checksums()).toEqual(before);
      expect(accepted).toBeLessThanOrEqual(RUNS);
      timings.push(`${route.path}: ${Math.round(performance.now() - started)} ms (checksums ${Math.round(checksumMs)} ms)`);
    });
  }
});
