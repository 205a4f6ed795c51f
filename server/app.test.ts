import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../tests/setup/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('HTTP hardening', () => {
  it('serves the Finnish front page with a nonce CSP and hardening headers', async () => {
    const res = await fetch(app.url + '/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(res.headers.get('permissions-policy')).toBeTruthy();
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const html = await res.text();
    expect(html).toMatch(/<html lang="fi"/);
    // Every script carries this response's nonce.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(app.url + '/healthz')).status).toBe(200);
    const ready = await fetch(app.url + '/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: 'ok', migrations: 'ok' });
  });

  it('refuses a cross-site or headerless POST whatever its content type', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await fetch(app.url + '/language', { method: 'POST', headers: { 'content-type': type, origin: 'https://evil.example' }, body: 'locale=en' });
      expect(res.status, type).toBe(403);
    }
    const headerless = await fetch(app.url + '/language', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'locale=en' });
    expect(headerless.status).toBe(403);
    const same = await fetch(app.url + '/language', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url }, body: 'locale=en&next=/' });
    expect(same.status).toBe(302);
    expect(same.headers.get('set-cookie')).toContain('tyopeili_lang=en');
  });

  it('answers bad input with 4xx, never 5xx or a stack trace', async () => {
    const probes: [string, RequestInit][] = [
      ['/', { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: '{bad' }],
      ['/api/v1/nothing-here', { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: '{"a":' }],
      ['/%ff%fe%00', {}],
      ['/' + 'a'.repeat(9000), {}],
      ['/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', origin: app.url }, body: '--x\r\nbroken' }],
      ['/?lng=%C0%AF&q=%27%22%3E%3Cscript%3E', {}],
      ['/', { headers: { 'accept-language': ';;;,,,q=x' } }],
      ['/api/v1/openapi.json', { method: 'DELETE', headers: { origin: app.url } }],
      ['/language', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url }, body: 'locale=xx' }],
    ];
    for (const [path, init] of probes) {
      const res = await fetch(app.url + path, { redirect: 'manual', ...init });
      const body = await res.text();
      expect(res.status, `${init.method ?? 'GET'} ${path.slice(0, 40)}`).toBeLessThan(500);
      expect(body).not.toMatch(/at .+\.(ts|js):\d+/);
    }
  });

  it('limits body size with 413', async () => {
    const res = await fetch(app.url + '/language', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url }, body: 'locale=' + 'a'.repeat(2_000_000) });
    expect(res.status).toBe(413);
  });

  it('answers API errors as problem+json and describes the API in OpenAPI 3.1', async () => {
    const missing = await fetch(app.url + '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const me = await fetch(app.url + '/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.headers.get('content-type')).toContain('application/problem+json');
    const doc = (await (await fetch(app.url + '/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/me');
  });
});

describe('logging', () => {
  it('masks token-like path segments', async () => {
    const { logSafePath } = await import('./app.ts');
    expect(logSafePath('/invitation/abcdefghijklmnopqrstuvwxyz234567')).toBe('/invitation/:secret');
    expect(logSafePath('/organization/members')).toBe('/organization/members');
    expect(logSafePath('/groups/019a0000-0000-7000-8000-000000000001')).toBe('/groups/019a0000-0000-7000-8000-000000000001');
  });
});
