import { and, hasRole, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** A newsletter (mailing) of an organisation. */
export interface NewsletterResource extends OrganizationScoped {
  status: 'draft' | 'sending' | 'sent';
  audienceKind: 'entrepreneurs' | 'group' | 'event' | 'subscribers';
}

/** The organisation's coordinator, or its admin (an admin membership in this organisation). */
const managesNewsletters: Rule<OrganizationScoped> = hasRole('coordinator', 'admin');
const isDraft: Rule<NewsletterResource> = (_actor, r) => r.status === 'draft';
/** The public archive holds only what went to public subscribers. */
const isPublicArchive: Rule<NewsletterResource> = (_actor, r) => r.status !== 'draft' && r.audienceKind === 'subscribers';

export const newsletterPolicy = {
  /** The list with its counts, the preview, a test send to oneself. */
  manage: managesNewsletters,
  /** Compose and change: drafts only. */
  edit: and<NewsletterResource>(managesNewsletters, isDraft),
  /** Send to the audience: once, from a draft. */
  send: and<NewsletterResource>(managesNewsletters, isDraft),
  /** The public archive: anyone, for a mailing sent to public subscribers; the organisation's managers always. */
  read: or<NewsletterResource>(isPublicArchive, managesNewsletters),
} satisfies Policy;
