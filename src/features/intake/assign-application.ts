// Use case: the coordinator places an applicant in a forming group (an existing one
// or a new one made here). One transaction: the group (if new), the invitation to
// the organisation as an entrepreneur (the organisations feature's inviteMember,
// run in a savepoint of this transaction, with its mail), and the application's
// group and status. A person who is a member already joins the group at once (and is
// told by mail). Either mail names the group, its facilitators and its first meeting.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, isLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { applicationPolicy, authorize } from '../../platform/policy/index.ts';
import { inviteMember } from '../organizations/invite-member.ts';
import type { OrganizationDeps } from '../organizations/organizations.deps.ts';
import { findMemberByEmail, findOrganization } from '../organizations/organizations.queries.ts';
import { carryOverApplication } from './carry-over.ts';
import { ApplicationClosedError, GroupNotFormingError } from './intake.errors.ts';
import { findApplication, findGroup, groupIntroduction, insertFormingGroup, updateApplication } from './intake.queries.ts';
import type { AssignInput } from './intake.validation.ts';

export interface AssignedApplication {
  groupId: string;
  /** Set when an invitation was sent; null when the person was a member already. */
  invitationId: string | null;
  /** The invitation link's secret (for tests only; it goes to the applicant by mail). */
  invitationToken: string | null;
}

/** The group as the assignment mails name it, in the applicant's language. */
export function groupMailValues(locale: Locale, intro: { name: string; facilitatorNames: readonly string[]; firstMeetingAt: Date | null }) {
  return {
    group: intro.name,
    facilitator: intro.facilitatorNames.length ? intro.facilitatorNames.join(', ') : translate(locale, 'mail.groupInvitation.notYetChosen'),
    firstMeeting: intro.firstMeetingAt ? translate(locale, 'mail.groupInvitation.meetingAt', { when: formatDateTime(locale, intro.firstMeetingAt, 'weekday') }) : translate(locale, 'mail.groupInvitation.notYetPlanned'),
  };
}

export async function assignApplication(
  actor: Actor | null,
  deps: OrganizationDeps,
  input: { organizationId: string; applicationId: string; target: AssignInput },
  options: { now?: Date } = {},
): Promise<AssignedApplication> {
  const now = options.now ?? new Date();
  const { organizationId, applicationId, target } = input;
  return deps.db.transaction(async (tx) => {
    const application = await findApplication(tx, { organizationId, applicationId, forUpdate: true });
    if (!application) throw new NotFoundError();
    authorize(actor, application, applicationPolicy.read);
    if (!applicationPolicy.assign(actor, application)) throw new ApplicationClosedError();

    let groupId: string;
    if (target.kind === 'new') {
      const format = application.formats.length === 1 ? application.formats[0]! : application.formats.length > 1 ? 'mixed' : 'in_person';
      groupId = (await insertFormingGroup(tx, { organizationId, name: target.name, format })).id;
      await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.group_created', targetType: 'group', targetId: groupId, metadata: { from: 'intake' } });
    } else {
      const group = await findGroup(tx, { organizationId, groupId: target.groupId });
      if (!group || group.status !== 'forming') throw new GroupNotFormingError();
      groupId = group.id;
    }

    await updateApplication(tx, { organizationId, applicationId, values: { status: 'assigned', groupId, handledBy: actor?.userId ?? null } }, now);
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'intake.application_assigned', targetType: 'application', targetId: applicationId, metadata: { groupId } });

    // The mail names the group, its facilitators and its first meeting (issue 11, point 9).
    const intro = await groupIntroduction(tx, { organizationId, groupId, now });
    if (!intro) throw new NotFoundError();
    const locale: Locale = isLocale(application.locale) ? application.locale : 'fi';
    const group = groupMailValues(locale, intro);
    const member = await findMemberByEmail(tx, { organizationId, email: application.email });
    if (member) {
      await carryOverApplication(tx, { organizationId, email: application.email, userId: member.userId });
      const organization = await findOrganization(tx, { organizationId });
      await enqueueMail(tx, deps.jobs, {
        to: application.email,
        locale,
        userId: member.userId,
        template: 'groupAssigned',
        values: {
          name: application.name,
          organization: organization?.name ?? '',
          ...group,
          url: `${deps.config.appUrl}/groups/${groupId}`,
        },
      });
      return { groupId, invitationId: null, invitationToken: null };
    }
    // inviteMember opens its own transaction: on a transaction handle that is a savepoint,
    // so the invitation, its mail job and this assignment commit or roll back together.
    const invited = await inviteMember(
      actor,
      { ...deps, db: tx as unknown as Db },
      { organizationId, email: application.email, role: 'entrepreneur', name: application.name, locale, group },
      { now },
    );
    return { groupId, invitationId: invited.invitationId, invitationToken: invited.token };
  });
}
