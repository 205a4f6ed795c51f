// Use case: the organisation's coordinator revokes a certificate with a reason (a mistake, or the
// grounds for it no longer hold). The public page then says plainly that it is revoked and since
// when; the reason stays inside the organisation. Audit-logged; revoking twice is refused.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, certificatePolicy } from '../../platform/policy/index.ts';
import { CertificateInputError, CertificateStateError } from './certificates.errors.ts';
import { certificateResource, findOrganizationCertificate, type Certificate } from './certificates.queries.ts';
import { certificates } from './certificates.schema.ts';
import { revokeForm } from './certificates.validation.ts';

export async function revokeCertificate(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; certificateId: string; reason: string },
  now: Date = new Date(),
): Promise<Certificate> {
  const reason = revokeForm.safeParse({ reason: input.reason });
  if (!reason.success) throw new CertificateInputError();
  return deps.db.transaction(async (tx) => {
    const certificate = await findOrganizationCertificate(tx, input);
    if (!certificate) throw new NotFoundError();
    const resource = certificateResource(certificate);
    authorize(actor, resource, certificatePolicy.list);
    if (!certificatePolicy.revoke(actor, resource)) throw new CertificateStateError('certificates.error.alreadyRevoked');
    const [row] = await tx
      .update(certificates)
      .set({ revokedAt: now, revokedBy: actor!.userId, revocationReason: reason.data.reason })
      .where(and(eq(certificates.organizationId, input.organizationId), eq(certificates.id, input.certificateId), isNull(certificates.revokedAt)))
      .returning();
    if (!row) throw new CertificateStateError('certificates.error.alreadyRevoked');
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'certificates.revoked',
      targetType: 'certificate',
      targetId: row.id,
      metadata: { holderUserId: row.holderUserId },
    });
    return row;
  });
}
