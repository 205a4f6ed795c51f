// The coordinator's CSV of an event's registrations (semicolons, BOM; cells beginning with
// = + - @ neutralised by csvField). The read is logged as a staff read of the registrants.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordStaffRead } from '../../platform/audit/staff-reads.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, eventPolicy } from '../../platform/policy/index.ts';
import { csvField } from '../trust/audit.queries.ts';
import { findEvent, listActiveRegistrations } from './events.queries.ts';

export const registrationCsvColumns = [
  'position',
  'status',
  'name',
  'email',
  'organisation',
  'dietaryNeeds',
  'accessibilityNeeds',
  'code',
  'attended',
] as const;

export async function exportRegistrationsCsv(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; eventId: string; header: readonly string[]; yes: string; no: string },
): Promise<{ csv: string; title: string }> {
  return deps.db.transaction(async (tx) => {
    const event = await findEvent(tx, input);
    if (!event) throw new NotFoundError();
    authorize(actor, event, eventPolicy.manage);
    const rows = await listActiveRegistrations(tx, input);
    await recordStaffRead(tx, actor!, {
      organizationId: input.organizationId,
      purpose: 'events.registrations',
      targetType: 'event',
      targetId: event.id,
      subjectUserIds: rows.flatMap((r) => (r.userId ? [r.userId] : [])),
    });
    const lines = [input.header.map(csvField).join(';')];
    for (const r of rows) {
      lines.push(
        [
          String(r.position),
          r.status,
          r.name,
          r.email,
          r.organisation ?? '',
          r.dietaryNeeds ?? '',
          r.accessibilityNeeds ?? '',
          r.code,
          r.attended ? input.yes : input.no,
        ]
          .map(csvField)
          .join(';'),
      );
    }
    return { csv: '\uFEFF' + lines.join('\r\n') + '\r\n', title: event.title };
  });
}
