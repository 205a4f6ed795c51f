// Certificates (issue 15, point 6). The organisation's coordinators issue (the training feature
// calls issueCertificate on a confirmed completion), list and revoke its certificates; the holder
// — and only the holder, in whatever organisation they are now — sees their own, downloads the PDF
// and the credential, and chooses what the public verification page shows. Anyone may verify a
// code on the public page (it shows only what the holder chose).
import { always, and, hasRole, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

export interface CertificateResource extends OrganizationScoped {
  /** Null once the holder's data is erased. */
  holderUserId: string | null;
  revoked: boolean;
}

const isCoordinator: Rule<OrganizationScoped> = hasRole('coordinator');
const isHolder: Rule<CertificateResource> = (actor, r) => actor !== null && r.holderUserId !== null && actor.userId === r.holderUserId;
const isValid: Rule<CertificateResource> = (_actor, r) => !r.revoked && r.holderUserId !== null;

export const certificatePolicy = {
  /** The public page /verify/:code. */
  verify: always as Rule<CertificateResource>,
  issue: isCoordinator,
  /** The organisation's list and one certificate's page for staff. */
  list: isCoordinator,
  revoke: and<CertificateResource>(isCoordinator, isValid),
  readOwn: isHolder,
  /** The PDF and the signed credential: the holder, while it is valid. */
  download: and<CertificateResource>(isHolder, isValid),
  setDisclosure: isHolder,
} satisfies Policy;
