// Use cases: a coordinator defines an instrument of the organisation's own (as data), retires it
// (no longer asked; its scores stay evaluable), brings it back, or deletes it while nobody has
// answered it. A definition is never edited: answers always keep the questions they were given to.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, instrumentPolicy } from '../../platform/policy/index.ts';
import { askedIn, CUSTOM_ID_PREFIX, customInstrumentId, type CustomAskIn, type CustomInstrumentStatus } from './custom-instruments.ts';
import type { Instrument } from './instruments/index.ts';
import { InstrumentInUseError, PulseFullError } from './outcomes.errors.ts';
import { instrumentHasAnswers, listCustomInstruments } from './outcomes.queries.ts';
import { customInstruments } from './outcomes.schema.ts';

async function assertPulseRoom(tx: Tx, organizationId: string, askIn: CustomAskIn, exceptId?: string) {
  if (!askedIn(askIn, 'pulse')) return;
  const others = (await listCustomInstruments(tx, { organizationId })).filter(
    (c) => c.instrument.id !== exceptId && c.status === 'active' && askedIn(c.askIn, 'pulse'),
  );
  if (others.length > 0) throw new PulseFullError();
}

export async function defineCustomInstrument(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; instrument: Instrument; askIn: CustomAskIn },
): Promise<string> {
  const { organizationId, instrument, askIn } = input;
  authorize(actor, { organizationId }, instrumentPolicy.define);
  return deps.db.transaction(async (tx) => {
    // One definer at a time per organisation, so two pulse instruments cannot slip in side by side.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('custom_instruments'), hashtext(${organizationId}))`);
    await assertPulseRoom(tx, organizationId, askIn);
    // The id comes from the name; a second instrument of the same name gets -2, -3, … (built-in ids have no custom- prefix).
    const taken = new Set((await listCustomInstruments(tx, { organizationId })).map((c) => c.instrument.id));
    const id = taken.has(instrument.id) ? customInstrumentId(instrument.id.slice(CUSTOM_ID_PREFIX.length), taken) : instrument.id;
    await tx.insert(customInstruments).values({ organizationId, id, definition: { ...instrument, id }, askIn });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'outcomes.instrument_defined',
      targetType: 'instrument',
      targetId: id,
      metadata: { items: instrument.items.length, askIn },
    });
    return id;
  });
}

export async function setCustomInstrumentStatus(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; instrumentId: string; status: CustomInstrumentStatus },
  options: { now?: Date } = {},
): Promise<void> {
  const { organizationId, instrumentId, status } = input;
  authorize(actor, { organizationId }, instrumentPolicy.define);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('custom_instruments'), hashtext(${organizationId}))`);
    const [row] = await tx
      .select()
      .from(customInstruments)
      .where(and(eq(customInstruments.organizationId, organizationId), eq(customInstruments.id, instrumentId)));
    if (!row) throw new NotFoundError();
    if (row.status === status) return;
    if (status === 'active') await assertPulseRoom(tx, organizationId, row.askIn, instrumentId);
    await tx
      .update(customInstruments)
      .set({ status, updatedAt: options.now ?? new Date() })
      .where(and(eq(customInstruments.organizationId, organizationId), eq(customInstruments.id, instrumentId)));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: status === 'active' ? 'outcomes.instrument_activated' : 'outcomes.instrument_retired',
      targetType: 'instrument',
      targetId: instrumentId,
    });
  });
}

export async function deleteCustomInstrument(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; instrumentId: string }): Promise<void> {
  const { organizationId, instrumentId } = input;
  authorize(actor, { organizationId }, instrumentPolicy.define);
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: customInstruments.id })
      .from(customInstruments)
      .where(and(eq(customInstruments.organizationId, organizationId), eq(customInstruments.id, instrumentId)))
      .for('update');
    if (!row) throw new NotFoundError();
    if (await instrumentHasAnswers(tx, { organizationId, instrumentId })) throw new InstrumentInUseError();
    await tx.delete(customInstruments).where(and(eq(customInstruments.organizationId, organizationId), eq(customInstruments.id, instrumentId)));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'outcomes.instrument_deleted',
      targetType: 'instrument',
      targetId: instrumentId,
    });
  });
}
