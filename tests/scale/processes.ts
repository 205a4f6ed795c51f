// App instances and workers as child processes for the scale tests (issue 13).
import { spawn, type ChildProcess } from 'node:child_process';

const SHARED_ENV = {
  NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', DEMO_SEED: 'off', SMTP_URL: '', TEST_DATABASE_URL: '',
  SESSION_SECRET: 'instances-test-session-secret-0123456789abcdef',
  JOURNAL_KEY: Buffer.alloc(32, 7).toString('base64'),
};

const children: ChildProcess[] = [];

/** SIGKILL for whatever is still running (afterAll). */
export function killAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

export interface Proc { child: ChildProcess; url: Promise<string>; exited: Promise<number | null>; output: () => string }

export function spawnNode(script: string, env: Record<string, string>, ready: RegExp): Proc {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...SHARED_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = ready.exec(output);
      if (m) resolve(m[1] ?? '');
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
  });
  url.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

export const startInstance = (databaseUrl: string, env: Record<string, string> = {}) => spawnNode('server/main.ts', { DATABASE_URL: databaseUrl, WORKER: 'off', ...env }, /Työpeili is running at (http:\/\/\S+)/);
export const startWorker = (databaseUrl: string) => spawnNode('server/worker.ts', { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' }, /(worker running)/);

export async function waitFor(predicate: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out: ' + what);
}

export function post(base: string, path: string, body: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...headers },
    body: new URLSearchParams(body).toString(),
  });
}

export function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('session'));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

