// GET /meetings/:meetingId/calendar.ics: one meeting as an .ics to save or open (METHOD:PUBLISH),
// for the group's members and facilitators (meetingPolicy.downloadCalendar). A cancelled meeting
// comes out with STATUS:CANCELLED, so saving it again takes it off the calendar.
import { z } from 'zod';
import type { Route } from './+types/meeting-calendar';
import { requireActor } from '../../lib/state.server';
import { DomainError, NotFoundError } from '../../../src/platform/errors.ts';
import { renderErrorPage } from '../../../src/platform/http/error-page.ts';
import { authorize, meetingPolicy } from '../../../src/platform/policy/index.ts';
import { meetingEventFile, meetingIcsFilename } from '../../../src/features/meetings/calendar-export.ts';
import { locateMeeting } from '../../../src/features/groups/locate.ts';
import { findMeetingResource } from '../../../src/features/meetings/meetings.queries.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db, config } = state.services;
  try {
    const meetingId = z.uuid().safeParse(params.meetingId);
    if (!meetingId.success) throw new NotFoundError();
    const organizationId = await locateMeeting(db, actor, meetingId.data);
    const meeting = organizationId ? await findMeetingResource(db, { organizationId, meetingId: meetingId.data }) : null;
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.downloadCalendar);
    const body = meetingEventFile(
      meeting,
      { groupName: meeting.group.name, locale: state.locale, includeOnlineLink: meetingPolicy.readOnlineLink(actor, meeting), appUrl: config.appUrl },
      new Date(),
    );
    return new Response(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${meetingIcsFilename(meeting)}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return new Response(renderErrorPage(state.locale, error.status, state.nonce, error.messageKey), {
      status: error.status,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
}
