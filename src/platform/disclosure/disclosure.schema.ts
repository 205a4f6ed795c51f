import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/ids.ts';

/**
 * The register of released query sets (docs/decisions/015-disclosure-control.md): one row per distinct set
 * of people (or anonymous answers) behind a published figure, per domain of per-person values (e.g.
 * 'score:who-5'). Installation-wide on purpose — a funder's report spans organisations — so its keys do not
 * start with organization_id. Never shown; kept when a person is erased (else the erasure itself would open
 * a one-person difference against an earlier release).
 */
export const disclosureReleases = pgTable(
  'disclosure_releases',
  {
    id: idColumn(),
    domain: text('domain').notNull(),
    /** The set hash of the members (set-hash.ts: order-independent, `m1:` + count + 128 bits; older rows hold a SHA-256 of the sorted list). */
    setHash: text('set_hash').notNull(),
    /** Sorted ids of the people (or anonymous rows) behind the figure. */
    members: uuid('members').array().notNull(),
    size: integer('size').notNull(),
    /** The organisation whose report first released the set. */
    organizationId: uuid('organization_id').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('disclosure_releases_domain_set_idx').on(t.domain, t.setHash), index('disclosure_releases_members_idx').using('gin', t.members)],
);
