// Production mode: HSTS, Secure cookies, required TOTP for administrators and coordinators
// (demo accounts exempt), and no dev mailbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../tests/factories/organizations.ts';
import { users } from '../src/features/accounts/accounts.schema.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(48), APP_URL: 'https://tyopeili.example.fi', JOURNAL_KEY: 'j'.repeat(43) + '=', CREDENTIAL_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIDQ3hw0j/KekgFypAEDIXJvfTG0DOoPBzk6cR0hQyikF\n-----END PRIVATE KEY-----' });
});
afterAll(async () => {
  await app?.close();
});

describe('production', () => {
  it('sends HSTS for a year and upgrades insecure requests', async () => {
    const res = await fetch(app.url + '/');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('has no dev mailbox', async () => {
    expect((await fetch(app.url + '/dev/mailbox')).status).toBe(404);
  });

  it('sends coordinators without TOTP to set it up first; demo accounts are exempt', async () => {
    const org = await createTestOrganization(app.database.db);
    const coordinator = await createTestMember(app.database.db, { organizationId: org.id, role: 'coordinator' });
    const { cookie } = await signIn(app.database.db, coordinator.id);
    const home = await fetch(app.url + '/home', { headers: { cookie }, redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toMatch(/^\/profile/);
    expect((await fetch(app.url + '/profile', { headers: { cookie } })).status).toBe(200);

    const demo = await createTestMember(app.database.db, { organizationId: org.id, role: 'coordinator' });
    await app.database.db.update(users).set({ isDemo: true }).where(eq(users.id, demo.id));
    const demoSession = await signIn(app.database.db, demo.id);
    expect((await fetch(app.url + '/home', { headers: { cookie: demoSession.cookie }, redirect: 'manual' })).status).toBe(200);

    const entrepreneur = await createTestMember(app.database.db, { organizationId: org.id, role: 'entrepreneur' });
    const e = await signIn(app.database.db, entrepreneur.id);
    expect((await fetch(app.url + '/home', { headers: { cookie: e.cookie }, redirect: 'manual' })).status).toBe(200);
  });

  it('marks the session cookie Secure', async () => {
    const res = await fetch(app.url + '/sign-in', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://tyopeili.example.fi' },
      body: 'email=nobody%40example.fi&password=x',
    });
    expect(res.status).toBe(400);
    const language = await fetch(app.url + '/language', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://tyopeili.example.fi' },
      body: 'locale=sv&next=/',
    });
    expect(language.headers.get('set-cookie')).toContain('Secure');
    const { sessionCookie } = await import('../src/features/accounts/cookies.ts');
    expect(sessionCookie('abc', { isProduction: true })).toContain('Secure');
  });
});
