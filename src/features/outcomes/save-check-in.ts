// Use case: the person saves the answers of a check-in as a draft (correctable) or submits
// them (final). On submission each scored instrument is scored and the score stored.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, outcomePolicy } from '../../platform/policy/index.ts';
import { checkAnswers, type AnswersByInstrument } from './check-in-answers.ts';
import { CheckInSubmittedError, InvalidAnswersError, NoConsentError } from './outcomes.errors.ts';
import { consentActive, findConsent, listCustomInstruments } from './outcomes.queries.ts';
import { checkInAnswers, checkIns, checkInScores } from './outcomes.schema.ts';
import { instrumentsFor } from './plan.ts';
import { scoreInstrument } from './scoring.ts';

export async function saveCheckIn(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; checkInId: string; answers: AnswersByInstrument; submit: boolean },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, checkInId } = input;
  await deps.db.transaction(async (tx) => {
    const [checkIn] = await tx
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.id, checkInId)))
      .for('update');
    if (!checkIn) throw new NotFoundError();
    authorize(actor, { organizationId, userId: checkIn.userId }, outcomePolicy.answer);
    if (!consentActive(await findConsent(tx, { organizationId, userId: checkIn.userId }))) throw new NoConsentError();
    if (checkIn.status === 'submitted') throw new CheckInSubmittedError();
    const instruments = instrumentsFor(checkIn.kind, await listCustomInstruments(tx, { organizationId }));
    const problems = checkAnswers(instruments, input.answers, input.submit);
    if (Object.keys(problems).length > 0) throw new InvalidAnswersError(problems);

    await tx.delete(checkInAnswers).where(and(eq(checkInAnswers.organizationId, organizationId), eq(checkInAnswers.checkInId, checkInId)));
    const rows = instruments.flatMap((instrument) =>
      Object.entries(input.answers[instrument.id] ?? {}).map(([itemId, value]) => ({
        organizationId,
        checkInId,
        instrumentId: instrument.id,
        itemId,
        valueNumber: typeof value === 'number' ? String(value) : null,
        valueCode: typeof value === 'string' ? value : null,
      })),
    );
    if (rows.length > 0) await tx.insert(checkInAnswers).values(rows);

    if (input.submit) {
      const scores = instruments.flatMap((instrument) => {
        if (instrument.scoring.kind !== 'scale') return [];
        const result = scoreInstrument(instrument, input.answers[instrument.id] ?? {});
        if (result.status !== 'scored') return [];
        return [
          {
            organizationId,
            checkInId,
            instrumentId: instrument.id,
            userId: checkIn.userId,
            groupId: checkIn.groupId,
            kind: checkIn.kind,
            wave: checkIn.wave,
            meetingId: checkIn.meetingId,
            score: String(result.score),
            band: result.band?.code ?? null,
            submittedAt: now,
          },
        ];
      });
      if (scores.length > 0) await tx.insert(checkInScores).values(scores);
    }
    await tx
      .update(checkIns)
      .set(input.submit ? { status: 'submitted', submittedAt: now, updatedAt: now } : { updatedAt: now })
      .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.id, checkInId)));
  });
}
