// The audit trail: one append-only row per change that matters, written in the
// transaction of the change itself.
import type { Tx } from '../db/db.ts';
import { auditLog } from './audit.schema.ts';

export async function recordAudit(
  tx: Tx,
  e: { organizationId?: string | null; actorUserId?: string | null; action: string; targetType?: string; targetId?: string; metadata?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    organizationId: e.organizationId ?? null,
    actorUserId: e.actorUserId ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    metadata: e.metadata ?? null,
  });
}
