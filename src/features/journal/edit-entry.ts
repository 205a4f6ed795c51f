// Use case: the author rewrites one of their entries (sealed anew, with a fresh nonce).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorizeJournal, journalPolicy } from '../../platform/policy/index.ts';
import { personDataKey, sealEntry } from './journal.crypto.ts';
import { findJournalRow } from './journal.queries.ts';
import { journalEntries } from './journal.schema.ts';

export async function editJournalEntry(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'journalKey'> },
  input: { entryId: string; text: string },
  options: { now?: Date } = {},
): Promise<void> {
  if (!actor) throw new NotFoundError();
  const userId = actor.userId;
  await deps.db.transaction(async (tx) => {
    const row = await findJournalRow(tx, { userId, entryId: input.entryId });
    if (!row) throw new NotFoundError();
    authorizeJournal(actor, row, journalPolicy.edit);
    const dataKey = await personDataKey(tx, deps.config.journalKey, userId, { create: false });
    if (!dataKey) throw new NotFoundError();
    await tx
      .update(journalEntries)
      .set({ ciphertext: sealEntry(dataKey, userId, row.id, input.text), updatedAt: options.now ?? new Date() })
      .where(and(eq(journalEntries.userId, userId), eq(journalEntries.id, row.id)));
  });
}
