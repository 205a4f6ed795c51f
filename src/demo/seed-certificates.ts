// The demo's certificates: the organisations' facilitators graduated from "Ohjaajakoulutus 2020",
// the online facilitator training of spring 2020 (the training feature issues the pilot's 12
// graduates' own later), and in the first organisation one certificate given twice by mistake and
// revoked. The demo seed has only the database, so the Open Badges credentials are signed with the
// installation's key on first download (credential.ts). The codes come from the seed's random.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/db.ts';
import { newId } from '../platform/db/ids.ts';
import type { Random } from '../../tests/factories/finnish-names.ts';
import { users } from '../features/accounts/accounts.schema.ts';
import { memberships } from '../features/organizations/organizations.schema.ts';
import { certificates } from '../features/certificates/certificates.schema.ts';
import { CODE_LENGTH } from '../features/certificates/verification-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const facilitatorTraining2020 = {
  achievementKind: 'facilitator-training',
  titleFi: 'Ohjaajakoulutus 2020 – Työpeili-ryhmän ohjaaja',
  titleSv: 'Handledarutbildning 2020 – handledare för en Työpeili-grupp',
  titleEn: 'Facilitator training 2020 – Työpeili group facilitator',
  descriptionFi:
    'Neljän istunnon verkkokoulutus Työpeili-vertaisryhmän ohjaajaksi: malli ja ohjaajan rooli; dialogi, luottamuksellisuus ja tasapuoliset puheenvuorot; pienet askeleet ja niiden seuranta; muutoksen mittaaminen ja ryhmän päättäminen. Koulutuksen aikana osallistuja ohjasi omaa harjoitusryhmäänsä mentorin tuella.',
  descriptionSv:
    'En webbutbildning i fyra sessioner till handledare för en Työpeili-kamratgrupp: modellen och handledarens roll; dialog, konfidentialitet och jämlika turer; små steg och uppföljning; att mäta förändring och avsluta en grupp. Under utbildningen ledde deltagaren en egen övningsgrupp med stöd av en mentor.',
  descriptionEn:
    'A four-session online course for Työpeili peer group facilitators: the model and the facilitator’s role; dialogue, confidentiality and equal turns; small steps and follow-up; measuring change and closing a group. During the course the participant led a practice group of their own with a mentor’s support.',
  criteriaFi: 'Osallistui neljään istuntoon tai korvasi poissaolon, sai kaikki tehtävät hyväksytyiksi ja ohjasi vähintään kolme harjoitusryhmän tapaamista.',
  criteriaSv: 'Deltog i fyra sessioner eller ersatte frånvaron, fick alla uppgifter godkända och ledde minst tre träffar i övningsgruppen.',
  criteriaEn: 'Attended the four sessions or made up for an absence, had every assignment accepted and led at least three practice group meetings.',
  startedOn: '2020-02-04',
  endedOn: '2020-05-26',
};

const code = (random: Random) => Array.from({ length: CODE_LENGTH }, () => random.pick([...ALPHABET])).join('');

export async function seedCertificates(
  tx: Tx,
  input: { organizations: { id: string; coordinatorEmail: string }[]; random: Random },
): Promise<{ issued: number; revoked: number }> {
  let issued = 0;
  let revoked = 0;
  const issuedAt = new Date('2020-06-02T09:00:00Z');
  for (const [i, organization] of input.organizations.entries()) {
    const [coordinator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, organization.coordinatorEmail));
    const facilitators = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.role, 'facilitator')))
      .orderBy(asc(users.email));
    for (const facilitator of facilitators) {
      const row = {
        organizationId: organization.id,
        holderUserId: facilitator.id,
        holderName: facilitator.name,
        holderEmail: facilitator.email,
        ...facilitatorTraining2020,
        issuedAt,
        issuedBy: coordinator?.id ?? null,
      };
      await tx.insert(certificates).values({ ...row, id: newId(), verificationCode: code(input.random) });
      issued += 1;
      // The first organisation gave its first graduate the certificate twice; the copy was revoked.
      if (i === 0 && revoked === 0) {
        await tx.insert(certificates).values({
          ...row,
          id: newId(),
          issuedAt: new Date(issuedAt.getTime() + 10 * 60_000),
          verificationCode: code(input.random),
          revokedAt: new Date('2020-06-03T07:30:00Z'),
          revokedBy: coordinator?.id ?? null,
          revocationReason: 'Myönnetty vahingossa kahteen kertaan; voimassa on ensimmäinen todistus.',
        });
        revoked += 1;
      }
    }
  }
  return { issued, revoked };
}
