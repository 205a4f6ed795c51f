// GET /training/mentoring/:meetingId/calendar.ics: a mentoring meeting as an .ics, for its mentor
// and the trainees taking part (and the coordinators).
import { z } from 'zod';
import type { Route } from './+types/mentoring-calendar';
import { requireActor } from '../../lib/state.server';
import { DomainError, ForbiddenError, NotFoundError } from '../../../src/platform/errors.ts';
import { renderErrorPage } from '../../../src/platform/http/error-page.ts';
import { translate } from '../../../src/platform/i18n/i18n.ts';
import { coursePolicy } from '../../../src/platform/policy/index.ts';
import { users } from '../../../src/features/accounts/accounts.schema.ts';
import { trainingIcs } from '../../../src/features/training/calendar.ts';
import { findMentoringMeeting } from '../../../src/features/training/training.queries.ts';
import { eq } from 'drizzle-orm';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db, config } = state.services;
  try {
    const id = z.uuid().safeParse(params.meetingId);
    if (!id.success || !actor.organizationId) throw new NotFoundError();
    const organizationId = actor.organizationId;
    const found = await findMentoringMeeting(db, { organizationId, meetingId: id.data });
    if (!found) throw new NotFoundError();
    const m = found.meeting;
    const mayRead = m.mentorUserId === actor.userId || found.participants.some((p) => p.userId === actor.userId) || coursePolicy.manage(actor, { organizationId });
    if (!mayRead) throw new ForbiddenError();
    const [mentor] = await db.select({ name: users.name }).from(users).where(eq(users.id, m.mentorUserId)).limit(1);
    const body = trainingIcs(
      {
        id: m.id,
        sequence: m.sequence,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        title: translate(state.locale, 'training.mentoring.icsTitle', { mentor: mentor?.name ?? '' }),
        description: m.topic,
        onlineUrl: m.onlineUrl,
        pageUrl: `${config.appUrl}/training/my`,
      },
      state.locale,
      new Date(),
    );
    return new Response(body, {
      headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'attachment; filename="mentorointi.ics"', 'Cache-Control': 'private, no-store' },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return new Response(renderErrorPage(state.locale, error.status, state.nonce, error.messageKey), {
      status: error.status,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
}
