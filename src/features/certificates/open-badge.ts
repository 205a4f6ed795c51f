// The Open Badges 3.0 credential (1EdTech OB 3.0: an OpenBadgeCredential in the W3C VC Data Model
// 2.0) of one certificate, and its signature as a VC-JWT (OB 3.0 §8.2, JSON Web Token proof
// format): a compact JWS, alg EdDSA (Ed25519), header kid a URL that dereferences to the public
// JWK, the payload the credential itself with the registered claims mirroring it (iss = issuer.id,
// jti = id, nbf = validFrom). The library is panva's `jose`; no cryptography of our own. The
// public key is published as a JWKS (/.well-known/jwks.json) so anyone can check a credential
// offline once they have the key (ADR 034).
import { createHash, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, decodeJwt, exportJWK, jwtVerify, SignJWT, type JSONWebKeySet, type JWK } from 'jose';

export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
export const OB3_TYPE = ['VerifiableCredential', 'OpenBadgeCredential'] as const;

export interface IdentityObject {
  type: 'IdentityObject';
  identityType: 'name' | 'emailAddress';
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  issuer: { id: string; type: ['Profile']; name: string; url?: string };
  validFrom: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    activityStartDate: string;
    activityEndDate: string;
    identifier: IdentityObject[];
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'Certificate';
      name: string;
      description: string;
      criteria: { narrative: string };
      inLanguage: string;
    };
  };
}

/** What the credential says, in one language (the holder's). */
export interface CredentialFacts {
  certificateId: string;
  appUrl: string;
  organization: { id: string; name: string; slug: string };
  achievement: { kind: string; name: string; description: string; criteria: string; language: string };
  holder: { name: string; email: string };
  /** ISO dates (Helsinki calendar days). */
  startedOn: string;
  endedOn: string;
  issuedAt: Date;
}

export function issuerId(appUrl: string, organizationId: string): string {
  return `${appUrl}/credentials/issuers/${organizationId}`;
}

/** The e-mail address as an OB 3.0 hashed identity: sha256 of the lower-cased address and a salt. */
export function hashedEmailIdentity(email: string, salt: string = randomBytes(16).toString('hex')): IdentityObject {
  const hash = createHash('sha256').update(email.trim().toLowerCase() + salt, 'utf8').digest('hex');
  return { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${hash}`, salt };
}

export function buildOpenBadgeCredential(f: CredentialFacts, salt?: string): OpenBadgeCredential {
  return {
    '@context': [...OB3_CONTEXT],
    id: `urn:uuid:${f.certificateId}`,
    type: [...OB3_TYPE],
    name: f.achievement.name,
    issuer: { id: issuerId(f.appUrl, f.organization.id), type: ['Profile'], name: f.organization.name, url: `${f.appUrl}/organizations/${f.organization.slug}` },
    validFrom: f.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      type: ['AchievementSubject'],
      activityStartDate: `${f.startedOn}T00:00:00Z`,
      activityEndDate: `${f.endedOn}T00:00:00Z`,
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: f.holder.name }, hashedEmailIdentity(f.holder.email, salt)],
      achievement: {
        id: `${f.appUrl}/credentials/achievements/${f.organization.id}/${f.achievement.kind}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: f.achievement.name,
        description: f.achievement.description,
        criteria: { narrative: f.achievement.criteria },
        inLanguage: f.achievement.language,
      },
    },
  };
}

/** The issuer's public key as a JWK with its `kid` (a URL that answers with this JWK). */
export async function publicJwk(signingKey: KeyObject, appUrl: string): Promise<JWK> {
  const jwk = await exportJWK(createPublicKey(signingKey));
  const thumbprint = await calculateJwkThumbprint(jwk, 'sha256');
  return { ...jwk, kid: `${appUrl}/credentials/keys/${thumbprint}`, alg: 'EdDSA', use: 'sig' };
}

export async function publicJwks(signingKey: KeyObject, appUrl: string): Promise<JSONWebKeySet> {
  return { keys: [await publicJwk(signingKey, appUrl)] };
}

/** Signs the credential as a VC-JWT (compact JWS). */
export async function signCredential(credential: OpenBadgeCredential, signingKey: KeyObject, appUrl: string, now: Date = new Date()): Promise<string> {
  const { kid } = await publicJwk(signingKey, appUrl);
  return new SignJWT({ ...credential })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: kid! })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(signingKey);
}

export type CredentialCheck = { ok: true; credential: OpenBadgeCredential; certificateId: string | null } | { ok: false };

/** Verifies a VC-JWT against a JWKS (the signature, EdDSA only, and the OB 3.0 shape); never throws. */
export async function verifyCredentialJwt(jwt: string, jwks: JSONWebKeySet): Promise<CredentialCheck> {
  try {
    const { payload, protectedHeader } = await jwtVerify(jwt.trim(), createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    if (protectedHeader.typ !== undefined && protectedHeader.typ !== 'JWT') return { ok: false };
    const problems = openBadgeProblems(payload);
    if (problems.length > 0) return { ok: false };
    const credential = payload as unknown as OpenBadgeCredential;
    if (payload.iss !== credential.issuer.id || payload.jti !== credential.id) return { ok: false };
    const id = /^urn:uuid:([0-9a-f-]{36})$/.exec(credential.id)?.[1] ?? null;
    return { ok: true, credential, certificateId: id };
  } catch {
    return { ok: false };
  }
}

/** The credential's JSON without verifying (for the holder's .json download). */
export function decodeCredential(jwt: string): OpenBadgeCredential {
  const payload = decodeJwt(jwt);
  const { iss: _iss, jti: _jti, nbf: _nbf, iat: _iat, ...credential } = payload;
  return credential as unknown as OpenBadgeCredential;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const hasAll = (v: unknown, wanted: readonly string[]) => Array.isArray(v) && wanted.every((w) => v.includes(w));

/**
 * What the OB 3.0 data model requires of an OpenBadgeCredential and is missing here (empty when
 * none): contexts in order, the types, id, issuer Profile (id, type, name), validFrom, and a
 * credentialSubject of type AchievementSubject with an id or identifier and an Achievement
 * (id, type, name, description, criteria).
 */
export function openBadgeProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['not an object'];
  const context = value['@context'];
  if (!Array.isArray(context) || context[0] !== OB3_CONTEXT[0] || !context.includes(OB3_CONTEXT[1])) problems.push('@context');
  if (!hasAll(value.type, OB3_TYPE)) problems.push('type');
  if (!isText(value.id)) problems.push('id');
  const issuer = value.issuer;
  if (!isObject(issuer) || !isText(issuer.id) || !hasAll(issuer.type, ['Profile']) || !isText(issuer.name)) problems.push('issuer');
  if (!isText(value.validFrom) || Number.isNaN(Date.parse(value.validFrom))) problems.push('validFrom');
  const subject = value.credentialSubject;
  if (!isObject(subject) || !hasAll(subject.type, ['AchievementSubject'])) problems.push('credentialSubject.type');
  else {
    if (!isText(subject.id) && !(Array.isArray(subject.identifier) && subject.identifier.length > 0)) problems.push('credentialSubject.identifier');
    const a = subject.achievement;
    if (!isObject(a) || !isText(a.id) || !hasAll(a.type, ['Achievement']) || !isText(a.name) || !isText(a.description) || !isObject(a.criteria))
      problems.push('credentialSubject.achievement');
  }
  return problems;
}
