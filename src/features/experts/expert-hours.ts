// Use cases: correcting an expert's recorded hours (the coordinator, or the expert their own,
// with a note), and the coordinator's CSV of the hours in a period (semicolons, BOM; cells
// beginning with = + - @ neutralised by the shared csvField of platform/export/cells.ts).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, expertPolicy } from '../../platform/policy/index.ts';
import { csvDocument, csvField } from '../../platform/export/cells.ts';
import { expertResource, findExpert, findHours, listHours } from './experts.queries.ts';
import { expertHours } from './experts.schema.ts';

export async function editExpertHours(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; hoursId: string; minutes: number; note: string }): Promise<void> {
  const { organizationId, hoursId } = input;
  await deps.db.transaction(async (tx) => {
    const row = await findHours(tx, { organizationId, hoursId });
    if (!row) throw new NotFoundError();
    const expert = await findExpert(tx, { organizationId, userId: row.expertUserId });
    const resource = expertResource(organizationId, row.expertUserId, expert?.profile ?? null);
    if (!expertPolicy.editHours(actor, resource) && !expertPolicy.listDirectory(actor, resource)) throw new NotFoundError();
    authorize(actor, resource, expertPolicy.editHours);
    await tx
      .update(expertHours)
      .set({ minutes: input.minutes, note: input.note, recordedBy: actor!.userId, updatedAt: new Date() })
      .where(and(eq(expertHours.organizationId, organizationId), eq(expertHours.id, hoursId)));
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'experts.hours_changed', targetType: 'expert_hours', targetId: hoursId });
  });
}

export const hoursCsvColumns = ['expert', 'date', 'hours', 'note'] as const;

/** Hours in [from, to) as CSV; the dates and numbers formatted by the caller's functions. */
export async function exportExpertHoursCsv(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; from: Date; to: Date; header: readonly string[]; date: (d: Date) => string; hours: (minutes: number) => string },
): Promise<string> {
  authorize(actor, expertResource(input.organizationId, '', null), expertPolicy.exportHours);
  const rows = await listHours(deps.db, input);
  const lines = [input.header.map(csvField).join(';')];
  for (const r of rows) lines.push([r.name, input.date(r.workedAt), input.hours(r.minutes), r.note].map(csvField).join(';'));
  await recordAudit(deps.db, { organizationId: input.organizationId, actorUserId: actor!.userId, action: 'experts.hours_exported', targetType: 'organization', targetId: input.organizationId });
  return csvDocument(lines);
}
