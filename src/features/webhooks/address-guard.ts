// The SSRF guard of webhook deliveries: only http(s), and never an address inside the installation's
// network — loopback, private (RFC 1918, RFC 4193 fc00::/7), link-local (169.254/16 with the cloud
// metadata service, fe80::/10), shared CGNAT space (RFC 6598, 100.64/10), unspecified, multicast,
// reserved — including those addresses written as IPv4-mapped or NAT64 IPv6 (RFC 4291 §2.5.5).
// A host in WEBHOOK_ALLOWED_HOSTS skips the address check. The address checked is the address
// connected to (resolveWebhookTarget's result goes to the request's `lookup`), so a DNS answer that
// changes between the check and the connection (rebinding) cannot slip through.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

type Range = [bytes: number[], prefixBits: number];

const v4 = (a: string, bits: number): Range => [a.split('.').map(Number), bits];
const forbiddenV4: Range[] = [
  v4('0.0.0.0', 8), // "this network", 0.0.0.0
  v4('10.0.0.0', 8), // RFC 1918
  v4('100.64.0.0', 10), // RFC 6598 shared address space (CGNAT)
  v4('127.0.0.0', 8), // loopback
  v4('169.254.0.0', 16), // link-local (169.254.169.254: cloud metadata)
  v4('172.16.0.0', 12), // RFC 1918
  v4('192.0.0.0', 24), // IETF protocol assignments
  v4('192.168.0.0', 16), // RFC 1918
  v4('198.18.0.0', 15), // benchmarking
  v4('224.0.0.0', 4), // multicast
  v4('240.0.0.0', 4), // reserved, 255.255.255.255
];

function parseV6(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const dotted = text.slice(lastColon + 1);
    if (isIP(dotted) !== 4) return null;
    tail = dotted.split('.').map(Number);
    text = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function inRange(bytes: number[], [base, bits]: Range): boolean {
  for (let i = 0; i < bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if ((bytes[byte]! & mask) !== (base[byte]! & mask)) return false;
  }
  return true;
}

const v6 = (a: string, bits: number): Range => [parseV6(a)!, bits];
const forbiddenV6: Range[] = [
  v6('::', 128), // unspecified
  v6('::1', 128), // loopback
  v6('fc00::', 7), // unique local (RFC 4193)
  v6('fe80::', 10), // link-local
  v6('fec0::', 10), // site-local (deprecated)
  v6('ff00::', 8), // multicast
  v6('100::', 64), // discard-only
  v6('2001:db8::', 32), // documentation
];
/** IPv6 forms that carry an IPv4 address in their last 32 bits: judged by that address. */
const embedsV4: Range[] = [
  v6('::ffff:0:0', 96), // IPv4-mapped
  v6('::', 96), // IPv4-compatible (deprecated)
  v6('64:ff9b::', 96), // NAT64
];

/** True for an address a webhook must never be sent to (or for anything that is not an IP address). */
export function isForbiddenAddress(address: string): boolean {
  const text = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(text);
  if (family === 4) {
    const bytes = text.split('.').map(Number);
    return forbiddenV4.some((r) => inRange(bytes, r));
  }
  if (family !== 6) return true;
  const bytes = parseV6(text);
  if (!bytes) return true;
  if (forbiddenV6.some((r) => inRange(bytes, r))) return true;
  if (embedsV4.some((r) => inRange(bytes, r))) return isForbiddenAddress(bytes.slice(12).join('.'));
  return false;
}

export type WebhookTarget = { ok: true; url: URL; address: string; family: 4 | 6 } | { ok: false; reason: string };

/** Whether a URL's host (host or host:port) is listed in WEBHOOK_ALLOWED_HOSTS. */
export function isAllowedHost(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowedHosts.some((entry) => entry === host || entry === `${host}:${port}`);
}

/** The URL's form alone (before any lookup): http(s), no credentials, https in production unless allowlisted. Null when fine, else the reason. */
export function urlProblem(raw: string, options: { allowedHosts: readonly string[]; requireHttps: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid-url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (options.requireHttps && url.protocol !== 'https:' && !isAllowedHost(url, options.allowedHosts)) return 'https-required';
  return null;
}

/** Resolves the URL's host and checks every address it has; the first one is what to connect to. */
export async function resolveWebhookTarget(
  raw: string,
  options: { allowedHosts: readonly string[]; requireHttps: boolean; resolve?: (host: string) => Promise<{ address: string; family: number }[]> },
): Promise<WebhookTarget> {
  const problem = urlProblem(raw, options);
  if (problem) return { ok: false, reason: problem };
  const url = new URL(raw);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await (options.resolve ?? ((h) => lookup(h, { all: true, verbatim: true })))(host);
  } catch {
    return { ok: false, reason: 'dns' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'dns' };
  if (!isAllowedHost(url, options.allowedHosts) && addresses.some((a) => isForbiddenAddress(a.address))) return { ok: false, reason: 'forbidden-address' };
  const first = addresses[0]!;
  return { ok: true, url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
