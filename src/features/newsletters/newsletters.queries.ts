// What the newsletter pages read. The coordinator's list counts the deliveries of the
// organisation's own mailings (sent / failed / unsubscribed): they are of their own mail, not
// figures about people published to anyone. The archive holds only mailings to public subscribers.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { events } from '../events/events.schema.ts';
import { groups } from '../groups/groups.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import type { Newsletter } from './newsletter-mail.ts';
import { newsletterDeliveries, newsletters } from './newsletters.schema.ts';

export interface DeliveryCounts {
  queued: number;
  sent: number;
  failed: number;
  unsubscribed: number;
}

export async function findNewsletter(db: Tx, { organizationId, newsletterId }: { organizationId: string; newsletterId: string }): Promise<Newsletter | null> {
  const [row] = await db
    .select()
    .from(newsletters)
    .where(and(eq(newsletters.organizationId, organizationId), eq(newsletters.id, newsletterId)));
  return row ?? null;
}

export async function deliveryCounts(db: Tx, { organizationId, newsletterIds }: { organizationId: string; newsletterIds: string[] }): Promise<Map<string, DeliveryCounts>> {
  const out = new Map<string, DeliveryCounts>();
  if (newsletterIds.length === 0) return out;
  const rows = await db
    .select({
      newsletterId: newsletterDeliveries.newsletterId,
      queued: sql<number>`count(*) FILTER (WHERE ${newsletterDeliveries.status} = 'queued')::int`,
      sent: sql<number>`count(*) FILTER (WHERE ${newsletterDeliveries.status} = 'sent')::int`,
      failed: sql<number>`count(*) FILTER (WHERE ${newsletterDeliveries.status} = 'failed')::int`,
      unsubscribed: sql<number>`count(*) FILTER (WHERE ${newsletterDeliveries.unsubscribedAt} IS NOT NULL)::int`,
    })
    .from(newsletterDeliveries)
    .where(and(eq(newsletterDeliveries.organizationId, organizationId), inArray(newsletterDeliveries.newsletterId, newsletterIds)))
    .groupBy(newsletterDeliveries.newsletterId);
  for (const r of rows) out.set(r.newsletterId, { queued: r.queued, sent: r.sent, failed: r.failed, unsubscribed: r.unsubscribed });
  return out;
}

/** The organisation's mailings, newest first, each with its delivery counts. */
export async function listNewsletters(db: Tx, { organizationId }: { organizationId: string }) {
  const rows = await db.select().from(newsletters).where(eq(newsletters.organizationId, organizationId)).orderBy(desc(newsletters.createdAt));
  const counts = await deliveryCounts(db, { organizationId, newsletterIds: rows.map((r) => r.id) });
  return rows.map((newsletter) => ({ newsletter, counts: counts.get(newsletter.id) ?? { queued: 0, sent: 0, failed: 0, unsubscribed: 0 } }));
}

/** The groups and events a mailing may go to (the audience choice). */
export async function audienceTargets(db: Tx, { organizationId }: { organizationId: string }) {
  const [groupRows, eventRows] = await Promise.all([
    db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.organizationId, organizationId)).orderBy(groups.name),
    db
      .select({ id: events.id, name: events.title, startsAt: events.startsAt })
      .from(events)
      .where(and(eq(events.organizationId, organizationId), sql`${events.status} <> 'draft'`))
      .orderBy(desc(events.startsAt)),
  ]);
  return { groups: groupRows, events: eventRows };
}

export async function targetBelongs(db: Tx, { organizationId, kind, targetId }: { organizationId: string; kind: 'group' | 'event'; targetId: string }): Promise<boolean> {
  const table = kind === 'group' ? groups : events;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.organizationId, organizationId), eq(table.id, targetId)));
  return row !== undefined;
}

const archived = and(eq(newsletters.audienceKind, 'subscribers'), sql`${newsletters.status} <> 'draft'`);

/** The public archive: mailings to public subscribers, newest first, with their organisation. */
export async function listArchive(db: Tx, { limit = 100 }: { limit?: number } = {}) {
  return db
    .select({ newsletter: newsletters, organizationName: organizations.name })
    .from(newsletters)
    .innerJoin(organizations, eq(organizations.id, newsletters.organizationId))
    .where(archived)
    .orderBy(desc(newsletters.sentAt), desc(newsletters.createdAt))
    .limit(limit);
}

export async function findArchived(db: Tx, { newsletterId }: { newsletterId: string }) {
  const [row] = await db
    .select({ newsletter: newsletters, organizationName: organizations.name })
    .from(newsletters)
    .innerJoin(organizations, eq(organizations.id, newsletters.organizationId))
    .where(and(eq(newsletters.id, newsletterId), archived));
  return row ?? null;
}

/** Organisations a visitor may subscribe to (every organisation of the installation). */
export async function subscribableOrganizations(db: Tx) {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(organizations.name);
}
