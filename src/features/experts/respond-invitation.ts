// Use case: the expert accepts or declines an invitation, with an optional note. Accepting a
// segment names them as its expert (the agenda item's expertUserId: the segment-only view and
// the online link's window apply from then on); accepting an event lists them as its speaker.
// Either way the hours are recorded with the segment's or event's minutes (editable later).
// The inviter is told of the answer by mail.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, expertPolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { events } from '../events/events.schema.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { ExpertInvitationError } from './experts.errors.ts';
import { expertResource, findExpert, findInvitation, findSegment, invitationView } from './experts.queries.ts';
import { expertHours, expertInvitations } from './experts.schema.ts';
import type { ExpertDeps } from './invite-expert.ts';

export async function respondToInvitation(
  actor: Actor | null,
  deps: ExpertDeps,
  input: { organizationId: string; invitationId: string; answer: 'accept' | 'decline'; note: string },
): Promise<void> {
  const { organizationId, invitationId } = input;
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM expert_invitations WHERE organization_id = ${organizationId} AND id = ${invitationId} FOR UPDATE`);
    const invitation = await findInvitation(tx, { organizationId, invitationId });
    if (!invitation) throw new NotFoundError();
    const expert = await findExpert(tx, { organizationId, userId: invitation.expertUserId });
    if (!expert) throw new NotFoundError();
    const resource = expertResource(organizationId, invitation.expertUserId, expert.profile, { invitationStatus: invitation.status });
    // Someone else's invitation is not theirs to know about.
    if (!expertPolicy.readHours(actor, resource) || actor?.userId !== invitation.expertUserId) throw new NotFoundError();
    if (invitation.status !== 'pending') throw new ExpertInvitationError('experts.respond.answered');
    authorize(actor, resource, expertPolicy.respond);
    const view = await invitationView(tx, invitation);
    if (input.answer === 'accept') {
      if (invitation.meetingId) {
        const segment = await findSegment(tx, { organizationId, meetingId: invitation.meetingId, agendaItemId: invitation.agendaItemId, position: invitation.agendaPosition });
        if (!segment || segment.meetingStatus !== 'scheduled') throw new ExpertInvitationError('experts.respond.segmentGone');
        if (segment.expertUserId && segment.expertUserId !== invitation.expertUserId) throw new ExpertInvitationError('experts.respond.segmentTaken');
        await tx
          .update(agendaItems)
          .set({ expertUserId: invitation.expertUserId })
          .where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.id, segment.agendaItemId)));
      } else if (invitation.eventId) {
        await tx
          .update(events)
          .set({
            speakers: sql`CASE WHEN ${events.speakers} = '' THEN ${expert.name} WHEN position(${expert.name} in ${events.speakers}) > 0 THEN ${events.speakers} ELSE ${events.speakers} || ', ' || ${expert.name} END`,
          })
          .where(and(eq(events.organizationId, organizationId), eq(events.id, invitation.eventId)));
      }
      await tx
        .insert(expertHours)
        .values({ organizationId, expertUserId: invitation.expertUserId, invitationId, workedAt: invitation.startsAt, minutes: invitation.minutes, recordedBy: actor!.userId })
        .onConflictDoNothing();
    }
    await tx
      .update(expertInvitations)
      .set({ status: input.answer === 'accept' ? 'accepted' : 'declined', responseNote: input.note || null, respondedAt: new Date() })
      .where(and(eq(expertInvitations.organizationId, organizationId), eq(expertInvitations.id, invitationId)));
    if (invitation.invitedBy) {
      const [inviter] = await tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, invitation.invitedBy));
      if (inviter) {
        const locale: Locale = isLocale(inviter.locale) ? inviter.locale : 'fi';
        await enqueueMail(tx, deps.jobs, {
          to: inviter.email,
          userId: invitation.invitedBy,
          locale,
          template: input.answer === 'accept' ? 'expertInvitationAccepted' : 'expertInvitationDeclined',
          values: { name: inviter.name, expert: expert.name, what: view.title, when: formatDateTime(locale, invitation.startsAt), note: input.note || '–', link: `${deps.config.appUrl}/organization/experts/${expert.userId}` },
        });
      }
    }
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: `experts.invitation_${input.answer === 'accept' ? 'accepted' : 'declined'}`, targetType: 'expert_invitation', targetId: invitationId });
  });
}
