// Small steps: a member's own, from a meeting or added any time.
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { groups } from '../groups/groups.schema.ts';

export const stepStatuses = ['open', 'done', 'partly', 'dropped'] as const;
export type StepStatus = (typeof stepStatuses)[number];

export const steps = pgTable(
  'steps',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    /** The group it belongs to; null for a private step agreed in advice (not shared with a group). */
    groupId: uuid('group_id'),
    userId: uuid('user_id').notNull(),
    /** The meeting where the step was set, if any. */
    meetingId: uuid('meeting_id'),
    /** The advice session where the step was agreed, if any (src/features/advice). */
    adviceSessionId: uuid('advice_session_id'),
    text: text('text').notNull(),
    dueOn: date('due_on'),
    status: text('status').$type<StepStatus>().notNull().default('open'),
    reflection: text('reflection'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'steps_pkey' }),
    foreignKey({ name: 'steps_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
    index('steps_org_user_idx').on(t.organizationId, t.userId, t.status),
    index('steps_org_group_idx').on(t.organizationId, t.groupId, t.createdAt),
    index('steps_org_advice_idx').on(t.organizationId, t.adviceSessionId),
    check('steps_status_check', sql`${t.status} IN ('open', 'done', 'partly', 'dropped')`),
  ],
);
