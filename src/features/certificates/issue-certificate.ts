// Use case: the organisation's coordinator issues a certificate to a member — called by the
// training feature when a completion is confirmed (issue 15, point 5→6), or by anything else that
// certifies. The input is checked by zod (certificates.validation.ts); the holder's name and
// address are copied as on the certificate; a verification code is drawn; the Open Badges
// credential is signed at once and kept; the issue is audit-logged. With a `source` the same
// achievement for the same source is issued once: calling again returns the first certificate.
//
// issueCertificateInTransaction runs inside the caller's transaction (the completion and its
// certificate commit together); issueCertificate opens its own. Without signing deps (null: the
// demo seed, which has only the database) the credential is signed on first download
// (ensureCredential in credential.ts), as for the demo's other certificates.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import { authorize, certificatePolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { CertificateInputError, CertificateStateError } from './certificates.errors.ts';
import type { Certificate } from './certificates.queries.ts';
import { certificates } from './certificates.schema.ts';
import { issueCertificateInput, type IssueCertificateInput } from './certificates.validation.ts';
import { signCertificate, type CredentialDeps } from './credential.ts';
import { newVerificationCode } from './verification-code.ts';

export type IssueDeps = CredentialDeps & { db: Db };
export type { IssueCertificateInput };

export async function issueCertificateInTransaction(
  tx: Tx,
  actor: Actor | null,
  deps: CredentialDeps | null,
  raw: IssueCertificateInput,
  now: Date = new Date(),
): Promise<Certificate> {
  const parsed = issueCertificateInput.safeParse(raw);
  if (!parsed.success) throw new CertificateInputError();
  const input = parsed.data;
  const { organizationId, holderUserId } = input;
  authorize(actor, { organizationId, holderUserId, revoked: false }, certificatePolicy.issue);
  const [holder] = await tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, holderUserId)));
  if (!holder) throw new CertificateStateError('certificates.error.notMember');
  const sameSource = async () =>
    input.source
      ? (
          await tx
            .select()
            .from(certificates)
            .where(
              and(
                eq(certificates.organizationId, organizationId),
                eq(certificates.sourceType, input.source.type),
                eq(certificates.sourceId, input.source.id),
                eq(certificates.holderUserId, holderUserId),
                eq(certificates.achievementKind, input.achievement.kind),
                isNull(certificates.revokedAt),
              ),
            )
        )[0]
      : undefined;
  const existing = await sameSource();
  if (existing) return existing;
  const { title, description, criteria } = input.achievement;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx
      .insert(certificates)
      .values({
        organizationId,
        id: newId(),
        holderUserId,
        holderName: holder.name,
        holderEmail: holder.email,
        achievementKind: input.achievement.kind,
        titleFi: title.fi,
        titleSv: title.sv,
        titleEn: title.en,
        descriptionFi: description.fi,
        descriptionSv: description.sv,
        descriptionEn: description.en,
        criteriaFi: criteria.fi,
        criteriaSv: criteria.sv,
        criteriaEn: criteria.en,
        sourceType: input.source?.type ?? null,
        sourceId: input.source?.id ?? null,
        startedOn: input.startedOn,
        endedOn: input.endedOn,
        issuedAt: now,
        issuedBy: actor!.userId,
        verificationCode: newVerificationCode(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // Another transaction issued the same source at once, or (once in 10^15) the code was taken.
      const raced = await sameSource();
      if (raced) return raced;
      continue;
    }
    const credentialJwt = deps ? await signCertificate(tx, deps, row, now) : null;
    const [signed] = await tx
      .update(certificates)
      .set({ credentialJwt })
      .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, row.id)))
      .returning();
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'certificates.issued',
      targetType: 'certificate',
      targetId: row.id,
      metadata: { holderUserId, kind: input.achievement.kind },
    });
    return signed!;
  }
  throw new Error('no free verification code after 5 tries');
}

export function issueCertificate(actor: Actor | null, deps: IssueDeps, input: IssueCertificateInput, now: Date = new Date()): Promise<Certificate> {
  return deps.db.transaction((tx) => issueCertificateInTransaction(tx, actor, deps, input, now));
}
