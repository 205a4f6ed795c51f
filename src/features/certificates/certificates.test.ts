// Certificates against the real database and the `jose` library: issuing copies the holder's
// name, draws a code and signs an OpenBadgeCredential that jose's jwtVerify accepts with the
// published JWKS (and refuses when any byte of it is changed, or with another key); the credential
// has every field OB 3.0 requires; the PDF's text holds the code, the name and the achievement in
// the holder's language; issuing the same source twice gives one; only the coordinator issues and
// revokes; the holder sets what the verification page shows; erasing the holder anonymises the
// row and the page says "no longer valid".
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { loadConfig } from '../../platform/config.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { users } from '../accounts/accounts.schema.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { erasePersonInTransaction } from '../privacy/erase-person.ts';
import { certificateCredential, certificatePdf } from './certificate-files.ts';
import { CertificateInputError, CertificateStateError } from './certificates.errors.ts';
import { findCertificateById, initialsOf } from './certificates.queries.ts';
import { certificates } from './certificates.schema.ts';
import { checkPastedCredential } from './check-credential.ts';
import { issueCertificate, type IssueCertificateInput, type IssueDeps } from './issue-certificate.ts';
import { decodeCredential, openBadgeProblems, OB3_CONTEXT, publicJwks, verifyCredentialJwt, type OpenBadgeCredential } from './open-badge.ts';
import { verifyCertificateCode } from './public-verification.ts';
import { revokeCertificate } from './revoke-certificate.ts';
import { setCertificateDisclosure } from './set-disclosure.ts';
import { formatVerificationCode, newVerificationCode, normalizeVerificationCode } from './verification-code.ts';

let database: TestDatabase;
let deps: IssueDeps;
let orgId: string;
const a: Record<string, Actor> = {};

const NOW = new Date('2026-11-30T10:00:00Z');
const training = (holderUserId: string, over: Partial<IssueCertificateInput> = {}): IssueCertificateInput => ({
  organizationId: orgId,
  holderUserId,
  achievement: {
    kind: 'facilitator-training',
    title: { fi: 'Työpeili-ohjaajakoulutus', sv: 'Työpeili-handledarutbildning', en: 'Työpeili facilitator training' },
    description: { fi: 'Neljän istunnon verkkokoulutus vertaisryhmän ohjaajaksi.', sv: 'En webbutbildning i fyra sessioner till handledare för en kamratgrupp.', en: 'A four-session online course for peer group facilitators.' },
    criteria: { fi: 'Neljä istuntoa, hyväksytyt tehtävät ja kolme ohjattua harjoitusryhmän tapaamista.', sv: 'Fyra sessioner, godkända uppgifter och tre ledda träffar.', en: 'Four sessions, accepted assignments and three practice meetings led.' },
  },
  startedOn: '2026-09-01',
  endedOn: '2026-11-24',
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', APP_URL: 'https://tyopeili.example.fi' });
  deps = { db: database.db, config };
  const db = database.db;
  orgId = (await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' })).id;
  const otherOrgId = (await createTestOrganization(db)).id;
  for (const [key, role, org, name] of [
    ['coordinator', 'coordinator', orgId, 'Kaisa Koordinaattori'],
    ['trainee', 'trainee', orgId, 'Åsa Öhman-Äijälä'],
    ['facilitator', 'facilitator', orgId, 'Pekka Ohjaaja'],
    ['otherCoordinator', 'coordinator', otherOrgId, 'Olli Muualta'],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org, role, name, email: `${key}@certificates.example.fi` });
    a[key] = await actorFor(db, user.id, org);
  }
  await db.update(users).set({ locale: 'sv' }).where(eq(users.id, a.trainee!.userId));
});
afterAll(async () => {
  await database?.drop();
});

describe('verification codes', () => {
  it('are 10 Crockford base32 characters, typed forgivingly', () => {
    const codes = new Set(Array.from({ length: 200 }, newVerificationCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(formatVerificationCode('7KQ2M9XH4D')).toBe('7KQ2M-9XH4D');
    expect(normalizeVerificationCode(' 7kq2m-9xh4d ')).toBe('7KQ2M9XH4D');
    expect(normalizeVerificationCode('7KQ2M 9XH4O')).toBe('7KQ2M9XH40');
    expect(normalizeVerificationCode('IL000-00000')).toBe('1100000000');
    for (const bad of ['', '7KQ2M', '7KQ2M-9XH4DD', 'UUUUU-UUUUU', '7KQ2M-9XH4!', 'x'.repeat(100)]) expect(normalizeVerificationCode(bad)).toBeNull();
  });
  it('make initials of any name', () => {
    expect(initialsOf('Åsa Öhman-Äijälä')).toBe('Å. Ö. Ä.');
  });
});

describe('issuing', () => {
  let certificateId: string;

  it('signs an OB 3.0 credential that jose verifies with the published JWKS', async () => {
    const c = await issueCertificate(a.coordinator!, deps, training(a.trainee!.userId), NOW);
    certificateId = c.id;
    expect(c.holderName).toBe('Åsa Öhman-Äijälä');
    expect(c.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    const jwks = await publicJwks(deps.config.credentialSigningKey, deps.config.appUrl);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const header = decodeProtectedHeader(c.credentialJwt!);
    expect(header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: jwks.keys[0]!.kid });
    expect(header.kid).toMatch(/^https:\/\/tyopeili\.example\.fi\/credentials\/keys\/[\w-]{43}$/);
    const { payload } = await jwtVerify(c.credentialJwt!, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], issuer: `https://tyopeili.example.fi/credentials/issuers/${orgId}` });
    expect(payload.jti).toBe(`urn:uuid:${c.id}`);
    expect(payload.nbf).toBe(Math.floor(NOW.getTime() / 1000));
    expect(openBadgeProblems(payload)).toEqual([]);
    // The holder's language (Swedish) and every required field.
    expect(payload).toMatchObject({
      '@context': [...OB3_CONTEXT],
      id: `urn:uuid:${c.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `https://tyopeili.example.fi/credentials/issuers/${orgId}`, type: ['Profile'], name: 'Satakunnan Yrityspalvelut' },
      validFrom: '2026-11-30T10:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        activityStartDate: '2026-09-01T00:00:00Z',
        activityEndDate: '2026-11-24T00:00:00Z',
        achievement: {
          id: `https://tyopeili.example.fi/credentials/achievements/${orgId}/facilitator-training`,
          type: ['Achievement'],
          name: 'Työpeili-handledarutbildning',
          description: 'En webbutbildning i fyra sessioner till handledare för en kamratgrupp.',
          criteria: { narrative: 'Fyra sessioner, godkända uppgifter och tre ledda träffar.' },
          inLanguage: 'sv',
        },
      },
    });
    const identifiers = (payload.credentialSubject as { identifier: { identityType: string; hashed: boolean; identityHash: string; salt?: string }[] }).identifier;
    expect(identifiers[0]).toEqual({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Åsa Öhman-Äijälä' });
    // The address is only there hashed with a salt: sha256(address + salt).
    const email = identifiers[1]!;
    expect(email).toMatchObject({ identityType: 'emailAddress', hashed: true });
    const { createHash } = await import('node:crypto');
    expect(email.identityHash).toBe(`sha256$${createHash('sha256').update(`trainee@certificates.example.fi${email.salt}`).digest('hex')}`);
    expect(JSON.stringify(payload)).not.toContain('trainee@certificates.example.fi');
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.targetId, c.id));
    expect(audit).toMatchObject({ action: 'certificates.issued', actorUserId: a.coordinator!.userId, organizationId: orgId });
  });

  it('refuses a tampered credential and one signed by another key', async () => {
    const c = (await findCertificateById(database.db, certificateId))!;
    const jwks = await publicJwks(deps.config.credentialSigningKey, deps.config.appUrl);
    const [h, p, s] = c.credentialJwt!.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    claims.credentialSubject.achievement.name = 'Työpeili-kouluttajan pätevyys';
    const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    await expect(jwtVerify(tampered, createLocalJWKSet(jwks))).rejects.toThrow(/signature verification failed/);
    // One flipped character of the signature.
    const flipped = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    await expect(jwtVerify(flipped, createLocalJWKSet(jwks))).rejects.toThrow();
    const other = generateKeyPairSync('ed25519').privateKey;
    await expect(jwtVerify(c.credentialJwt!, createLocalJWKSet(await publicJwks(other, deps.config.appUrl)))).rejects.toThrow();
    expect((await verifyCredentialJwt(tampered, jwks)).ok).toBe(false);
    expect((await verifyCredentialJwt(c.credentialJwt!, jwks)).ok).toBe(true);
    expect(await checkPastedCredential(database.db, deps.config, tampered)).toEqual({ ok: false });
    expect(await checkPastedCredential(database.db, deps.config, c.credentialJwt!)).toMatchObject({ ok: true, status: 'valid', name: 'Työpeili-handledarutbildning' });
  });

  it('names what OB 3.0 requires and is missing', async () => {
    const valid = decodeCredential((await findCertificateById(database.db, certificateId))!.credentialJwt!);
    expect(openBadgeProblems(valid)).toEqual([]);
    const without = (mutate: (v: OpenBadgeCredential) => void) => {
      const copy = structuredClone(valid);
      mutate(copy);
      return openBadgeProblems(copy);
    };
    expect(without((v) => (v['@context'] = ['https://www.w3.org/ns/credentials/v2']))).toContain('@context');
    expect(without((v) => (v.type = ['VerifiableCredential']))).toContain('type');
    expect(without((v) => delete (v.issuer as Partial<OpenBadgeCredential['issuer']>).name)).toContain('issuer');
    expect(without((v) => delete (v as Partial<OpenBadgeCredential>).validFrom)).toContain('validFrom');
    expect(without((v) => ((v.credentialSubject as { type: string[] }).type = ['Person']))).toContain('credentialSubject.type');
    expect(without((v) => (v.credentialSubject.identifier = []))).toContain('credentialSubject.identifier');
    expect(without((v) => delete (v.credentialSubject.achievement as Partial<OpenBadgeCredential['credentialSubject']['achievement']>).criteria)).toContain(
      'credentialSubject.achievement',
    );
  });
  it('keeps the signed credential; the holder downloads it with the keys', async () => {
    const c = (await findCertificateById(database.db, certificateId))!;
    const file = await certificateCredential(a.trainee!, deps, { certificateId });
    expect(file.jwt).toBe(c.credentialJwt);
    expect(file.json.credential.id).toBe(`urn:uuid:${certificateId}`);
    // Offline: the JSON file alone (credential, JWT, keys) verifies.
    await expect(jwtVerify(file.json.jwt, createLocalJWKSet(file.json.issuerKeys))).resolves.toBeTruthy();
    await expect(certificateCredential(a.facilitator!, deps, { certificateId })).rejects.toThrow(NotFoundError);
    await expect(certificateCredential(a.coordinator!, deps, { certificateId })).rejects.toThrow(NotFoundError);
  });

  it('makes a tagged PDF in the holder’s language with the code, the name and a QR code', async () => {
    const c = (await findCertificateById(database.db, certificateId))!;
    const file = await certificatePdf(a.trainee!, deps, { certificateId, fallbackLocale: 'fi' });
    const raw = file.body.toString('latin1');
    expect(raw).toContain('/Lang (sv-FI)');
    expect(raw).toMatch(/\/S \/Figure/);
    const parser = new PDFParse({ data: new Uint8Array(file.body) });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain(`Kontrollkod: ${formatVerificationCode(c.verificationCode)}`);
      expect(text).toContain('Åsa Öhman-Äijälä');
      expect(text).toContain('Työpeili-handledarutbildning');
      expect(text).toContain('Satakunnan Yrityspalvelut');
      expect(text).toContain(`https://tyopeili.example.fi/verify/${formatVerificationCode(c.verificationCode)}`);
      expect(text).toContain('1 september 2026');
    } finally {
      await parser.destroy();
    }
    expect(file.fileName).toBe(`tyopeili-certificate-${formatVerificationCode(c.verificationCode)}.pdf`);
  });

  it('gives one certificate for one source, and refuses bad input, non-members and non-coordinators', async () => {
    const source = { type: 'course-cohort', id: '0190f000-0000-7000-8000-000000000001' };
    const first = await issueCertificate(a.coordinator!, deps, training(a.facilitator!.userId, { source }), NOW);
    const again = await issueCertificate(a.coordinator!, deps, training(a.facilitator!.userId, { source }), NOW);
    expect(again.id).toBe(first.id);
    await expect(issueCertificate(a.coordinator!, deps, training(a.facilitator!.userId, { endedOn: '2026-08-01' }))).rejects.toThrow(CertificateInputError);
    await expect(issueCertificate(a.coordinator!, deps, training(a.facilitator!.userId, { startedOn: '1.9.2026' }))).rejects.toThrow(CertificateInputError);
    await expect(issueCertificate(a.coordinator!, deps, training(a.otherCoordinator!.userId))).rejects.toThrow(CertificateStateError);
    await expect(issueCertificate(a.facilitator!, deps, training(a.trainee!.userId))).rejects.toThrow(ForbiddenError);
    await expect(issueCertificate(a.otherCoordinator!, deps, training(a.trainee!.userId))).rejects.toThrow(NotFoundError);
    await expect(issueCertificate(null, deps, training(a.trainee!.userId))).rejects.toThrow(NotFoundError);
  });
});

describe('the public answer, the holder’s choice, revocation and erasure', () => {
  it('shows what the holder chose, says revoked plainly, and "no longer valid" after erasure', async () => {
    const holder = await createTestMember(database.db, { organizationId: orgId, role: 'trainee', name: 'Maija Mäkinen', email: 'maija@certificates.example.fi' });
    const actor = await actorFor(database.db, holder.id, orgId);
    const c = await issueCertificate(a.coordinator!, deps, training(holder.id), NOW);
    const shown = await verifyCertificateCode(database.db, formatVerificationCode(c.verificationCode).toLowerCase(), 'fi');
    expect(shown).toMatchObject({ status: 'valid', holder: 'Maija Mäkinen', organization: 'Satakunnan Yrityspalvelut', email: null, title: 'Työpeili-ohjaajakoulutus' });
    await expect(setCertificateDisclosure(a.coordinator!, deps, { certificateId: c.id, showName: 'initials', showOrganization: false, showEmail: true })).rejects.toThrow(NotFoundError);
    await setCertificateDisclosure(actor, deps, { certificateId: c.id, showName: 'initials', showOrganization: false, showEmail: true });
    expect(await verifyCertificateCode(database.db, c.verificationCode, 'en')).toMatchObject({ holder: 'M. M.', organization: null, email: 'maija@certificates.example.fi', title: 'Työpeili facilitator training' });

    await expect(revokeCertificate(a.facilitator!, deps, { organizationId: orgId, certificateId: c.id, reason: 'Myönnetty virheellisesti' })).rejects.toThrow(ForbiddenError);
    await expect(revokeCertificate(a.otherCoordinator!, deps, { organizationId: orgId, certificateId: c.id, reason: 'Myönnetty virheellisesti' })).rejects.toThrow(NotFoundError);
    await expect(revokeCertificate(a.coordinator!, deps, { organizationId: orgId, certificateId: c.id, reason: ' ' })).rejects.toThrow(CertificateInputError);
    const revoked = await revokeCertificate(a.coordinator!, deps, { organizationId: orgId, certificateId: c.id, reason: 'Myönnetty virheellisesti' }, new Date('2026-12-01T09:00:00Z'));
    expect(revoked.revocationReason).toBe('Myönnetty virheellisesti');
    await expect(revokeCertificate(a.coordinator!, deps, { organizationId: orgId, certificateId: c.id, reason: 'Toisen kerran' })).rejects.toThrow(CertificateStateError);
    expect(await verifyCertificateCode(database.db, c.verificationCode, 'fi')).toMatchObject({ status: 'revoked', revokedAt: new Date('2026-12-01T09:00:00Z') });
    // A revoked certificate is no longer downloadable; a valid signature on it still reports revoked.
    await expect(certificatePdf(actor, deps, { certificateId: c.id, fallbackLocale: 'fi' })).rejects.toThrow(NotFoundError);
    expect(await checkPastedCredential(database.db, deps.config, c.credentialJwt!)).toMatchObject({ ok: true, status: 'revoked' });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'certificates.revoked'));
    expect(audit).toMatchObject({ targetId: c.id, actorUserId: a.coordinator!.userId });

    // Erasure (ADR 034): the row stays without the person; the code says "no longer valid".
    const other = await issueCertificate(a.coordinator!, deps, training(holder.id, { achievement: { ...training(holder.id).achievement, kind: 'mentor-training' } }), NOW);
    await database.db.transaction((tx) => erasePersonInTransaction(tx, { userId: holder.id, email: 'maija@certificates.example.fi' }, {}));
    const [row] = await database.db.select().from(certificates).where(eq(certificates.id, other.id));
    expect(row).toMatchObject({ holderUserId: null, holderName: null, holderEmail: null, credentialJwt: null, verificationCode: other.verificationCode });
    const gone = await verifyCertificateCode(database.db, other.verificationCode, 'fi');
    expect(gone).toMatchObject({ status: 'erased', holder: null, organization: null, email: null });
    expect(await verifyCertificateCode(database.db, newVerificationCode(), 'fi')).toBeNull();
  });
});
