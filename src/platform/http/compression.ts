// Responses compressed by Accept-Encoding: brotli (quality 4: cheap enough per request, ~20 %
// smaller than gzip on our HTML), else gzip. Static assets are precompressed at build
// (scripts/precompress.ts) and served as such by serveStatic; they arrive here already encoded.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const compressible = /^(text\/(html|css|plain|csv|calendar|javascript)|application\/(json|problem\+json|javascript|xml)|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip';

/** The encoding we use for this Accept-Encoding header, or null (q=0 means "not this"). */
export function chooseEncoding(header: string | null | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',').slice(0, 20)) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string) => accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0);
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || c.req.method === 'HEAD' || res.status === 204 || res.status === 304) return;
    if (res.headers.has('content-encoding') || res.headers.get('cache-control')?.includes('no-transform')) return;
    const type = res.headers.get('content-type') ?? '';
    if (!compressible.test(type)) return;
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (length < 1024) return; // not worth the bytes of the header
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const encoder =
      encoding === 'br'
        ? zlib.createBrotliCompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } })
        : zlib.createGzip({ level: 6, flush: zlib.constants.Z_SYNC_FLUSH });
    const body = Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>).pipe(encoder);
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    headers.set('content-encoding', encoding);
    headers.append('vary', 'Accept-Encoding');
    c.res = undefined; // (else Hono copies the old headers, content-length too, onto the new response)
    c.res = new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: res.status, statusText: res.statusText, headers });
  };
}
