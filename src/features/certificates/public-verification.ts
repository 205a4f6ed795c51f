// The public verification page's answer for a code: whether the certificate is valid, revoked or no
// longer valid (its holder's data erased), and of the holder only what they chose to show. An
// unknown code and a malformed one answer alike, with nothing about any certificate.
import type { Db } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { calendarDay, certificateStatus, certificateTexts, findCertificateByCode, initialsOf, type CertificateStatus } from './certificates.queries.ts';
import { normalizeVerificationCode, formatVerificationCode } from './verification-code.ts';

export interface PublicCertificate {
  code: string;
  status: CertificateStatus;
  title: string;
  description: string;
  criteria: string;
  language: Locale;
  startedOn: Date;
  endedOn: Date;
  issuedAt: Date;
  revokedAt: Date | null;
  /** As the holder chose: the full name, initials, or nothing once erased. */
  holder: string | null;
  organization: string | null;
  email: string | null;
}

export async function verifyCertificateCode(db: Db, typed: string, locale: Locale): Promise<PublicCertificate | null> {
  const code = normalizeVerificationCode(typed);
  if (!code) return null;
  const c = await findCertificateByCode(db, code);
  if (!c) return null;
  const status = certificateStatus(c);
  const texts = certificateTexts(c, locale);
  const name = c.holderName ?? null;
  return {
    code: formatVerificationCode(c.verificationCode),
    status,
    title: texts.title,
    description: texts.description,
    criteria: texts.criteria,
    language: texts.language,
    startedOn: calendarDay(c.startedOn),
    endedOn: calendarDay(c.endedOn),
    issuedAt: c.issuedAt,
    revokedAt: c.revokedAt,
    holder: status === 'erased' || !name ? null : c.showName === 'initials' ? initialsOf(name) : name,
    // The organisation that issued a certificate is shown when the holder allows; an erased one, never.
    organization: status !== 'erased' && c.showOrganization ? c.organizationName : null,
    email: status !== 'erased' && c.showEmail ? c.holderEmail : null,
  };
}
