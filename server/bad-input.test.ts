// The cases the security review found, one by one, at the shared body check
// (src/platform/http/form-body.ts): each gets a translated 4xx page, no stack trace, and
// changes nothing. tests/fuzz/routes.fuzz.test.ts generates thousands more on every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../tests/setup/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'development' });
});
afterAll(async () => {
  await app?.close();
});

function post(path: string, body: BodyInit | null, contentType?: string) {
  return fetch(app.url + path, { method: 'POST', redirect: 'manual', headers: { origin: app.url, ...(contentType ? { 'content-type': contentType } : {}), 'accept-language': 'en' }, body });
}

async function mailCount(): Promise<number> {
  const { rows } = await app.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM dev_mailbox');
  return Number(rows[0]!.n);
}

describe('bad bodies are refused before any route runs (development mode too)', () => {
  it('a body that is not form data: 415 with a translated explanation, no stack trace', async () => {
    for (const [body, type] of [['{"email":"a@b.fi"}', 'application/json'], ['email=a@b.fi', 'text/plain'], ['email=a@b.fi', 'application/x-www-form-urlencoded; charset=utf-16']] as const) {
      const res = await post('/reset-password', body, type);
      expect(res.status).toBe(415);
      const html = await res.text();
      expect(html).toContain('data came in a format the service does not handle.');
      expect(html).not.toMatch(/\n\s+at |node_modules|undici/);
    }
  });

  it('broken multipart, a NUL in a field or in the query, or a file where none is taken: 400', async () => {
    expect((await post('/reset-password', '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.fi', 'multipart/form-data; boundary=XyZ')).status).toBe(400);
    expect((await post('/reset-password', 'email=a%00@b.fi', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await post('/reset-password?x=%00', 'email=a@b.fi', 'application/x-www-form-urlencoded')).status).toBe(400);
    const form = new FormData();
    form.set('email', new Blob(['hello'], { type: 'text/plain' }), 'x.txt');
    const res = await post('/reset-password', form);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('data could not be read');
    expect(await mailCount()).toBe(0);
  });

  it('a reset request without an email field is a 400 form error, not a 5xx', async () => {
    const res = await post('/reset-password', 'other=1', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    expect(await mailCount()).toBe(0);
  });

  it('a route with no action answers 405 without the router’s stack trace', async () => {
    const res = await post('/privacy', 'a=1', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(405);
    expect(await res.text()).not.toMatch(/getInternalRouterError|\n\s+at /);
  });
});
