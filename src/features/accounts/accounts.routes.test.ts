// Signing in through the real app over HTTP: password, code, reset, TOTP, rate limits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { hashPassword } from './password.ts';
import { enableTotp, sealTotpKey, totpAt, newTotpKey } from './totp.ts';
import { rateLimitRules } from '../../platform/http/rate-limit.ts';

let app: TestApp;
let orgId: string;
const PASSWORD = 'kahvi pullaa ja rauhaa';
let passwordHash: string;

// Behind a trusted proxy each test comes from its own address, so per-IP limits do not leak between tests.
let clientIp = '';
let nextIp = 1;
beforeEach(() => {
  clientIp = `10.0.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
});

beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: 'true' });
  orgId = (await createTestOrganization(app.database.db)).id;
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await app?.close();
});

async function person(role: 'entrepreneur' | 'coordinator' = 'entrepreneur') {
  return createTestMember(app.database.db, { organizationId: orgId, role, passwordHash });
}

function post(path: string, body: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url, 'x-forwarded-for': clientIp, ...headers },
    body: new URLSearchParams(body).toString(),
  });
}

function cookieFrom(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0]!;
}

/** The newest mail job's values for this address (the job row is written in the same transaction). */
async function lastMailValues(to: string): Promise<Record<string, string | number>> {
  const { rows } = await app.database.pool.query<{ data: { to: string; values: Record<string, string | number> } }>(
    "SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on DESC LIMIT 1",
    [to],
  );
  if (!rows[0]) throw new Error('no mail for ' + to);
  return rows[0].data.values;
}

async function mailCount(to: string): Promise<number> {
  const { rows } = await app.database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1", [
    to,
  ]);
  return rows[0]!.n;
}

async function mailTemplate(to: string): Promise<string | undefined> {
  const { rows } = await app.database.pool.query<{ t: string }>(
    "SELECT data->>'template' AS t FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on DESC LIMIT 1",
    [to],
  );
  return rows[0]?.t;
}

async function auditCount(action: string): Promise<number> {
  const { rows } = await app.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
  return rows[0]!.n;
}

/** A page without its per-request values (CSRF token, CSP nonce, request id). */
const stripTokens = (html: string) => html.replace(/(nonce|value|content)="[A-Za-z0-9+/=_-]{16,}"/g, '$1=""');

describe('sign in with a password', () => {
  it('signs in, sets an HttpOnly SameSite=Lax cookie, and goes to next', async () => {
    const user = await person();
    const res = await post('/sign-in', { email: user.email.toUpperCase(), password: PASSWORD, next: '/profile' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/profile');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^tyopeili_session=[a-z2-7]{32};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Max-Age'); // not "stay signed in": a browser-session cookie
    const profile = await fetch(app.url + '/profile', { headers: { cookie: cookieFrom(res) } });
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain(user.email);
    const audit = await app.database.db.execute(sql`SELECT action FROM audit_log WHERE actor_user_id = ${user.id}`);
    expect(audit.rows.map((r) => r.action)).toContain('auth.sign_in');
  });

  it('keeps an entrepreneur signed in for 30 days when asked', async () => {
    const user = await person();
    const res = await post('/sign-in', { email: user.email, password: PASSWORD, remember: 'on' });
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=(259\d{4})/);
  });

  it('lets a demo account in with its short password (the length rule applies only when setting one)', async () => {
    const user = await createTestMember(app.database.db, { organizationId: orgId, role: 'entrepreneur', passwordHash: await hashPassword('demo-tyopeili') });
    const res = await post('/sign-in', { email: user.email, password: 'demo-tyopeili' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/home');
  });

  it('never redirects off the site', async () => {
    const user = await person();
    const res = await post('/sign-in', { email: user.email, password: PASSWORD, next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/home');
  });

  it('answers a wrong password and an unknown address the same way, and audits the failure', async () => {
    const user = await person();
    const wrong = await post('/sign-in', { email: user.email, password: 'wrong password here' });
    const unknown = await post('/sign-in', { email: 'nobody-here@example.fi', password: 'wrong password here' });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const a = await wrong.text();
    const b = await unknown.text();
    expect(a).toContain('Sähköpostiosoite tai salasana ei ole oikein');
    expect(b).toContain('Sähköpostiosoite tai salasana ei ole oikein');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const audit = await app.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign_in_failed' AND actor_user_id = ${user.id}`,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('shows per-field messages for bad input', async () => {
    const res = await post('/sign-in', { email: 'not-an-address', password: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Tarkista sähköpostiosoite');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('rate limits (twice the limit → 429 with Retry-After)', () => {
  it('per account on sign-in', async () => {
    const user = await person();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < rateLimitRules.signInPerAccount.limit * 2; i++) {
      const res = await post('/sign-in', { email: user.email, password: 'wrong password here' }, { 'x-test': String(i) });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      await res.text();
    }
    expect(statuses.slice(0, rateLimitRules.signInPerAccount.limit).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(rateLimitRules.signInPerAccount.limit).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password is refused while limited.
    const right = await post('/sign-in', { email: user.email, password: PASSWORD });
    expect(right.status).toBe(429);
    // The message says how long to wait, from the same Retry-After (issue 11).
    const wait = Math.ceil(Number(right.headers.get('retry-after')) / 60);
    expect(wait).toBeGreaterThan(0);
    expect(await right.text()).toContain(`Liian monta yritystä. Yritä uudelleen ${wait} minuutin kuluttua.`);
  });

  it('per IP on sign-in, code requests and resets', async () => {
    // Each rule is counted separately; the test app sees every request from 127.0.0.1.
    const cases: [string, (i: number) => Record<string, string>, number][] = [
      ['/sign-in', (i) => ({ email: `ip-${i}@example.fi`, password: 'wrong password here' }), rateLimitRules.signInPerIp.limit],
      ['/sign-in/code', (i) => ({ step: 'request', email: `code-${i}@example.fi` }), rateLimitRules.codeRequestPerIp.limit],
      ['/reset-password', (i) => ({ email: `reset-${i}@example.fi` }), rateLimitRules.resetPerIp.limit],
    ];
    for (const [path, body, limit] of cases) {
      const statuses: number[] = [];
      for (let i = 0; i < limit * 2; i++) {
        const res = await post(path, body(i));
        statuses.push(res.status);
        const html = await res.text();
        if (res.status === 429) {
          const wait = Math.ceil(Number(res.headers.get('retry-after')) / 60);
          expect(wait).toBeGreaterThan(0);
          expect(html, path).toContain(`Yritä uudelleen ${wait} minuutin kuluttua.`);
        }
      }
      expect(statuses.filter((s) => s === 429).length, path).toBe(limit);
    }
  });
});

describe('sign in with a code by e-mail', () => {
  it('sends a 6-digit code that works once', async () => {
    const user = await person();
    const req = await post('/sign-in/code', { step: 'request', email: user.email });
    expect(req.status).toBe(200);
    expect(await req.text()).toContain('lähetimme siihen koodin');
    const { code } = await lastMailValues(user.email);
    expect(String(code)).toMatch(/^\d{6}$/);
    const wrong = await post('/sign-in/code', { step: 'verify', email: user.email, code: String((Number(code) + 1) % 1_000_000).padStart(6, '0') });
    expect(wrong.status).toBe(400);
    const ok = await post('/sign-in/code', { step: 'verify', email: user.email, code: String(code) });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('set-cookie')).toContain('tyopeili_session=');
    const again = await post('/sign-in/code', { step: 'verify', email: user.email, code: String(code) });
    expect(again.status).toBe(400);
  });

  it('answers an unknown address the same and does the same work: one mail, which says there is no account', async () => {
    const user = await person();
    const known = await post('/sign-in/code', { step: 'request', email: user.email });
    const res = await post('/sign-in/code', { step: 'request', email: 'ghost@example.fi' });
    expect(res.status).toBe(known.status);
    expect(stripTokens(await res.text())).toBe(stripTokens(await known.text()).replaceAll(user.email, 'ghost@example.fi'));
    expect(await mailCount('ghost@example.fi')).toBe(1);
    expect(await mailTemplate('ghost@example.fi')).toBe('noAccount');
    expect(String((await lastMailValues('ghost@example.fi')).url)).toMatch(/\/apply$/);
  });

  it('stops a code after five wrong tries', async () => {
    const user = await person();
    await post('/sign-in/code', { step: 'request', email: user.email });
    const { code } = await lastMailValues(user.email);
    for (let i = 0; i < 5; i++) await post('/sign-in/code', { step: 'verify', email: user.email, code: code === '000000' ? '111111' : '000000' });
    const res = await post('/sign-in/code', { step: 'verify', email: user.email, code: String(code) });
    expect(res.status).toBe(400);
    // The same answer as any other refused code (issue 18: it must not tell that the account exists).
    expect(await res.text()).toContain('pyydä uusi koodi');
  });
});

describe('password reset', () => {
  it('sets a new password once and signs out everywhere', async () => {
    const user = await person();
    const first = await post('/sign-in', { email: user.email, password: PASSWORD });
    const oldCookie = cookieFrom(first);
    expect((await post('/reset-password', { email: user.email })).status).toBe(200);
    const { url } = await lastMailValues(user.email);
    const path = new URL(String(url)).pathname;
    expect((await fetch(app.url + path)).status).toBe(200);
    const weak = await post(path, { password: 'short', confirm: 'short' });
    expect(weak.status).toBe(400);
    const done = await post(path, { password: 'uusi pitkä salasana tähän', confirm: 'uusi pitkä salasana tähän' });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/sign-in?reset=done');
    expect((await fetch(app.url + path)).status).toBe(410);
    // The old session is gone; the new password works.
    const old = await fetch(app.url + '/profile', { headers: { cookie: oldCookie }, redirect: 'manual' });
    expect(old.status).toBe(302);
    expect((await post('/sign-in', { email: user.email, password: 'uusi pitkä salasana tähän' })).status).toBe(302);
  });
});

describe('two-step verification', () => {
  it('asks for the TOTP code after the password and accepts a recovery code once', async () => {
    const user = await person('coordinator');
    const key = newTotpKey();
    const recovery = await enableTotp(app.database.db, user.id, sealTotpKey(app.services.config.sessionSecret, user.id, key));
    const first = await post('/sign-in', { email: user.email, password: PASSWORD });
    expect(first.headers.get('location')).toMatch(/^\/sign-in\/two-factor/);
    const cookie = cookieFrom(first);
    // Not signed in yet.
    expect((await fetch(app.url + '/profile', { headers: { cookie }, redirect: 'manual' })).status).toBe(302);
    expect((await post('/sign-in/two-factor', { code: '000000' }, { cookie })).status).toBe(400);
    const ok = await post('/sign-in/two-factor', { code: totpAt(key, new Date()) }, { cookie });
    expect(ok.status).toBe(302);
    expect((await fetch(app.url + '/profile', { headers: { cookie } })).status).toBe(200);

    const second = await post('/sign-in', { email: user.email, password: PASSWORD });
    const cookie2 = cookieFrom(second);
    expect((await post('/sign-in/two-factor', { code: recovery[0]! }, { cookie: cookie2 })).status).toBe(302);
    const third = await post('/sign-in', { email: user.email, password: PASSWORD });
    expect((await post('/sign-in/two-factor', { code: recovery[0]! }, { cookie: cookieFrom(third) })).status).toBe(400);
  });
});

describe('a TOTP code is accepted once (issue 18)', () => {
  it('the same code is refused in a second session, and an earlier one too; the next step’s code works', async () => {
    const user = await person('coordinator');
    const key = newTotpKey();
    await enableTotp(app.database.db, user.id, sealTotpKey(app.services.config.sessionSecret, user.id, key));
    const now = new Date();
    const code = totpAt(key, now);
    const a = cookieFrom(await post('/sign-in', { email: user.email, password: PASSWORD }));
    expect((await post('/sign-in/two-factor', { code }, { cookie: a })).status).toBe(302);
    const b = cookieFrom(await post('/sign-in', { email: user.email, password: PASSWORD }));
    expect((await post('/sign-in/two-factor', { code }, { cookie: b })).status).toBe(400);
    expect((await post('/sign-in/two-factor', { code: totpAt(key, new Date(now.getTime() - 30_000)) }, { cookie: b })).status).toBe(400);
    expect((await fetch(app.url + '/profile', { headers: { cookie: b }, redirect: 'manual' })).status).toBe(302);
    expect((await post('/sign-in/two-factor', { code: totpAt(key, new Date(now.getTime() + 30_000)) }, { cookie: b })).status).toBe(302);
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the person', async () => {
    const user = await person();
    const a = cookieFrom(await post('/sign-in', { email: user.email, password: PASSWORD }));
    const b = cookieFrom(await post('/sign-in', { email: user.email, password: PASSWORD }));
    const res = await post('/profile', { intent: 'sign-out-everywhere' }, { cookie: a });
    expect(res.status).toBe(302);
    for (const cookie of [a, b]) expect((await fetch(app.url + '/profile', { headers: { cookie }, redirect: 'manual' })).status).toBe(302);
  });
});

describe('the code step does not tell whether an address has an account (issue 18)', () => {
  it('a used code of a real account, a real account with no code and an unknown address get the same answer', async () => {
    const user = await person();
    await post('/sign-in/code', { step: 'request', email: user.email });
    const { code } = await lastMailValues(user.email);
    expect((await post('/sign-in/code', { step: 'verify', email: user.email, code: String(code) })).status).toBe(302);
    const withoutCode = await person();
    const answers = await Promise.all(
      [
        { step: 'verify', email: user.email, code: String(code) },
        { step: 'verify', email: withoutCode.email, code: '123456' },
        { step: 'verify', email: 'nobody-here@example.fi', code: '123456' },
      ].map(async (form) => {
        const res = await post('/sign-in/code', form);
        const html = await res.text();
        return { status: res.status, message: /<p[^>]*id="code-error"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? /Koodi ei kelpaa[^<]*/.exec(html)?.[0] ?? null };
      }),
    );
    expect(answers[0]!.message).toContain('Koodi ei kelpaa');
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
    // The unknown address took the same path: a failed attempt in the audit log like the others.
    const { rows } = await app.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign_in_failed' AND actor_user_id IS NULL AND metadata->>'method' = 'code'`,
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

describe('reset for an unknown address (issue 18)', () => {
  it('answers the same as for an account and does the same work: one mail and one audit row', async () => {
    const user = await person();
    const auditBefore = await auditCount('auth.password_reset_requested');
    const known = await post('/reset-password', { email: user.email });
    const unknown = await post('/reset-password', { email: 'nobody-reset@example.fi' });
    expect(unknown.status).toBe(known.status);
    expect(stripTokens(await unknown.text())).toBe(stripTokens(await known.text()).replaceAll(user.email, 'nobody-reset@example.fi'));
    expect(await mailCount('nobody-reset@example.fi')).toBe(1);
    expect(await mailTemplate('nobody-reset@example.fi')).toBe('noAccount');
    expect(await mailTemplate(user.email)).toBe('passwordReset');
    expect((await auditCount('auth.password_reset_requested')) - auditBefore).toBe(2);
  });
});

describe('reset links and re-authentication (issue 18)', () => {
  async function resetPath(email: string): Promise<string> {
    expect((await post('/reset-password', { email })).status).toBe(200);
    return new URL(String((await lastMailValues(email)).url)).pathname;
  }

  it('an older reset link stops working once a newer one is used', async () => {
    const user = await person();
    const older = await resetPath(user.email);
    const newer = await resetPath(user.email);
    expect(older).not.toBe(newer);
    expect((await post(newer, { password: 'uusi pitkä salasana tähän', confirm: 'uusi pitkä salasana tähän' })).status).toBe(302);
    expect((await fetch(app.url + older)).status).toBe(410);
    expect((await post(older, { password: 'toinen pitkä salasana', confirm: 'toinen pitkä salasana' })).status).not.toBe(302);
  });

  it('a reset link stops working once the password is changed on the profile', async () => {
    const user = await person();
    const link = await resetPath(user.email);
    const cookie = cookieFrom(await post('/sign-in', { email: user.email, password: PASSWORD }));
    const changed = await post(
      '/profile',
      { intent: 'password', currentPassword: PASSWORD, newPassword: 'vaihdettu pitkä salasana', confirm: 'vaihdettu pitkä salasana' },
      { cookie },
    );
    expect(changed.status).toBe(200);
    expect((await fetch(app.url + link)).status).toBe(410);
  });

  it('the current-password check on the profile is rate limited per person', async () => {
    const user = await person();
    const cookie = cookieFrom(await post('/sign-in', { email: user.email, password: PASSWORD }));
    const statuses: number[] = [];
    for (let i = 0; i < rateLimitRules.reauthPerAccount.limit + 2; i++) {
      const res = await post(
        '/profile',
        { intent: 'password', currentPassword: 'väärä salasana ' + i, newPassword: 'vaihdettu pitkä salasana', confirm: 'vaihdettu pitkä salasana' },
        { cookie, 'x-forwarded-for': `10.9.0.${i}` },
      );
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses.slice(0, rateLimitRules.reauthPerAccount.limit).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(rateLimitRules.reauthPerAccount.limit)).toEqual([429, 429]);
    // Even the right password waits now.
    const right = await post(
      '/profile',
      { intent: 'password', currentPassword: PASSWORD, newPassword: 'vaihdettu pitkä salasana', confirm: 'vaihdettu pitkä salasana' },
      { cookie },
    );
    expect(right.status).toBe(429);
    const wait = Math.ceil(Number(right.headers.get('retry-after')) / 60);
    expect(await right.text()).toContain(`Yritä uudelleen ${wait} minuutin kuluttua.`);
  });
});
