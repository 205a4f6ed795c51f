// Use case: a person writes a new entry in their own journal (sealed before it is stored).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorizeJournal, journalPolicy } from '../../platform/policy/index.ts';
import { personDataKey, sealEntry } from './journal.crypto.ts';
import { journalEntries } from './journal.schema.ts';

export async function writeJournalEntry(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'journalKey'> },
  input: { text: string },
  options: { now?: Date } = {},
): Promise<{ entryId: string }> {
  if (!actor) throw new NotFoundError();
  const userId = actor.userId;
  authorizeJournal(actor, { userId }, journalPolicy.write);
  const now = options.now ?? new Date();
  const entryId = newId();
  await deps.db.transaction(async (tx) => {
    const dataKey = (await personDataKey(tx, deps.config.journalKey, userId, { create: true }))!;
    await tx.insert(journalEntries).values({ userId, id: entryId, ciphertext: sealEntry(dataKey, userId, entryId, input.text), createdAt: now, updatedAt: now });
  });
  return { entryId };
}
