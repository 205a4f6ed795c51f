// Use case: the author deletes one of their entries for good.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorizeJournal, journalPolicy } from '../../platform/policy/index.ts';
import { findJournalRow } from './journal.queries.ts';
import { journalEntries } from './journal.schema.ts';

export async function deleteJournalEntry(actor: Actor | null, deps: { db: Db }, input: { entryId: string }): Promise<void> {
  if (!actor) throw new NotFoundError();
  const userId = actor.userId;
  await deps.db.transaction(async (tx) => {
    const row = await findJournalRow(tx, { userId, entryId: input.entryId });
    if (!row) throw new NotFoundError();
    authorizeJournal(actor, row, journalPolicy.delete);
    await tx.delete(journalEntries).where(and(eq(journalEntries.userId, userId), eq(journalEntries.id, row.id)));
  });
}
