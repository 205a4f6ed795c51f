// A pasted credential (VC-JWT) checked on the server: the signature against this installation's
// published key (jose's jwtVerify, EdDSA only), the OB 3.0 shape, and then the state of the
// certificate it names (a valid signature on a revoked certificate still says revoked).
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { certificateStatus, findCertificateById, type CertificateStatus } from './certificates.queries.ts';
import { publicJwks, verifyCredentialJwt } from './open-badge.ts';

export type PastedCredentialCheck = { ok: true; status: CertificateStatus | 'unknown'; name: string; issuer: string; validFrom: Date } | { ok: false };

export async function checkPastedCredential(db: Db, config: Pick<Config, 'appUrl' | 'credentialSigningKey'>, jwt: string): Promise<PastedCredentialCheck> {
  const check = await verifyCredentialJwt(jwt, await publicJwks(config.credentialSigningKey, config.appUrl));
  if (!check.ok) return { ok: false };
  const certificate = check.certificateId ? await findCertificateById(db, check.certificateId) : null;
  return {
    ok: true,
    status: certificate ? certificateStatus(certificate) : 'unknown',
    name: check.credential.credentialSubject.achievement.name,
    issuer: check.credential.issuer.name,
    validFrom: new Date(check.credential.validFrom),
  };
}
