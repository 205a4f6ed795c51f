// GET /training/sessions/:cohortSessionId/calendar.ics: one online session of a cohort as an
// .ics (METHOD:PUBLISH) with its link, for the cohort's trainees, mentors and coordinators.
import { z } from 'zod';
import type { Route } from './+types/session-calendar';
import { requireActor } from '../../lib/state.server';
import { DomainError, NotFoundError } from '../../../src/platform/errors.ts';
import { renderErrorPage } from '../../../src/platform/http/error-page.ts';
import { authorize, coursePolicy } from '../../../src/platform/policy/index.ts';
import { trainingIcs } from '../../../src/features/training/calendar.ts';
import { localized } from '../../../src/features/training/template.ts';
import { cohortResource, findCohort, findCohortSession, findCourse } from '../../../src/features/training/training.queries.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db, config } = state.services;
  try {
    const id = z.uuid().safeParse(params.cohortSessionId);
    if (!id.success || !actor.organizationId) throw new NotFoundError();
    const organizationId = actor.organizationId;
    const found = await findCohortSession(db, { organizationId, cohortSessionId: id.data });
    const cohort = found ? await findCohort(db, { organizationId, cohortId: found.cohortSession.cohortId }) : null;
    const course = cohort ? await findCourse(db, { organizationId, courseId: cohort.courseId }) : null;
    if (!found || !cohort || !course) throw new NotFoundError();
    authorize(actor, await cohortResource(db, cohort, actor), coursePolicy.read);
    const s = found.cohortSession;
    const body = trainingIcs(
      {
        id: s.id,
        sequence: s.sequence,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        title: `${localized(course.title, state.locale)}: ${localized(found.session.title, state.locale)}`,
        description: localized(found.session.description, state.locale),
        onlineUrl: s.onlineUrl,
        pageUrl: `${config.appUrl}/training/my`,
      },
      state.locale,
      new Date(),
    );
    return new Response(body, {
      headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="koulutus-${found.session.position}.ics"`, 'Cache-Control': 'private, no-store' },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return new Response(renderErrorPage(state.locale, error.status, state.nonce, error.messageKey), {
      status: error.status,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
}
