// Evaluation fixtures: an entrepreneur with consent, a submitted baseline and follow-ups with
// scores for one instrument, written straight to the tables (the use cases are tested elsewhere).
import type { Tx } from '../../src/platform/db/db.ts';
import { checkIns, checkInScores, measurementConsents, type CheckInKind } from '../../src/features/outcomes/outcomes.schema.ts';
import { createTestEntrepreneur } from './people.ts';

export interface EvaluationPersonInput {
  organizationId: string;
  groupId: string | null;
  instrumentId?: string;
  birthYear?: number | null;
  gender?: 'female' | 'male' | 'other' | null;
  sector?: string;
  municipality?: string;
  /** Baseline: due and submitted on this date (null score: a draft, not answered). */
  baseline: { on: string; score: number | null };
  followUps?: { kind: Extract<CheckInKind, 'full' | 'exit'>; wave: number | null; on: string; score: number | null }[];
}

export async function createEvaluationPerson(db: Tx, input: EvaluationPersonInput) {
  const instrumentId = input.instrumentId ?? 'who-5';
  const rows = await createTestEntrepreneur(db, {
    organizationId: input.organizationId,
    birthYear: input.birthYear ?? null,
    gender: input.gender ?? null,
    company: input.sector || input.municipality ? { sector: input.sector, municipality: input.municipality } : null,
  });
  const userId = rows.user.id;
  await db.insert(measurementConsents).values({ organizationId: input.organizationId, userId, givenAt: new Date(`${input.baseline.on}T08:00:00Z`) });
  const points = [{ kind: 'baseline' as const, wave: 0, ...input.baseline }, ...(input.followUps ?? [])];
  for (const p of points) {
    const submittedAt = p.score === null ? null : new Date(`${p.on}T10:00:00Z`);
    const [ci] = await db
      .insert(checkIns)
      .values({ organizationId: input.organizationId, userId, groupId: input.groupId, kind: p.kind, wave: p.wave, dueOn: p.on, status: submittedAt ? 'submitted' : 'draft', submittedAt })
      .returning();
    if (submittedAt && p.score !== null) {
      await db.insert(checkInScores).values({ organizationId: input.organizationId, checkInId: ci!.id, instrumentId, userId, groupId: input.groupId, kind: p.kind, wave: p.wave, score: String(p.score), submittedAt });
    }
  }
  return rows;
}
