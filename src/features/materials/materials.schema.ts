// Files on meetings and expert segments; served as downloads, type checked by content.
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { meetings } from '../meetings/meetings.schema.ts';

export const materials = pgTable(
  'materials',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    meetingId: uuid('meeting_id').notNull(),
    /** Set when the file belongs to an expert segment (then that expert sees it too). */
    agendaItemId: uuid('agenda_item_id'),
    uploadedBy: uuid('uploaded_by').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'materials_pkey' }),
    foreignKey({ name: 'materials_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
    index('materials_org_meeting_idx').on(t.organizationId, t.meetingId),
  ],
);
