// Use case: an installation admin exports individual-level answers of an organisation for
// research: pseudonymised (no names, no e-mail; a per-export keyed hash of the user id),
// only of people whose consent is active, and audit-logged. Outside the disclosure-control layer
// (individual rows for an admin with a stated purpose), but dates are coarsened to the Helsinki
// month, so a row cannot be matched to a meeting, a pulse or an attendance date
// (docs/decisions/015-disclosure-control.md).
import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { recordStaffRead } from '../../platform/audit/staff-reads.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { authorize, researchExportPolicy } from '../../platform/policy/index.ts';
import { csvDocument, csvField } from '../../platform/export/cells.ts';
import { checkInAnswers, checkIns, measurementConsents } from './outcomes.schema.ts';
import { helsinkiDate } from './outcomes.queries.ts';

export type ResearchRow = {
  person: string;
  kind: string;
  wave: number | null;
  /** YYYY-MM (Helsinki) */ submittedMonth: string;
  instrumentId: string;
  itemId: string;
  value: number | string;
};

export async function exportResearchAnswers(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; purpose: string }): Promise<ResearchRow[]> {
  const { organizationId } = input;
  authorize(actor, { organizationId }, researchExportPolicy.export);
  const key = randomBytes(32);
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        userId: checkIns.userId,
        kind: checkIns.kind,
        wave: checkIns.wave,
        submittedAt: checkIns.submittedAt,
        instrumentId: checkInAnswers.instrumentId,
        itemId: checkInAnswers.itemId,
        valueNumber: checkInAnswers.valueNumber,
        valueCode: checkInAnswers.valueCode,
      })
      .from(checkInAnswers)
      .innerJoin(checkIns, and(eq(checkIns.organizationId, checkInAnswers.organizationId), eq(checkIns.id, checkInAnswers.checkInId)))
      .innerJoin(measurementConsents, and(eq(measurementConsents.organizationId, checkIns.organizationId), eq(measurementConsents.userId, checkIns.userId)))
      .where(and(eq(checkInAnswers.organizationId, organizationId), eq(checkIns.status, 'submitted'), isNull(measurementConsents.withdrawnAt)));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'outcomes.research_export',
      targetType: 'organization',
      targetId: organizationId,
      metadata: { rows: rows.length, purpose: input.purpose },
    });
    // Also a staff read of each person's answers, so that each sees it under "who has handled my data".
    await recordStaffRead(tx, actor!, {
      organizationId,
      purpose: 'research.export',
      targetType: 'organization',
      targetId: organizationId,
      subjectUserIds: rows.map((r) => r.userId),
    });
    return rows.map((r) => ({
      person: createHmac('sha256', key).update(r.userId).digest('hex').slice(0, 16),
      kind: r.kind,
      wave: r.wave,
      submittedMonth: helsinkiDate(r.submittedAt!).slice(0, 7),
      instrumentId: r.instrumentId,
      itemId: r.itemId,
      value: r.valueCode ?? Number(r.valueNumber),
    }));
  });
}

export const researchColumns = ['person', 'kind', 'wave', 'submitted_month', 'instrument', 'item', 'value'] as const;

/**
 * The rows as CSV in the evaluation export's format (BOM, ";", CRLF, the language's decimal
 * separator). Column names and values are codes, not translations, so analysis scripts do not
 * depend on the exporter's language.
 */
export function researchCsv(rows: readonly ResearchRow[], locale: Locale): string {
  const number = (n: number) => (locale === 'en' ? String(n) : String(n).replace('.', ','));
  const lines = [researchColumns.join(';')];
  for (const r of rows) {
    const cells = [
      r.person,
      r.kind,
      r.wave === null ? '' : String(r.wave),
      r.submittedMonth,
      r.instrumentId,
      r.itemId,
      typeof r.value === 'number' ? number(r.value) : r.value,
    ];
    lines.push(cells.map(csvField).join(';'));
  }
  return csvDocument(lines);
}
