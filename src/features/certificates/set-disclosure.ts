// Use case: the holder chooses what the public verification page shows of them — their full name
// or initials only, the organisation that issued it, their e-mail address. The achievement, the
// dates and whether it is valid are always shown: that is what verifying means.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { certificatePolicy } from '../../platform/policy/index.ts';
import { certificateResource, findCertificateById, type Certificate } from './certificates.queries.ts';
import { certificates, type CertificateNameShown } from './certificates.schema.ts';

export async function setCertificateDisclosure(
  actor: Actor | null,
  deps: { db: Db },
  input: { certificateId: string; showName: CertificateNameShown; showOrganization: boolean; showEmail: boolean },
): Promise<Certificate> {
  return deps.db.transaction(async (tx) => {
    const certificate = await findCertificateById(tx, input.certificateId);
    // Someone else's certificate does not exist for this person.
    if (!certificate || !certificatePolicy.setDisclosure(actor, certificateResource(certificate))) throw new NotFoundError();
    const [row] = await tx
      .update(certificates)
      .set({ showName: input.showName, showOrganization: input.showOrganization, showEmail: input.showEmail })
      .where(and(eq(certificates.organizationId, certificate.organizationId), eq(certificates.id, certificate.id)))
      .returning();
    return row!;
  });
}
