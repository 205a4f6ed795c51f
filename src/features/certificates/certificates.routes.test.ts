// Certificates over HTTP: the published JWKS verifies (with jose) the credential the holder
// downloads, and a tampered one fails; the kid and the issuer dereference; /verify/:code says valid,
// revoked or unknown (404, nothing revealed) and shows only what the holder chose; /verify takes a
// typed code or a pasted credential; the holder's pages and files are theirs alone; the coordinator
// lists and revokes with a reason; the public lookups are rate-limited per IP (429, Retry-After).
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { issueCertificate } from './issue-certificate.ts';
import { formatVerificationCode, newVerificationCode } from './verification-code.ts';
import type { Certificate } from './certificates.queries.ts';

let app: TestApp;
let orgId: string;
let certificate: Certificate;
let other: Certificate;
const cookies: Record<string, string> = {};
const people: Record<string, { id: string }> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  orgId = (await createTestOrganization(db, { name: 'Rauman seudun yrityskehitys' })).id;
  const otherOrg = await createTestOrganization(db);
  people.coordinator = await createTestMember(db, { organizationId: orgId, role: 'coordinator' });
  people.facilitator = await createTestMember(db, { organizationId: orgId, role: 'facilitator' });
  people.holder = await createTestMember(db, { organizationId: orgId, role: 'trainee', name: 'Kirsi Lehtonen', email: 'kirsi.lehtonen@routes.example.fi' });
  people.second = await createTestMember(db, { organizationId: orgId, role: 'trainee', name: 'Jari Virtanen' });
  people.stranger = await createTestMember(db, { organizationId: otherOrg.id, role: 'coordinator' });
  for (const [who, user] of Object.entries(people)) cookies[who] = (await signIn(db, user.id)).cookie;
  const coordinator = await actorFor(db, people.coordinator.id, orgId);
  const input = (holderUserId: string) => ({
    organizationId: orgId,
    holderUserId,
    achievement: {
      kind: 'facilitator-training',
      title: { fi: 'Ohjaajakoulutus 2026', en: 'Facilitator training 2026' },
      description: { fi: 'Neljän istunnon verkkokoulutus Työpeili-ryhmän ohjaajaksi.' },
      criteria: { fi: 'Neljä istuntoa ja kolme harjoitustapaamista.' },
    },
    startedOn: '2026-09-01',
    endedOn: '2026-11-24',
  });
  certificate = await issueCertificate(coordinator, app.services, input(people.holder.id));
  other = await issueCertificate(coordinator, app.services, input(people.second.id));
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) => fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
const post = (path: string, who: string | null, fields: Record<string, string>) =>
  fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: cookies[who]! } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
const code = () => formatVerificationCode(certificate.verificationCode);

describe('the credential and its keys', () => {
  it('the downloaded VC-JWT verifies with the published JWKS; a tampered one does not', async () => {
    const jwksResponse = await get('/.well-known/jwks.json');
    expect(jwksResponse.status).toBe(200);
    expect(jwksResponse.headers.get('content-type')).toBe('application/jwk-set+json');
    const jwks = (await jwksResponse.json()) as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const download = await get(`/profile/certificates/${certificate.id}/credential.jwt`, 'holder');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(`tyopeili-certificate-${code()}.jwt`);
    const jwt = await download.text();
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload.jti).toBe(`urn:uuid:${certificate.id}`);
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    claims.validFrom = '2019-01-01T00:00:00Z';
    await expect(jwtVerify(`${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`, createLocalJWKSet(jwks))).rejects.toThrow();

    // The kid dereferences to the JWK; the issuer to its Profile.
    const kid = new URL(protectedHeader.kid!);
    const key = await get(kid.pathname);
    expect(key.status).toBe(200);
    expect(await key.json()).toEqual(jwks.keys[0]);
    expect((await get('/credentials/keys/not-this-one')).status).toBe(404);
    const issuer = await get(new URL(payload.iss!).pathname);
    expect(await issuer.json()).toMatchObject({ id: payload.iss, type: ['Profile'], name: 'Rauman seudun yrityskehitys' });
    expect((await get('/credentials/issuers/not-a-uuid')).status).toBe(404);

    // The JSON file carries the credential, the JWT and the keys.
    const json = (await (await get(`/profile/certificates/${certificate.id}/credential.json`, 'holder')).json()) as { credential: { id: string }; jwt: string; issuerKeys: JSONWebKeySet };
    expect(json.credential.id).toBe(`urn:uuid:${certificate.id}`);
    expect(json.jwt).toBe(jwt);
    expect(json.issuerKeys).toEqual(jwks);

    // A pasted credential is checked on /verify.
    const checked = await (await post('/verify', null, { credential: jwt })).text();
    expect(checked).toContain('Allekirjoitus on kunnossa: Ohjaajakoulutus 2026, myöntäjä Rauman seudun yrityskehitys');
    expect(checked).toContain('Todistus on voimassa.');
    const bad = await (await post('/verify', null, { credential: `${h}.${p}.${s.slice(0, -4)}AAAA` })).text();
    expect(bad).toContain('Allekirjoitus ei kelpaa');
    expect((await post('/verify', null, { credential: '' })).status).toBe(400);
  });
});

describe('the holder and the coordinator', () => {
  it('the holder sees their own certificates and files; nobody else does', async () => {
    const list = await (await get('/profile/certificates', 'holder')).text();
    expect(list).toContain('Ohjaajakoulutus 2026');
    expect(list).toContain(`/profile/certificates/${certificate.id}`);
    expect(list).not.toContain(other.id);
    const pdf = await get(`/profile/certificates/${certificate.id}/certificate.pdf`, 'holder');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    for (const who of ['second', 'coordinator', 'facilitator', 'stranger']) {
      expect((await get(`/profile/certificates/${certificate.id}`, who)).status).toBe(404);
      expect((await get(`/profile/certificates/${certificate.id}/certificate.pdf`, who)).status).toBe(404);
      expect((await get(`/profile/certificates/${certificate.id}/credential.jwt`, who)).status).toBe(404);
    }
    expect((await get(`/profile/certificates/${certificate.id}`)).status).toBe(302);
    expect((await get('/profile/certificates/not-a-uuid/certificate.pdf', 'holder')).status).toBe(404);
  });

  it('the holder chooses what /verify/:code shows', async () => {
    let page = await (await get(`/verify/${code()}`)).text();
    expect(page).toContain(`Todistus ${code()} on aito ja voimassa.`);
    expect(page).toContain('Kirsi Lehtonen');
    expect(page).toContain('Rauman seudun yrityskehitys');
    expect(page).not.toContain('kirsi.lehtonen@routes.example.fi');
    const saved = await post(`/profile/certificates/${certificate.id}`, 'holder', { showName: 'initials', showOrganization: 'no', showEmail: 'yes' });
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe(`/profile/certificates/${certificate.id}?done=saved`);
    expect((await post(`/profile/certificates/${certificate.id}`, 'second', { showName: 'full', showOrganization: 'yes', showEmail: 'yes' })).status).toBe(404);
    expect((await post(`/profile/certificates/${certificate.id}`, 'holder', { showName: 'nickname', showOrganization: 'yes', showEmail: 'no' })).status).toBe(400);
    page = await (await get(`/verify/${code().toLowerCase()}`)).text();
    expect(page).toContain('K. L.');
    expect(page).not.toContain('Kirsi Lehtonen');
    expect(page).not.toContain('Rauman seudun yrityskehitys');
    expect(page).toContain('kirsi.lehtonen@routes.example.fi');
  });

  it('the coordinator lists and revokes with a reason; the page then says revoked', async () => {
    const list = await get('/organization/certificates', 'coordinator');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Jari Virtanen');
    for (const who of ['facilitator', 'holder']) expect((await get('/organization/certificates', who)).status).toBe(404);
    // Another organisation's coordinator sees their own (empty) list, never these.
    const theirs = await (await get('/organization/certificates', 'stranger')).text();
    expect(theirs).not.toContain('Jari Virtanen');
    expect((await get(`/organization/certificates/${other.id}`, 'stranger')).status).toBe(404);
    expect((await post(`/organization/certificates/${other.id}`, 'facilitator', { reason: 'Virhe' })).status).toBe(404);
    expect((await post(`/organization/certificates/${other.id}`, 'coordinator', { reason: '' })).status).toBe(400);
    const done = await post(`/organization/certificates/${other.id}`, 'coordinator', { reason: 'Myönnetty väärälle henkilölle' });
    expect(done.status).toBe(302);
    expect((await post(`/organization/certificates/${other.id}`, 'coordinator', { reason: 'Toistamiseen' })).status).toBe(409);
    const page = await get(`/verify/${formatVerificationCode(other.verificationCode)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/on peruttu .*2026\. Se ei ole enää voimassa\./);
    expect(html).not.toContain('Myönnetty väärälle henkilölle');
    // The holder of a revoked certificate can no longer download it.
    expect((await get(`/profile/certificates/${other.id}/certificate.pdf`, 'second')).status).toBe(404);
  });
});

describe('looking up codes', () => {
  it('an unknown or malformed code answers 404 and reveals nothing; /verify takes a typed code', async () => {
    for (const path of [`/verify/${formatVerificationCode(newVerificationCode())}`, '/verify/abc', `/verify/${'x'.repeat(300)}`]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('Tällä koodilla ei löytynyt todistusta.');
      expect(html).not.toContain('Ohjaajakoulutus');
      expect(res.headers.get('x-robots-tag')).toBe('noindex');
    }
    const typed = await get(`/verify?code=${encodeURIComponent(' ' + certificate.verificationCode.toLowerCase())}`);
    expect(typed.status).toBe(302);
    expect(typed.headers.get('location')).toBe(`/verify/${code()}`);
    expect((await get('/verify?code=12345')).status).toBe(400);
    expect((await get('/verify')).status).toBe(200);
  });

  it('is rate-limited per IP: 30 lookups in 15 minutes, then 429 with Retry-After', async () => {
    let limited: Response | null = null;
    for (let i = 0; i < 35 && !limited; i++) {
      const res = await get(`/verify/${code()}`);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited!.text()).not.toContain('Kirsi');
    // The pasted-credential check counts against the same limit.
    expect((await post('/verify', null, { credential: 'eyJ.x.y' })).status).toBe(429);
  });
});
