// Loading the newsletter named in a URL for a coordinator's page: the actor's organisation's only
// (another organisation's, or a malformed id, answers 404); the rule decides 403/404.
import { data } from 'react-router';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Services } from '../../src/platform/services.ts';
import { authorize, newsletterPolicy, type NewsletterResource, type Rule } from '../../src/platform/policy/index.ts';
import { findNewsletter } from '../../src/features/newsletters/newsletters.queries.ts';
import type { Newsletter } from '../../src/features/newsletters/newsletter-mail.ts';
import { rethrowAsResponse } from '../ui/form';
import { uuidParam } from './params.server';

export async function loadManagedNewsletter(services: Pick<Services, 'db'>, actor: Actor, idParam: string | undefined, rule: Rule<NewsletterResource>): Promise<Newsletter> {
  const newsletterId = uuidParam(idParam);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const newsletter = await findNewsletter(services.db, { organizationId: actor.organizationId, newsletterId });
  if (!newsletter) throw data(null, { status: 404 });
  try {
    authorize(actor, newsletter, rule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return newsletter;
}

/** The organisation of a coordinator's newsletter page, or 403/404 as the policy decides. */
export function requireNewsletterOrganization(actor: Actor): string {
  if (!actor.organizationId) throw data(null, { status: 404 });
  try {
    authorize(actor, { organizationId: actor.organizationId, status: 'draft', audienceKind: 'subscribers' }, newsletterPolicy.manage);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return actor.organizationId;
}

/** The form's values from a stored newsletter (for the edit page). */
export function newsletterValues(n: Newsletter): Record<string, string> {
  return {
    subjectFi: n.subjectFi,
    subjectSv: n.subjectSv,
    subjectEn: n.subjectEn,
    bodyFi: n.bodyFi,
    bodySv: n.bodySv,
    bodyEn: n.bodyEn,
    audienceKind: n.audienceKind,
    groupId: n.audienceKind === 'group' ? (n.audienceTargetId ?? '') : '',
    eventId: n.audienceKind === 'event' ? (n.audienceTargetId ?? '') : '',
  };
}
