// Use cases: an advisor publishes availability (weekly rules and single windows, remote or at a
// place, with topics) and marks leave; a coordinator sets the organisation's slot rules.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { adviceSettingsPolicy, advisorAvailabilityPolicy, authorize } from '../../platform/policy/index.ts';
import { adviceAvailability, adviceLeave } from './advice.schema.ts';
import { saveAdviceRules } from './advice.queries.ts';
import type { AdviceRules } from './slots.ts';
import type { LeaveInput, WindowInput } from './advice.validation.ts';

export async function addAvailability(
  actor: Actor | null,
  deps: { db: Db },
  input: WindowInput & { organizationId: string; advisorUserId: string },
  options: { now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  authorize(actor, { organizationId: input.organizationId, advisorUserId: input.advisorUserId }, advisorAvailabilityPolicy.manage);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(adviceAvailability)
      .values({
        organizationId: input.organizationId,
        advisorUserId: input.advisorUserId,
        kind: input.kind,
        weekday: input.kind === 'weekly' ? input.weekday : null,
        onDate: input.kind === 'single' ? input.onDate : null,
        startTime: input.startTime,
        endTime: input.endTime,
        validFrom: input.kind === 'weekly' ? input.validFrom : null,
        validUntil: input.kind === 'weekly' ? input.validUntil : null,
        mode: input.mode,
        onlineUrl: input.mode === 'remote' ? input.onlineUrl : null,
        place: input.mode === 'on_site' ? input.place : null,
        topics: input.topics,
        createdAt: now,
      })
      .returning({ id: adviceAvailability.id });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'advice.availability_added',
      targetType: 'advice_availability',
      targetId: row!.id,
    });
    return row!.id;
  });
}

/** Booked sessions stay; the window offers no new slots. */
export async function removeAvailability(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; availabilityId: string },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ advisorUserId: adviceAvailability.advisorUserId })
      .from(adviceAvailability)
      .where(
        and(eq(adviceAvailability.organizationId, input.organizationId), eq(adviceAvailability.id, input.availabilityId), isNull(adviceAvailability.removedAt)),
      );
    if (!row) throw new NotFoundError();
    authorize(actor, { organizationId: input.organizationId, advisorUserId: row.advisorUserId }, advisorAvailabilityPolicy.manage);
    await tx
      .update(adviceAvailability)
      .set({ removedAt: now })
      .where(and(eq(adviceAvailability.organizationId, input.organizationId), eq(adviceAvailability.id, input.availabilityId)));
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'advice.availability_removed',
      targetType: 'advice_availability',
      targetId: input.availabilityId,
    });
  });
}

export async function addLeave(actor: Actor | null, deps: { db: Db }, input: LeaveInput & { organizationId: string; advisorUserId: string }): Promise<void> {
  authorize(actor, { organizationId: input.organizationId, advisorUserId: input.advisorUserId }, advisorAvailabilityPolicy.manage);
  await deps.db
    .insert(adviceLeave)
    .values({ organizationId: input.organizationId, advisorUserId: input.advisorUserId, startsOn: input.startsOn, endsOn: input.endsOn });
}

export async function removeLeave(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; leaveId: string }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(adviceLeave)
      .where(and(eq(adviceLeave.organizationId, input.organizationId), eq(adviceLeave.id, input.leaveId)));
    if (!row) throw new NotFoundError();
    authorize(actor, { organizationId: input.organizationId, advisorUserId: row.advisorUserId }, advisorAvailabilityPolicy.manage);
    await tx.delete(adviceLeave).where(and(eq(adviceLeave.organizationId, input.organizationId), eq(adviceLeave.id, input.leaveId)));
  });
}

/** The organisation's slot length, buffer and notices: its coordinators. */
export async function saveRules(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; rules: AdviceRules },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  authorize(actor, { organizationId: input.organizationId }, adviceSettingsPolicy.edit);
  await deps.db.transaction(async (tx) => {
    await saveAdviceRules(tx, { organizationId: input.organizationId, rules: input.rules, now });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'advice.rules_saved',
      targetType: 'organization',
      targetId: input.organizationId,
    });
  });
}
