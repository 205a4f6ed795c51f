// Compression by Accept-Encoding through a real Hono app, decoded with Node's zlib.
import { Hono } from 'hono';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compression } from './compression.ts';

describe('chooseEncoding (RFC 9110 §12.5.3 Accept-Encoding)', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'], // Chromium
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip;q=1.0', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0', null],
    ['identity', null],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['', null],
    [undefined, null],
    ['GZIP', 'gzip'],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

const html = '<!doctype html><p>' + 'Vertaisryhmä yrittäjälle. '.repeat(200) + '</p>';
function app() {
  const a = new Hono();
  a.use('*', compression());
  a.get('/page', (c) => c.html(html));
  a.get('/small', () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json', 'content-length': '11' } }));
  a.get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'image/png' }));
  a.get('/stream', () => new Response(new Blob([html]).stream(), { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  return a;
}

describe('compression()', () => {
  it('sends brotli to a browser that takes it, gzip to one that takes only gzip, and the same page either way', async () => {
    const br = await app().request('/page', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('content-length')).toBeNull();
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(Buffer.byteLength(html) / 5);
    expect(zlib.brotliDecompressSync(brBody).toString()).toBe(html);

    const gz = await app().request('/page', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);
  });

  it('compresses a streamed page (no length known)', async () => {
    const res = await app().request('/stream', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(zlib.brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(html);
  });

  it('leaves alone: no Accept-Encoding, a body known to be tiny, an image, a HEAD request', async () => {
    const plain = await app().request('/page');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(html);
    const small = await app().request('/small', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const image = await app().request('/image', { headers: { 'accept-encoding': 'br' } });
    expect(image.headers.get('content-encoding')).toBeNull();
    expect((await image.arrayBuffer()).byteLength).toBe(4096);
    const head = await app().request('/page', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.headers.get('content-encoding')).toBeNull();
  });
});
