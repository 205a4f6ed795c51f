// Use case: a coordinator creates a course from the template — the four sessions, their
// assignments and the competence rubric, in fi/sv/en — with the default completion rules.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { defaultCompletionRules } from './rules.ts';
import { templateCourse, templateRubric, templateSessions } from './template.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { courseAssignments, courses, courseSessions, rubricCriteria, type CompletionRules, type LocalizedText } from './training.schema.ts';
import { findCourseSlugTaken } from './training.write.ts';

export async function createCourseFromTemplate(
  actor: Actor | null,
  deps: Pick<TrainingDeps, 'db'>,
  input: { organizationId: string; slug: string; title?: LocalizedText; completionRules?: CompletionRules; published?: boolean },
): Promise<{ courseId: string }> {
  const { organizationId } = input;
  authorize(actor, { organizationId }, coursePolicy.manage);
  return deps.db.transaction(async (tx) => {
    if (await findCourseSlugTaken(tx, input.slug)) throw new TrainingError('training.course.slugTaken');
    const courseId = newId();
    await tx.insert(courses).values({
      organizationId,
      id: courseId,
      slug: input.slug,
      title: input.title ?? templateCourse.title,
      description: templateCourse.description,
      published: input.published ?? false,
      completionRules: input.completionRules ?? defaultCompletionRules,
      createdBy: actor!.userId,
    });
    for (const [index, session] of templateSessions.entries()) {
      const sessionId = newId();
      await tx.insert(courseSessions).values({ organizationId, id: sessionId, courseId, position: index + 1, title: session.title, description: session.description });
      for (const a of session.assignments) {
        await tx.insert(courseAssignments).values({ organizationId, sessionId, kind: a.kind, title: a.title, instructions: a.instructions, dueDaysAfter: a.dueDaysAfter });
      }
    }
    for (const [index, criterion] of templateRubric.entries()) {
      await tx.insert(rubricCriteria).values({ organizationId, courseId, position: index + 1, title: criterion.title, levels: criterion.levels });
    }
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.course_created', targetType: 'course', targetId: courseId });
    return { courseId };
  });
}
