// The municipalities an organisation serves (issue 11, point 6). A coordinator chooses them on the
// organisation's settings page; the public application form uses them to preselect the organiser
// of the applicant's municipality, and asks when two organisations serve the same one.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, canSeeOrganization, organizationPolicy } from '../../platform/policy/index.ts';
import { municipalityByCode } from '../places/municipalities.ts';
import { organizationMunicipalities } from './organizations.schema.ts';

/** The posted choice: known municipality codes only (the form sends one `municipality` per ticked box). */
export const servedMunicipalitiesSchema = z.object({
  municipalities: z
    .array(
      z.string().refine((code) => municipalityByCode(code) !== undefined, 'org.settings.municipalityUnknown'),
      'org.settings.municipalityUnknown',
    )
    .max(400, 'org.settings.municipalityUnknown'),
});

export async function listServedMunicipalities(db: Tx, { organizationId }: { organizationId: string }): Promise<string[]> {
  const rows = await db
    .select({ code: organizationMunicipalities.municipalityCode })
    .from(organizationMunicipalities)
    .where(eq(organizationMunicipalities.organizationId, organizationId))
    .orderBy(asc(organizationMunicipalities.municipalityCode));
  return rows.map((r) => r.code);
}

/** Which of these organisations serve the municipality (the application form's question). */
export async function organizationsServing(
  db: Tx,
  { organizationIds, municipalityCode }: { organizationIds: string[]; municipalityCode: string },
): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .select({ organizationId: organizationMunicipalities.organizationId })
    .from(organizationMunicipalities)
    .where(and(inArray(organizationMunicipalities.organizationId, organizationIds), eq(organizationMunicipalities.municipalityCode, municipalityCode)));
  return rows.map((r) => r.organizationId);
}

/** Municipality code → the organisations (of these) that serve it: the application form's preselection. */
export async function servedByMunicipality(db: Tx, { organizationIds }: { organizationIds: string[] }): Promise<Record<string, string[]>> {
  if (organizationIds.length === 0) return {};
  const rows = await db
    .select({ organizationId: organizationMunicipalities.organizationId, code: organizationMunicipalities.municipalityCode })
    .from(organizationMunicipalities)
    .where(inArray(organizationMunicipalities.organizationId, organizationIds))
    .orderBy(asc(organizationMunicipalities.municipalityCode));
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.code] ??= []).push(r.organizationId);
  return out;
}

/** Replaces the organisation's served municipalities (coordinators and admins); audited. */
export async function setServedMunicipalities(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; municipalities: string[] },
): Promise<{ count: number }> {
  const { organizationId } = input;
  if (!canSeeOrganization(actor, { organizationId })) throw new NotFoundError();
  authorize(actor, { organizationId }, organizationPolicy.manageSettings);
  const codes = [...new Set(servedMunicipalitiesSchema.parse({ municipalities: input.municipalities }).municipalities)];
  return deps.db.transaction(async (tx) => {
    await tx.delete(organizationMunicipalities).where(eq(organizationMunicipalities.organizationId, organizationId));
    if (codes.length) await tx.insert(organizationMunicipalities).values(codes.map((municipalityCode) => ({ organizationId, municipalityCode })));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor?.userId,
      action: 'org.municipalities_set',
      targetType: 'organization',
      targetId: organizationId,
      metadata: { count: codes.length },
    });
    return { count: codes.length };
  });
}
