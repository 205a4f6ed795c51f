// Course evaluation (issue 15, point 8): after each session and at the end of the course a trainee
// gives a short anonymous evaluation (two ratings 1–5 and a comment). The answer carries no
// enrolment, no person and no time (training_feedback); who has answered is kept apart
// (training_feedback_givers), one answer per trainee and target, claimed in the answer's
// transaction. Coordinators and the cohort's mentors see counts and means only through the
// disclosure layer: under five answers they are withheld.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { releaseFigures, type Released } from '../../platform/disclosure/release.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { localized } from './template.ts';
import { TrainingError } from './training.errors.ts';
import { cohortResource, findCohort, findEnrolment, listCohortSessions, type Enrolment } from './training.queries.ts';
import { COURSE_TARGET, trainingFeedback, trainingFeedbackGivers } from './training.schema.ts';
import { evaluationFormSchema, type EvaluationForm } from './training.validation.ts';

/** The disclosure domain of course evaluations: the anonymous answers are the members. */
export const TRAINING_FEEDBACK_DOMAIN = 'training-feedback';
export const TRAINING_FEEDBACK_MIN_N = 5;

/** What a trainee may evaluate now: the sessions that have begun, and the course once its last session has. */
export async function evaluationTargets(db: Tx, enrolment: Enrolment, locale: string, now: Date) {
  const sessions = await listCohortSessions(db, { organizationId: enrolment.organizationId, cohortId: enrolment.cohortId });
  const given = await db
    .select({ target: trainingFeedbackGivers.target })
    .from(trainingFeedbackGivers)
    .where(and(eq(trainingFeedbackGivers.organizationId, enrolment.organizationId), eq(trainingFeedbackGivers.enrolmentId, enrolment.id)));
  const done = new Set(given.map((g) => g.target));
  const begun = sessions.filter((s) => s.cohortSession.startsAt.getTime() <= now.getTime());
  const targets = begun.map((s) => ({ target: s.cohortSession.id, title: localized(s.session.title, locale), given: done.has(s.cohortSession.id) }));
  const last = sessions.at(-1);
  const courseOpen = enrolment.status === 'completed' || (last !== undefined && last.cohortSession.startsAt.getTime() <= now.getTime());
  return { sessions: targets, course: courseOpen ? { target: COURSE_TARGET, given: done.has(COURSE_TARGET) } : null };
}

export async function giveCourseEvaluation(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; enrolmentId: string; form: EvaluationForm },
  now: Date = new Date(),
): Promise<void> {
  const { organizationId } = input;
  const parsed = evaluationFormSchema.safeParse(input.form);
  if (!parsed.success) throw new TrainingError('training.validation.rating');
  const form = parsed.data;
  await deps.db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: input.enrolmentId });
    if (!enrolment || !actor || enrolment.userId !== actor.userId) throw new NotFoundError();
    const cohort = await findCohort(tx, { organizationId, cohortId: enrolment.cohortId });
    if (!cohort) throw new NotFoundError();
    authorize(actor, await cohortResource(tx, cohort, actor), coursePolicy.evaluate);
    const targets = await evaluationTargets(tx, enrolment, 'fi', now);
    const open = form.target === COURSE_TARGET ? targets.course !== null : targets.sessions.some((s) => s.target === form.target);
    if (!open) throw new TrainingError('training.evaluation.notOpen');
    const [claimed] = await tx
      .insert(trainingFeedbackGivers)
      .values({ organizationId, enrolmentId: enrolment.id, target: form.target })
      .onConflictDoNothing()
      .returning({ target: trainingFeedbackGivers.target });
    if (!claimed) throw new TrainingError('training.evaluation.alreadyGiven');
    await tx.insert(trainingFeedback).values({ organizationId, cohortId: cohort.id, target: form.target, useful: form.useful, ready: form.ready, comment: form.comment ? form.comment : null });
    // No person with the answer: the audit names the cohort only.
    await recordAudit(tx, { organizationId, actorUserId: null, action: 'training.evaluation_given', targetType: 'cohort', targetId: cohort.id });
  });
}

export interface EvaluationSummary {
  target: string;
  title: string;
  /** Answers; null when withheld. */
  n: number | null;
  useful: number | null;
  ready: number | null;
  /** Comments without names, sorted; empty when withheld. */
  comments: string[];
  withheld: boolean;
}

/** A cohort's evaluation per session and for the course, through releaseFigures. */
export async function releasedCourseEvaluation(
  actor: Actor | null,
  db: Db,
  { organizationId, cohortId }: { organizationId: string; cohortId: string },
  locale: string,
): Promise<Released<EvaluationSummary[]>> {
  const cohort = await findCohort(db, { organizationId, cohortId });
  if (!cohort) throw new NotFoundError();
  authorize(actor, await cohortResource(db, cohort, actor), coursePolicy.readEvaluation);
  const sessions = await listCohortSessions(db, { organizationId, cohortId });
  const rows = await db
    .select({
      target: trainingFeedback.target,
      ids: sql<string[]>`coalesce(array_agg(${trainingFeedback.id}::text ORDER BY ${trainingFeedback.id}), '{}')::text[]`,
      usefulSum: sql<string | null>`sum(${trainingFeedback.useful})`,
      readySum: sql<string | null>`sum(${trainingFeedback.ready})`,
      comments: sql<string[] | null>`array_agg(${trainingFeedback.comment} ORDER BY ${trainingFeedback.comment}) FILTER (WHERE ${trainingFeedback.comment} IS NOT NULL)`,
    })
    .from(trainingFeedback)
    .where(and(eq(trainingFeedback.organizationId, organizationId), eq(trainingFeedback.cohortId, cohortId)))
    .groupBy(trainingFeedback.target);
  const order = [...sessions.map((s) => ({ target: s.cohortSession.id, title: localized(s.session.title, locale) })), { target: COURSE_TARGET, title: '' }];
  const ratingMean = (sum: string | null) => ({ sum: Number(sum ?? 0), min: 1, max: 5, step: 0.1 });
  const candidates = rows.flatMap((r) => [
    { id: `useful:${r.target}`, members: r.ids, means: [ratingMean(r.usefulSum)], bundle: r.target },
    { id: `ready:${r.target}`, members: r.ids, means: [ratingMean(r.readySum)], bundle: r.target },
  ]);
  const mean = (sum: string | null, n: number) => Math.round((Number(sum ?? 0) / n) * 10) / 10;
  return releaseFigures(
    db,
    { organizationId, domain: TRAINING_FEEDBACK_DOMAIN },
    candidates,
    (d) =>
      order.map(({ target, title }) => {
        const r = rows.find((x) => x.target === target);
        const n = r?.ids.length ?? 0;
        const released = r !== undefined && n > 0 && d.released(`useful:${target}`) && d.released(`ready:${target}`);
        return {
          target,
          title,
          n: released ? n : null,
          useful: released ? mean(r.usefulSum, n) : null,
          ready: released ? mean(r.readySum, n) : null,
          comments: released ? (r.comments ?? []) : [],
          withheld: !released,
        };
      }),
    { k: TRAINING_FEEDBACK_MIN_N, minSpan: 0.4 },
  );
}
