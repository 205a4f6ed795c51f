// /organization/audit/export.csv: the audit viewer's rows with the same filters, as CSV.
import type { Route } from './+types/audit-export';
import { requireActor } from '../../lib/state.server';
import { auditQuery } from '../../lib/audit.server';
import { createTranslator } from '../../../src/platform/i18n/i18n.ts';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import { AUDIT_EXPORT_MAX, auditCsv, listAuditEntries } from '../../../src/features/trust/audit.queries.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const query = auditQuery(actor, new URL(request.url));
  const entries = await state.services.db.transaction(async (tx) => {
    await recordStaffRead(tx, actor, { organizationId: query.filter.organizationId, purpose: 'audit.review', targetType: 'audit_log_export', subjectUserIds: query.filter.subjectUserId ? [query.filter.subjectUserId] : [] });
    return listAuditEntries(tx, query.filter, AUDIT_EXPORT_MAX);
  });
  const t = createTranslator(state.locale);
  const header = (['when', 'actor', 'actorId', 'action', 'purpose', 'targetType', 'targetId', 'subjects', 'organization'] as const).map((c) => t(`trust.audit.csv.${c}`));
  return new Response(auditCsv(entries, header), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
