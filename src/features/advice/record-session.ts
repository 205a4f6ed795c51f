// Use cases of the session itself, by its advisor: a private note, the summary shared with the
// person, whether they came (a no-show is recorded), and the next steps agreed — created as the
// person's own small steps, marked as from this session and private (no group: they never show
// in a group's live round unless the person shares them).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { adviceSessionPolicy, authorize } from '../../platform/policy/index.ts';
import { steps } from '../steps/steps.schema.ts';
import { adviceNotes, adviceSessions, type SessionAttendance } from './advice.schema.ts';
import { findAdviceRules, findSession, sessionResource, type AdviceSession } from './advice.queries.ts';

async function loadAs(
  tx: Tx,
  actor: Actor | null,
  input: { organizationId: string; sessionId: string },
  action: 'writeNotes' | 'record',
  now: Date,
): Promise<AdviceSession> {
  const session = await findSession(tx, { ...input, forUpdate: true });
  if (!session) throw new NotFoundError();
  const resource = sessionResource(session, await findAdviceRules(tx, { organizationId: input.organizationId }), now);
  authorize(actor, resource, adviceSessionPolicy.read);
  authorize(actor, resource, adviceSessionPolicy[action]);
  return session;
}

export async function addAdviceNote(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; sessionId: string; text: string },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    await loadAs(tx, actor, input, 'writeNotes', now);
    await tx
      .insert(adviceNotes)
      .values({ organizationId: input.organizationId, sessionId: input.sessionId, authorUserId: actor!.userId, text: input.text, createdAt: now });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'advice.note_added',
      targetType: 'advice_session',
      targetId: input.sessionId,
    });
  });
}

/** The summary the person sees; an empty text withdraws it. */
export async function shareAdviceSummary(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; sessionId: string; summary: string | null },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    await loadAs(tx, actor, input, 'record', now);
    await tx
      .update(adviceSessions)
      .set({ summary: input.summary, summarySharedAt: input.summary ? now : null, updatedAt: now })
      .where(and(eq(adviceSessions.organizationId, input.organizationId), eq(adviceSessions.id, input.sessionId)));
  });
}

export async function recordAdviceAttendance(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; sessionId: string; attendance: SessionAttendance },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    await loadAs(tx, actor, input, 'record', now);
    await tx
      .update(adviceSessions)
      .set({ attendance: input.attendance, updatedAt: now })
      .where(and(eq(adviceSessions.organizationId, input.organizationId), eq(adviceSessions.id, input.sessionId)));
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: `advice.${input.attendance}`,
      targetType: 'advice_session',
      targetId: input.sessionId,
    });
  });
}

/** A next step agreed in the session: the person's private small step. A guest (no account) gets none. */
export async function addAdviceStep(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; sessionId: string; text: string; dueOn: string | null },
  options: { now?: Date } = {},
): Promise<{ stepId: string } | null> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const session = await loadAs(tx, actor, input, 'record', now);
    if (!session.userId) return null;
    const [row] = await tx
      .insert(steps)
      .values({
        organizationId: input.organizationId,
        groupId: null,
        userId: session.userId,
        meetingId: null,
        adviceSessionId: session.id,
        text: input.text,
        dueOn: input.dueOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: steps.id });
    return { stepId: row!.id };
  });
}
