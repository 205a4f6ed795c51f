// Use cases: the author reads their journal (all entries, newest first) or one entry.
// Entries are opened here, in memory, for this request only.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorizeJournal, journalPolicy } from '../../platform/policy/index.ts';
import { openEntry, personDataKey } from './journal.crypto.ts';
import { findJournalRow, listJournalRows, type JournalRow } from './journal.queries.ts';

export interface JournalEntry {
  id: string;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

type Deps = { db: Db; config: Pick<Config, 'journalKey'> };

function opened(dataKey: Buffer, row: JournalRow): JournalEntry {
  return { id: row.id, text: openEntry(dataKey, row.userId, row.id, row.ciphertext), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export async function listJournalEntries(actor: Actor | null, deps: Deps, rule = journalPolicy.read): Promise<JournalEntry[]> {
  if (!actor) throw new NotFoundError();
  const userId = actor.userId;
  authorizeJournal(actor, { userId }, rule);
  const rows = await listJournalRows(deps.db, { userId });
  if (rows.length === 0) return [];
  const dataKey = await personDataKey(deps.db, deps.config.journalKey, userId, { create: false });
  if (!dataKey) return [];
  return rows.map((row) => opened(dataKey, row));
}

export async function readJournalEntry(actor: Actor | null, deps: Deps, input: { entryId: string }): Promise<JournalEntry> {
  if (!actor) throw new NotFoundError();
  const row = await findJournalRow(deps.db, { userId: actor.userId, entryId: input.entryId });
  if (!row) throw new NotFoundError();
  authorizeJournal(actor, row, journalPolicy.read);
  const dataKey = await personDataKey(deps.db, deps.config.journalKey, row.userId, { create: false });
  if (!dataKey) throw new NotFoundError();
  return opened(dataKey, row);
}
