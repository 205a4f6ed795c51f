// Data access for the private journal. Rows are always selected by their author's id:
// there is no query that reads someone else's journal.
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { journalEntries } from './journal.schema.ts';

export type JournalRow = typeof journalEntries.$inferSelect;

export async function listJournalRows(db: Tx, { userId }: { userId: string }): Promise<JournalRow[]> {
  return db.select().from(journalEntries).where(eq(journalEntries.userId, userId)).orderBy(desc(journalEntries.createdAt), desc(journalEntries.id));
}

export async function findJournalRow(db: Tx, { userId, entryId }: { userId: string; entryId: string }): Promise<JournalRow | null> {
  const [row] = await db
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, userId), eq(journalEntries.id, entryId)));
  return row ?? null;
}
