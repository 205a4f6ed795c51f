// Reading the audit log: the controller's viewer (filters, CSV) and a person's own
// "who has handled my data" list. Writing stays in src/platform/audit.
import { csvDocument, csvField } from '../../platform/export/cells.ts';
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { applications } from '../intake/intake.schema.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { Tx } from '../../platform/db/db.ts';

export interface AuditFilter {
  /** null: every organisation (installation admins only). */
  organizationId: string | null;
  actorUserId?: string;
  /** An action or the start of one, e.g. `read.` for every staff read. */
  action?: string;
  /** Someone whose data was read or changed (target or subject). */
  subjectUserId?: string;
  /** Helsinki calendar days, inclusive, as YYYY-MM-DD (validated before this). */
  from?: string;
  to?: string;
}

export interface AuditEntry {
  id: string;
  createdAt: Date;
  organizationId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  purpose: string | null;
  subjectCount: number;
}

export const AUDIT_PAGE_SIZE = 200;
/** The CSV takes at most this many rows (narrow the filter for more). */
export const AUDIT_EXPORT_MAX = 50_000;

function helsinkiDayStart(day: string): SQL {
  return sql`(${day}::date::timestamp AT TIME ZONE 'Europe/Helsinki')`;
}

export async function listAuditEntries(db: Tx, filter: AuditFilter, limit = AUDIT_PAGE_SIZE): Promise<AuditEntry[]> {
  const actor = alias(users, 'actor');
  const where: (SQL | undefined)[] = [];
  if (filter.organizationId) where.push(eq(auditLog.organizationId, filter.organizationId));
  if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.action) where.push(like(auditLog.action, filter.action.replace(/[\\%_]/g, (c) => '\\' + c) + '%'));
  if (filter.subjectUserId) where.push(or(eq(auditLog.targetId, filter.subjectUserId), sql`${auditLog.metadata} -> 'subjects' ? ${filter.subjectUserId}`));
  if (filter.from) where.push(gte(auditLog.createdAt, helsinkiDayStart(filter.from)));
  if (filter.to) where.push(lt(auditLog.createdAt, sql`(${filter.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki'`));
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      organizationId: auditLog.organizationId,
      actorUserId: auditLog.actorUserId,
      actorName: actor.name,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      metadata: auditLog.metadata,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ metadata, ...r }) => ({
    ...r,
    purpose: typeof metadata?.purpose === 'string' ? metadata.purpose : null,
    subjectCount: typeof metadata?.subjectCount === 'number' ? metadata.subjectCount : 0,
  }));
}

export interface ReadOfMine {
  createdAt: Date;
  actorName: string | null;
  purpose: string;
}

/**
 * Who (other than the person) has read the person's data: reads naming them as a subject,
 * and reads of an application sent with their e-mail address. Newest first.
 */
export async function listReadsAbout(db: Tx, input: { userId: string; email: string }, limit = 500): Promise<ReadOfMine[]> {
  const actor = alias(users, 'actor');
  const rows = await db
    .select({ createdAt: auditLog.createdAt, actorName: actor.name, action: auditLog.action })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorUserId))
    .leftJoin(applications, and(eq(auditLog.targetType, 'application'), eq(sql`${applications.id}::text`, auditLog.targetId)))
    .where(
      and(
        like(auditLog.action, 'read.%'),
        sql`${auditLog.actorUserId} IS DISTINCT FROM ${input.userId}`,
        or(sql`${auditLog.metadata} -> 'subjects' ? ${input.userId}`, eq(sql`lower(${applications.email})`, input.email.toLowerCase())),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
  return rows.map((r) => ({ createdAt: r.createdAt, actorName: r.actorName, purpose: r.action.slice('read.'.length) }));
}

/** The viewer's rows as a UTF-8 CSV (semicolons, BOM), column names from the caller. */
export function auditCsv(entries: readonly AuditEntry[], header: readonly string[]): string {
  const lines = [header.map(csvField).join(';')];
  for (const e of entries) {
    lines.push(
      [
        e.createdAt.toISOString(),
        e.actorName ?? '',
        e.actorUserId ?? '',
        e.action,
        e.purpose ?? '',
        e.targetType ?? '',
        e.targetId ?? '',
        String(e.subjectCount),
        e.organizationId ?? '',
      ]
        .map(csvField)
        .join(';'),
    );
  }
  return csvDocument(lines);
}
