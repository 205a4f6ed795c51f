// Use cases: the holder takes their certificate with them — the PDF (the one PDF maker, tagged,
// in the holder's language: name, achievement, dates, organisation, the verification code and a
// QR code to the verification page) and the Open Badges credential (the VC-JWT as issued, and its
// JSON). Only the holder, and only while the certificate is valid.
import QRCode from 'qrcode';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, intlLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import { renderPdf, type PdfBlock } from '../../platform/pdf/pdf.ts';
import { certificatePolicy } from '../../platform/policy/index.ts';
import { calendarDay, certificateResource, certificateTexts, findCertificateById, type CertificateWithOrganization } from './certificates.queries.ts';
import { ensureCredential, holderLocale, type CredentialDeps } from './credential.ts';
import { decodeCredential, publicJwks } from './open-badge.ts';
import { formatVerificationCode } from './verification-code.ts';

type Deps = CredentialDeps & { db: Db };

export function verificationUrl(appUrl: string, code: string): string {
  return `${appUrl}/verify/${formatVerificationCode(code)}`;
}

async function holdersValidCertificate(actor: Actor | null, db: Db, certificateId: string): Promise<CertificateWithOrganization> {
  const certificate = await findCertificateById(db, certificateId);
  // Someone else's, revoked or erased: nothing to download here.
  if (!certificate || !certificatePolicy.download(actor, certificateResource(certificate))) throw new NotFoundError();
  return certificate;
}

export function certificateFileStem(c: { verificationCode: string }): string {
  return `tyopeili-certificate-${formatVerificationCode(c.verificationCode)}`;
}

/** The PDF's blocks in one language (exported for the test of its text). */
export async function certificatePdfBlocks(c: CertificateWithOrganization, locale: Locale, appUrl: string): Promise<{ title: string; blocks: PdfBlock[] }> {
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) => translate(locale, key, values);
  const texts = certificateTexts(c, locale);
  const url = verificationUrl(appUrl, c.verificationCode);
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  const title = t('certificates.pdf.title', { title: texts.title });
  return {
    title,
    blocks: [
      { kind: 'h1', text: t('certificates.pdf.heading') },
      { kind: 'p', text: t('certificates.pdf.awardedTo') },
      { kind: 'h2', text: c.holderName ?? '' },
      { kind: 'p', text: t('certificates.pdf.completed') },
      { kind: 'h2', text: texts.title },
      { kind: 'p', text: texts.description },
      { kind: 'p', text: t('certificates.pdf.criteria', { criteria: texts.criteria }) },
      {
        kind: 'p',
        text: t('certificates.pdf.dates', { start: formatDateTime(locale, calendarDay(c.startedOn), 'date'), end: formatDateTime(locale, calendarDay(c.endedOn), 'date') }),
      },
      { kind: 'p', text: t('certificates.pdf.issuer', { organization: c.organizationName, date: formatDateTime(locale, c.issuedAt, 'date') }) },
      { kind: 'h2', text: t('certificates.pdf.code', { code: formatVerificationCode(c.verificationCode) }) },
      { kind: 'figure', png, alt: t('certificates.pdf.qrAlt', { url }), width: 130 },
      { kind: 'p', text: t('certificates.pdf.verifyAt') },
      { kind: 'p', text: url },
    ],
  };
}

/** The certificate as a PDF in the holder's language (their account's, else the page's). */
export async function certificatePdf(actor: Actor | null, deps: Deps, input: { certificateId: string; fallbackLocale: Locale }): Promise<{ fileName: string; body: Buffer }> {
  const c = await holdersValidCertificate(actor, deps.db, input.certificateId);
  const locale = (await holderLocale(deps.db, c.holderUserId)) ?? input.fallbackLocale;
  const { title, blocks } = await certificatePdfBlocks(c, locale, deps.config.appUrl);
  const body = await renderPdf({ title, lang: intlLocale[locale], author: c.organizationName, blocks, createdAt: c.issuedAt });
  return { fileName: `${certificateFileStem(c)}.pdf`, body };
}

/** The signed credential (VC-JWT) and its JSON, with the issuer's public keys for checking offline. */
export async function certificateCredential(actor: Actor | null, deps: Deps, input: { certificateId: string }) {
  const c = await holdersValidCertificate(actor, deps.db, input.certificateId);
  const jwt = await deps.db.transaction((tx) => ensureCredential(tx, deps, c));
  return {
    fileStem: certificateFileStem(c),
    jwt,
    json: {
      credential: decodeCredential(jwt),
      // Shipped with the download: a verifier checks the signature with these keys, offline.
      issuerKeys: await publicJwks(deps.config.credentialSigningKey, deps.config.appUrl),
      jwt,
    },
  };
}
