// The private journal: readable only by its author. Each entry is encrypted with the
// author's own data key, which is stored wrapped by a key from the environment.
import { customType, index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A person's data key, wrapped (AES-256-GCM) by the key-encryption key. Global: one per person. */
export const personKeys = pgTable('person_keys', {
  userId: uuid('user_id').primaryKey(),
  wrappedKey: bytea('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const journalEntries = pgTable(
  'journal_entries',
  {
    userId: uuid('user_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    /** nonce ‖ ciphertext ‖ tag; the plaintext never touches the database. */
    ciphertext: bytea('ciphertext').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id], name: 'journal_entries_pkey' }), index('journal_entries_user_time_idx').on(t.userId, t.createdAt)],
);
