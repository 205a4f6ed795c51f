// Who a mailing goes to: an organisation's entrepreneurs, a group's current members, an event's
// registrants (not cancelled), or the public subscribers who confirmed (double opt-in) and have
// not unsubscribed. Addresses that opted out of the organisation's newsletters are left out, and
// each address appears once (lower-cased), in the recipient's language.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import type { AudienceKind } from './newsletters.schema.ts';

export interface Recipient {
  email: string;
  userId: string | null;
  locale: Locale;
}

export interface Audience {
  organizationId: string;
  audienceKind: AudienceKind;
  audienceTargetId: string | null;
}

function sourceOf(a: Audience) {
  switch (a.audienceKind) {
    case 'entrepreneurs':
      return sql`SELECT u.email, u.id AS user_id, u.locale, 1 AS rank FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ${a.organizationId} AND m.role = 'entrepreneur'`;
    case 'group':
      return sql`SELECT u.email, u.id AS user_id, u.locale, 1 AS rank FROM group_members gm JOIN users u ON u.id = gm.user_id
        WHERE gm.organization_id = ${a.organizationId} AND gm.group_id = ${a.audienceTargetId} AND gm.left_at IS NULL`;
    case 'event':
      // A registrant with an account gets the account's language; without, the language they registered in.
      return sql`SELECT r.email, r.user_id, coalesce(u.locale, r.locale) AS locale, 1 AS rank FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id
        WHERE r.organization_id = ${a.organizationId} AND r.event_id = ${a.audienceTargetId} AND r.status <> 'cancelled'`;
    case 'subscribers':
      // A subscriber chose the newsletter's language on the form: that one, even with an account.
      return sql`SELECT s.email, u.id AS user_id, s.locale, 1 AS rank FROM newsletter_subscribers s LEFT JOIN users u ON lower(u.email) = lower(s.email)
        WHERE s.organization_id = ${a.organizationId} AND s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL`;
  }
}

/** The audience's recipients now, one per address, without those who opted out. */
export async function resolveAudience(db: Tx, audience: Audience): Promise<Recipient[]> {
  if ((audience.audienceKind === 'group' || audience.audienceKind === 'event') && !audience.audienceTargetId) return [];
  const result = await db.execute(sql`
    SELECT DISTINCT ON (lower(src.email)) lower(src.email) AS email, src.user_id, src.locale
    FROM (${sourceOf(audience)}) src
    WHERE NOT EXISTS (SELECT 1 FROM newsletter_opt_outs o WHERE o.organization_id = ${audience.organizationId} AND o.email = lower(src.email))
    ORDER BY lower(src.email), src.user_id NULLS LAST`);
  return (result.rows as { email: string; user_id: string | null; locale: string | null }[]).map((r) => ({
    email: r.email,
    userId: r.user_id,
    locale: isLocale(r.locale) ? r.locale : 'fi',
  }));
}

/** How many the preview page says the mailing will reach. */
export async function countAudience(db: Tx, audience: Audience): Promise<number> {
  return (await resolveAudience(db, audience)).length;
}
