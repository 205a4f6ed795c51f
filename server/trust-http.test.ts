// The dev mailbox only for loopback clients of a loopback-only server (or a signed-in
// admin); Cache-Control: no-store on pages and files; 404s logged at info, not as errors.
import pino from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './start.ts';
import { loadConfig } from '../src/platform/config.ts';
import { devMailboxOpenTo } from '../src/platform/mail/dev-mailbox.ts';
import { createTestDatabase, type TestDatabase } from '../tests/setup/database.ts';
import { createTestMember, createTestOrganization, signIn } from '../tests/factories/organizations.ts';

const lines: { level: number; msg: string; status?: number; path?: string }[] = [];
let app: RunningApp;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DEMO_SEED: 'off' });
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = await startApp({ config, log: pino({ level: 'info' }, sink), databaseUrl: database.url, seedDemo: false, runWorker: false });
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe('the dev mailbox', () => {
  const dev = loadConfig({ NODE_ENV: 'development', HOST: '127.0.0.1' });
  const publicDev = loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' });
  const proxied = loadConfig({ NODE_ENV: 'development', HOST: '127.0.0.1', TRUST_PROXY: 'true' });
  it.each([
    ['loopback server, loopback client', dev, '127.0.0.1', false, true],
    ['loopback server, IPv6 loopback client', dev, '::1', false, true],
    ['loopback server, IPv4-mapped loopback', dev, '::ffff:127.0.0.1', false, true],
    ['loopback server, LAN client', dev, '192.168.1.20', false, false],
    ['public interface, loopback client', publicDev, '127.0.0.1', false, false],
    ['public interface, signed-in admin', publicDev, '192.168.1.20', true, true],
    ['behind a proxy (forwarded address not trusted for this)', proxied, '127.0.0.1', false, false],
  ])('%s', (_label, config, clientIp, isAdmin, open) => {
    expect(devMailboxOpenTo(config, { clientIp, isAdmin })).toBe(open);
  });

  it('never in production, not even for an admin on loopback', () => {
    const production = loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1', SESSION_SECRET: 'x'.repeat(40), APP_URL: 'https://tyopeili.example.fi', JOURNAL_KEY: Buffer.alloc(32, 1).toString('base64'), CREDENTIAL_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIDQ3hw0j/KekgFypAEDIXJvfTG0DOoPBzk6cR0hQyikF\n-----END PRIVATE KEY-----' });
    expect(devMailboxOpenTo(production, { clientIp: '127.0.0.1', isAdmin: true })).toBe(false);
  });

  it('answers a loopback client of the running app', async () => {
    expect((await fetch(app.url + '/dev/mailbox')).status).toBe(200);
  });
});

describe('headers and logs', () => {
  it('pages of a signed-in person and public pages say no-store; built assets stay cacheable', async () => {
    const org = await createTestOrganization(database.db, { slug: 'trust-headers' });
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' });
    const { cookie } = await signIn(database.db, user.id);
    for (const path of ['/home', '/profile', '/organization/members', '/profile/data-access']) {
      const res = await fetch(app.url + path, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await fetch(app.url + '/')).headers.get('cache-control')).toBe('no-store');
    // Public and entrepreneur pages ship no script (ADR 014): a staff page's bundle is the asset to check.
    const html = await (await fetch(app.url + '/home', { headers: { cookie } })).text();
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(app.url + asset!)).headers.get('cache-control')).toContain('immutable');
  });

  it('an unknown path and a malformed id are 404s logged at info, with no error line', async () => {
    const org = await createTestOrganization(database.db, { slug: 'trust-logs' });
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
    const { cookie } = await signIn(database.db, user.id);
    lines.length = 0;
    expect((await fetch(app.url + '/no-such-page')).status).toBe(404);
    expect((await fetch(app.url + '/groups/not-a-uuid/board', { headers: { cookie } })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.msg === 'request' && l.status === 404 && l.level === 30).map((l) => l.path)).toEqual(['/no-such-page', '/groups/not-a-uuid/board']);
  });
});
