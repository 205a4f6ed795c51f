// The group board: members-only posts and replies, moderated by the facilitators.
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { groups } from '../groups/groups.schema.ts';

export const boardPosts = pgTable(
  'board_posts',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    groupId: uuid('group_id').notNull(),
    /** A reply points at the post it answers. */
    parentId: uuid('parent_id'),
    authorUserId: uuid('author_user_id').notNull(),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'board_posts_pkey' }),
    foreignKey({ name: 'board_posts_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
    index('board_posts_org_group_time_idx').on(t.organizationId, t.groupId, t.createdAt),
  ],
);

/** Each person's choice of e-mail digest of new posts. Global: one choice per person. */
export const digestPreferences = pgTable('digest_preferences', {
  userId: uuid('user_id').primaryKey(),
  /** off | daily | weekly */
  frequency: text('frequency').notNull().default('weekly'),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
});
