// One webhook POST: to the address the guard checked (the request's `lookup` answers with it, so
// the host name is not resolved a second time), 10 seconds at most, no redirect followed (a 3xx is
// an unsuccessful answer), the response body read and thrown away.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type SendOutcome = { statusCode: number } | { error: string };

export function postWebhook(target: { url: URL; address: string; family: 4 | 6 }, headers: Record<string, string>, body: string): Promise<SendOutcome> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const request = target.url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = request(
      target.url,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, lookup: pinned, agent: false },
      (res) => {
        res.on('error', () => {});
        res.resume();
        done({ statusCode: res.statusCode ?? 0 });
      },
    );
    const timer = setTimeout(() => {
      done({ error: 'timeout' });
      req.destroy();
    }, WEBHOOK_TIMEOUT_MS);
    req.on('error', (error: NodeJS.ErrnoException) => done({ error: (error.code ?? 'network-error').slice(0, 60) }));
    req.end(body);
  });
}
