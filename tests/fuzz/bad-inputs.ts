// Generated bad input for every form and endpoint (fast-check arbitraries): wrong content
// types and bodies, broken multipart, huge and Unicode-edge strings, impossible dates and
// times, malformed ids, missing and duplicated fields.
import fc from 'fast-check';

/** Strings that have broken servers: NUL, lone surrogates, RTL and joiners, huge, SQL/HTML-ish. */
export const edgeString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFF\uD800',
    '\u202Eabc',
    '\u200D\u200B\uFEFF',
    'e\u0301\u0301\u0301',
    '👩‍👩‍👧‍👦',
    '𝕿𝖞ö',
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '%00',
    '%ED%A0%80',
    '../../etc/passwd',
    'null',
    'undefined',
    '[object Object]',
    'NaN',
    'Infinity',
    '-1',
    '1e309',
    '9'.repeat(400),
    '0x10',
    'true',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'ä'.repeat(n)),
);

/** Dates and times that do not exist or are out of every range. */
export const impossibleDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-02-29', '2025-13-01', '2026-00-10', '2026-04-31', '0000-00-00', '99999-01-01', '-2026-01-01', '2026-1-1', '31.12.2026', '2026-02-30T25:61', '2026-06-01T24:00', '2026-06-01T12:60:00Z', '25:00', '12:60', '-01:00', '1970-01-01T00:00:00.000+99:99', '294277-01-01', '4714-11-24 BC'),
  fc.tuple(fc.integer({ min: -10, max: 100_000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

/** Ids that are not ours: almost-uuids, integers, huge, other encodings. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-1', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffffX', 'g0000000-0000-0000-0000-000000000000', '{00000000-0000-0000-0000-000000000000}', '1; SELECT 1'),
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => u.replace(/-/g, '')),
);

export const badValue: fc.Arbitrary<string> = fc.oneof(edgeString, impossibleDate, badId, fc.integer().map(String), fc.double().map(String));

/** A form as a list of pairs, so that fields can be missing, repeated or unknown. */
export function badFields(knownNames: readonly string[], knownIntents: readonly string[]): fc.Arbitrary<[string, string][]> {
  const name = knownNames.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...knownNames) }, { weight: 1, arbitrary: edgeString }) : edgeString;
  const intent: fc.Arbitrary<[string, string][]> = knownIntents.length
    ? fc.oneof(fc.constantFrom(...knownIntents).map((v): [string, string][] => [['intent', v]]), fc.constant([] as [string, string][]), badValue.map((v): [string, string][] => [['intent', v]]))
    : fc.constant([]);
  const pairs = fc.array(fc.tuple(name, badValue), { maxLength: 8 });
  // Duplicates: the same pair once more.
  return fc.tuple(intent, pairs, fc.boolean()).map(([i, p, dup]) => [...i, ...p, ...(dup && p.length ? [p[0]!] : [])]);
}

export interface BadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  query: [string, string][];
  headers: Record<string, string>;
  body: string | Uint8Array | null;
  kind: string;
}

function urlencode(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k.replace(/[\uD800-\uDFFF]/g, '?'))}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '?'))}`).join('&');
}

function multipart(pairs: [string, string][], boundary: string, withFile: boolean): string {
  const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '')}"\r\n\r\n${v}\r\n`);
  if (withFile) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${pairs[0]?.[0] ?? 'file'}"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n`);
  return parts.join('') + `--${boundary}--\r\n`;
}

/** One bad request for a route whose forms use these field names and intents. */
export function badRequest(knownNames: readonly string[], knownIntents: readonly string[]): fc.Arbitrary<BadRequest> {
  const fields = badFields(knownNames, knownIntents);
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom('organization', 'from', 'to', 'done', 'next', 'group', 'page', 'week', 'date', 'token', 'instrument', 'kind', 'lang'), edgeString), badValue), { maxLength: 3 });
  const post = <T>(kind: string, body: fc.Arbitrary<T>, toRequest: (b: T) => Omit<BadRequest, 'method' | 'query' | 'kind'>) =>
    fc.tuple(fc.constantFrom<BadRequest['method']>('POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH'), query, body).map(([method, q, b]): BadRequest => ({ method, query: q, kind, ...toRequest(b) }));
  return fc.oneof(
    { weight: 2, arbitrary: query.map((q): BadRequest => ({ method: 'GET', query: q, headers: {}, body: null, kind: 'get-query' })) },
    { weight: 5, arbitrary: post('urlencoded', fields, (f) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: urlencode(f) })) },
    { weight: 2, arbitrary: post('multipart', fc.tuple(fields, fc.boolean()), ([f, file]) => ({ headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body: multipart(f, 'XyZ', file) })) },
    {
      weight: 2,
      arbitrary: post('broken-multipart', fc.tuple(fields, fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=NOPE', 'multipart/form-data; boundary="a b"', 'multipart/mixed; boundary=XyZ'), fc.nat(200)), ([f, type, cut]) => {
        const whole = multipart(f, 'XyZ', false);
        return { headers: { 'content-type': type }, body: whole.slice(0, Math.max(0, whole.length - 1 - cut)) };
      }),
    },
    { weight: 1, arbitrary: post('json', fc.jsonValue(), (j) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(j) ?? 'null' })) },
    { weight: 1, arbitrary: post('broken-json', fc.string(), (s) => ({ headers: { 'content-type': 'application/json' }, body: '{' + s })) },
    { weight: 1, arbitrary: post('wrong-type', fc.tuple(fields, fc.constantFrom('text/plain', 'application/xml', 'application/octet-stream', 'image/png', 'text/html; charset=utf-16', 'application/x-www-form-urlencoded; charset=utf-16', '', 'x')), ([f, type]) => ({ headers: type ? { 'content-type': type } : ({} as Record<string, string>), body: urlencode(f) })) },
    { weight: 1, arbitrary: post('binary', fc.uint8Array({ maxLength: 300 }), (b) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: b })) },
  );
}
