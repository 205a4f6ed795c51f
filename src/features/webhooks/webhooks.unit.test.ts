// Signing (a vector computed here with node:crypto, independently of signature.ts), the retry
// schedule and the address guard.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAllowedHost, isForbiddenAddress, resolveWebhookTarget, urlProblem } from './address-guard.ts';
import { MAX_WEBHOOK_ATTEMPTS, retryDelaySeconds } from './backoff.ts';
import { signatureHeader, verifySignature } from './signature.ts';

describe('webhook signature', () => {
  const secret = 'whsec_test_secret';
  const body = '{"id":"0193","type":"ping","created":1764892800,"organization":"org","data":{}}';
  const t = 1764892800;
  const now = new Date(t * 1000);

  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(secret, t, body)).toBe(`t=${t},v1=${expected}`);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies as a receiver would, within five minutes', () => {
    const header = signatureHeader(secret, t, body);
    expect(verifySignature(header, body, secret, { now })).toBe(true);
    expect(verifySignature(header, body, secret, { now: new Date((t + 300) * 1000) })).toBe(true);
    expect(verifySignature(header, body, secret, { now: new Date((t + 301) * 1000) })).toBe(false);
  });

  it('fails for a tampered body, timestamp, signature or secret', () => {
    const header = signatureHeader(secret, t, body);
    expect(verifySignature(header, body.replace('ping', 'pong'), secret, { now })).toBe(false);
    expect(verifySignature(header.replace(`t=${t}`, `t=${t + 1}`), body, secret, { now })).toBe(false);
    expect(verifySignature(header.slice(0, -1) + (header.endsWith('0') ? '1' : '0'), body, secret, { now })).toBe(false);
    expect(verifySignature(header, body, 'whsec_other', { now })).toBe(false);
    expect(verifySignature('', body, secret, { now })).toBe(false);
    expect(verifySignature(`t=${t}`, body, secret, { now })).toBe(false);
    expect(verifySignature(`v1=${'0'.repeat(64)}`, body, secret, { now })).toBe(false);
  });
});

describe('retry schedule', () => {
  it('waits 30 s, doubling, at most an hour, and stops after eight attempts', () => {
    const delays = Array.from({ length: MAX_WEBHOOK_ATTEMPTS }, (_, i) => retryDelaySeconds(i + 1));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, null]);
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(8);
    // The cap: were there more attempts, none would wait over an hour.
    expect(Math.min(30 * 2 ** 7, 3600)).toBe(3600);
  });
});

describe('address guard', () => {
  const forbidden = [
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.1.2.3',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    'not-an-address',
  ];
  const allowed = ['93.184.216.34', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.167.1.1', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'];

  it.each(forbidden)('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));
  it.each(allowed)('allows %s', (address) => expect(isForbiddenAddress(address)).toBe(false));

  it('takes only http(s) without credentials, https in production unless the host is allowlisted', () => {
    const open = { allowedHosts: [], requireHttps: false };
    expect(urlProblem('ftp://example.com/', open)).toBe('scheme');
    expect(urlProblem('file:///etc/passwd', open)).toBe('scheme');
    expect(urlProblem('https://u:p@example.com/', open)).toBe('credentials');
    expect(urlProblem('nonsense', open)).toBe('invalid-url');
    expect(urlProblem('http://example.com/', { allowedHosts: [], requireHttps: true })).toBe('https-required');
    expect(urlProblem('http://hooks.internal:8080/', { allowedHosts: ['hooks.internal:8080'], requireHttps: true })).toBeNull();
    expect(isAllowedHost(new URL('http://hooks.internal:8081/'), ['hooks.internal:8080'])).toBe(false);
    expect(isAllowedHost(new URL('http://hooks.internal:8081/'), ['hooks.internal'])).toBe(true);
    expect(isAllowedHost(new URL('https://hooks.internal/'), ['hooks.internal:443'])).toBe(true);
  });

  it('checks every resolved address, and an allowlisted host skips the check', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    expect(await resolveWebhookTarget('https://rebind.example/', { allowedHosts: [], requireHttps: true, resolve })).toEqual({ ok: false, reason: 'forbidden-address' });
    expect(await resolveWebhookTarget('http://127.0.0.1:9/', { allowedHosts: [], requireHttps: false })).toEqual({ ok: false, reason: 'forbidden-address' });
    expect(await resolveWebhookTarget('http://[::ffff:127.0.0.1]:9/', { allowedHosts: [], requireHttps: false })).toEqual({ ok: false, reason: 'forbidden-address' });
    const ok = await resolveWebhookTarget('http://127.0.0.1:9/', { allowedHosts: ['127.0.0.1:9'], requireHttps: false });
    expect(ok).toMatchObject({ ok: true, address: '127.0.0.1', family: 4 });
    const pub = await resolveWebhookTarget('https://hooks.example/x', { allowedHosts: [], requireHttps: true, resolve: async () => [{ address: '93.184.216.34', family: 4 }] });
    expect(pub).toMatchObject({ ok: true, address: '93.184.216.34' });
  });
});
