// Use case: a coordinator (any segment, any event) or a facilitator of the group (its segments)
// invites an expert from the directory, with a message. The expert is mailed in their language
// with the time in Helsinki time, and sees the invitation on their home.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, expertPolicy } from '../../platform/policy/index.ts';
import { findEvent } from '../events/events.queries.ts';
import { ExpertInvitationError } from './experts.errors.ts';
import { expertResource, findExpert, findSegment, type ExpertInvitation } from './experts.queries.ts';
import { expertInvitations } from './experts.schema.ts';

export interface ExpertDeps {
  db: Db;
  jobs: Jobs;
  config: Pick<Config, 'appUrl'>;
}

export type InviteTarget = { kind: 'segment'; meetingId: string; agendaItemId: string } | { kind: 'event'; eventId: string };

export async function inviteExpert(
  actor: Actor | null,
  deps: ExpertDeps,
  input: { organizationId: string; expertUserId: string; target: InviteTarget; message: string },
  now: Date = new Date(),
): Promise<ExpertInvitation> {
  const { organizationId, expertUserId, target } = input;
  return deps.db.transaction(async (tx) => {
    const expert = await findExpert(tx, { organizationId, userId: expertUserId });
    if (!expert) throw new NotFoundError();
    let what: string;
    let values: Omit<typeof expertInvitations.$inferInsert, 'organizationId' | 'expertUserId'>;
    if (target.kind === 'segment') {
      const segment = await findSegment(tx, { organizationId, meetingId: target.meetingId, agendaItemId: target.agendaItemId, position: null });
      if (!segment) throw new NotFoundError();
      authorize(actor, expertResource(organizationId, expertUserId, expert.profile, { facilitatorUserIds: segment.facilitatorUserIds }), expertPolicy.inviteToSegment);
      if (segment.meetingStatus !== 'scheduled' || segment.startsAt.getTime() <= now.getTime()) throw new ExpertInvitationError('experts.invite.past');
      what = segment.topic ?? '';
      values = { meetingId: segment.meetingId, agendaItemId: segment.agendaItemId, agendaPosition: segment.position, minutes: segment.minutes, startsAt: segment.startsAt };
    } else {
      const event = await findEvent(tx, { organizationId, eventId: target.eventId });
      if (!event) throw new NotFoundError();
      authorize(actor, expertResource(organizationId, expertUserId, expert.profile), expertPolicy.inviteToEvent);
      if (event.status === 'cancelled' || event.startsAt.getTime() <= now.getTime()) throw new ExpertInvitationError('experts.invite.past');
      what = event.title;
      const minutes = Math.min(1440, Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000));
      values = { eventId: event.id, minutes, startsAt: event.startsAt };
    }
    const [invitation] = await tx
      .insert(expertInvitations)
      .values({ organizationId, id: newId(), expertUserId, invitedBy: actor!.userId, message: input.message, ...values })
      .returning();
    const locale: Locale = isLocale(expert.locale) ? expert.locale : 'fi';
    await enqueueMail(tx, deps.jobs, {
      to: expert.email,
      userId: expert.userId,
      locale,
      template: 'expertInvitation',
      values: {
        name: expert.name,
        inviter: actor!.name,
        what,
        when: formatDateTime(locale, invitation!.startsAt),
        minutes: invitation!.minutes,
        message: input.message || '–',
        link: `${deps.config.appUrl}/expert-invitations/${invitation!.id}`,
      },
    });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'experts.invited', targetType: 'user', targetId: expertUserId });
    return invitation!;
  });
}
