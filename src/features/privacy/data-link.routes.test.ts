// People without an account use their rights by an e-mailed link (issue 18): /my-data mails a sealed
// link (always one mail), the link shows what is kept under the address, downloads it and erases it;
// a forged, altered or expired link is refused, and an address with an account is sent to sign in.
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { applications } from '../intake/intake.schema.ts';
import { DATA_LINK_TTL_MS, openDataLink, sealDataLink } from './data-link.ts';

let app: TestApp;
let orgId: string;

beforeAll(async () => {
  app = await startTestApp();
  orgId = (await createTestOrganization(app.database.db)).id;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

function post(path: string, fields: Record<string, string>) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
    body: new URLSearchParams(fields).toString(),
  });
}

async function lastMail(to: string): Promise<{ template: string; values: Record<string, string> } | undefined> {
  const { rows } = await app.database.pool.query<{ data: { template: string; values: Record<string, string> } }>(
    "SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on DESC LIMIT 1",
    [to],
  );
  return rows[0]?.data;
}

async function applicationsOf(email: string): Promise<number> {
  const { rows } = await app.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM applications WHERE lower(email) = lower($1)', [email]);
  return rows[0]!.n;
}

describe('the sealed link', () => {
  const secret = 'a'.repeat(48);
  it('opens for its address within the hour, and not after, altered or with another key', () => {
    const now = Date.now();
    const token = sealDataLink(secret, 'guest@example.fi', now);
    expect(openDataLink(secret, token, now + 1000)).toBe('guest@example.fi');
    expect(openDataLink(secret, token, now + DATA_LINK_TTL_MS + 1)).toBeNull();
    expect(openDataLink('b'.repeat(48), token, now)).toBeNull();
    const altered = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    expect(openDataLink(secret, altered, now)).toBeNull();
    expect(openDataLink(secret, 'not-a-token', now)).toBeNull();
    expect(token).not.toContain('guest');
  });
});

describe('/my-data for people without an account', () => {
  it('mails a link; the link lists, downloads and erases what is kept under the address', async () => {
    const email = 'vieras.hakija@example.fi';
    await app.database.db
      .insert(applications)
      .values({ organizationId: orgId, name: 'Vieras Hakija', email: email.toUpperCase(), consentAt: new Date() } as typeof applications.$inferInsert);
    const res = await post('/my-data', { email });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Lähetimme linkin');
    const mail = await lastMail(email);
    expect(mail?.template).toBe('dataLink');
    const path = new URL(mail!.values.url!).pathname;

    const page = await fetch(app.url + path, { headers: { 'accept-language': 'fi' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const html = await page.text();
    expect(html).toContain('Hakemukset');
    expect(html).toContain(`${path}/data.zip`);

    const zip = await fetch(app.url + path + '/data.zip');
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const rows = JSON.parse(strFromU8(files['data/applications.json']!)) as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(['Vieras Hakija']);

    const unconfirmed = await post(path, {});
    expect(unconfirmed.status).toBe(400);
    expect(await applicationsOf(email)).toBe(1);
    const erased = await post(path, { confirm: 'yes' });
    expect(erased.status).toBe(200);
    expect(await erased.text()).toContain('Tietosi on poistettu');
    expect(await applicationsOf(email)).toBe(0);
    const audit = await app.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'privacy.guest_erased'`);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('tells an address with an account to sign in, by mail and on the page, and erases nothing', async () => {
    const member = await createTestMember(app.database.db, { organizationId: orgId, role: 'entrepreneur' });
    await post('/my-data', { email: member.email });
    expect((await lastMail(member.email))?.template).toBe('dataLinkAccount');
    const path = `/my-data/${sealDataLink(app.services.config.sessionSecret, member.email)}`;
    expect(await (await fetch(app.url + path)).text()).toContain('/sign-in?next=/profile');
    expect((await post(path, { confirm: 'yes' })).status).toBe(409);
    const { rows } = await app.database.pool.query('SELECT 1 FROM users WHERE id = $1', [member.id]);
    expect(rows).toHaveLength(1);
    expect((await fetch(app.url + path + '/data.zip')).status).toBe(410);
  });

  it('refuses a forged link with 410 and changes nothing', async () => {
    const forged = '/my-data/' + 'A'.repeat(80);
    expect((await fetch(app.url + forged)).status).toBe(410);
    expect((await post(forged, { confirm: 'yes' })).status).toBe(410);
    expect((await fetch(app.url + forged + '/data.zip')).status).toBe(410);
  });

  it('refuses a bad address with the field message', async () => {
    const res = await post('/my-data', { email: 'ei osoite' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('error-summary');
  });
});
