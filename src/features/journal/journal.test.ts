// The private journal against the real database: what is stored is ciphertext (read
// raw with SQL), each person's data key is stored wrapped, a sealed entry does not open
// for another person or under another id, and nobody but the author reaches an entry.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { deriveKey } from '../../platform/crypto.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { deleteJournalEntry } from './delete-entry.ts';
import { editJournalEntry } from './edit-entry.ts';
import { exportJournal } from './export-entries.ts';
import { openEntry, personDataKey } from './journal.crypto.ts';
import { journalEntries, personKeys } from './journal.schema.ts';
import { journalEntrySchema } from './journal.validation.ts';
import { listJournalEntries, readJournalEntry } from './read-entries.ts';
import { writeJournalEntry } from './write-entry.ts';

let database: TestDatabase;
let deps: { db: TestDatabase['db']; config: { journalKey: Buffer } };
let author: Actor;
let other: Actor;
let facilitator: Actor;
let admin: Actor;

const secret = 'Pelottaa soittaa asiakkaalle maanantaina – mutta teen sen.';

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: { journalKey: deriveKey('journal-test-secret-'.repeat(3), 'journal-kek') } };
  const org = await createTestOrganization(database.db);
  const [a, o, f, ad] = await Promise.all([
    createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' }),
    createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' }),
    createTestMember(database.db, { organizationId: org.id, role: 'facilitator' }),
    createTestMember(database.db, { organizationId: org.id, role: 'admin' }),
  ]);
  await createTestGroup(database.db, { organizationId: org.id, facilitatorIds: [f.id], memberIds: [a.id, o.id] });
  author = await actorFor(database.db, a.id);
  other = await actorFor(database.db, o.id);
  facilitator = await actorFor(database.db, f.id);
  admin = await actorFor(database.db, ad.id);
});
afterAll(async () => {
  await database?.drop();
});

describe('the private journal', () => {
  it('stores only ciphertext: the raw column does not contain the text', async () => {
    const { entryId } = await writeJournalEntry(author, deps, { text: secret });
    const raw = await database.pool.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM journal_entries WHERE id = $1', [entryId]);
    const stored = raw.rows[0]!.ciphertext;
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(stored.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    expect(stored.toString('utf8')).not.toContain('asiakkaalle');
    expect(stored.toString('latin1')).not.toContain('asiakkaalle');
    // nonce (12) + text + tag (16)
    expect(stored.length).toBe(12 + Buffer.byteLength(secret) + 16);
    const [key] = await database.db.select().from(personKeys).where(eq(personKeys.userId, author.userId));
    expect(key!.wrappedKey.length).toBe(12 + 32 + 16);
    expect((await readJournalEntry(author, deps, { entryId })).text).toBe(secret);
  });

  it('binds each entry to its author and id: a moved row does not open', async () => {
    const { entryId } = await writeJournalEntry(author, deps, { text: 'sidottu' });
    const [row] = await database.db.select().from(journalEntries).where(eq(journalEntries.id, entryId));
    const key = (await personDataKey(database.db, deps.config.journalKey, author.userId, { create: false }))!;
    expect(openEntry(key, author.userId, entryId, row!.ciphertext)).toBe('sidottu');
    expect(() => openEntry(key, other.userId, entryId, row!.ciphertext)).toThrow();
    expect(() => openEntry(key, author.userId, '0190e000-0000-7000-8000-000000000999', row!.ciphertext)).toThrow();
    // A wrong key-encryption key cannot unwrap the data key.
    await expect(personDataKey(database.db, deriveKey('another-secret-'.repeat(3), 'x'), author.userId, { create: false })).rejects.toThrow();
  });

  it('lists, edits, deletes and exports the author’s own entries', async () => {
    const { entryId } = await writeJournalEntry(author, deps, { text: 'Ensimmäinen versio' }, { now: new Date('2026-03-01T10:00:00Z') });
    await editJournalEntry(author, deps, { entryId, text: 'Toinen versio' });
    const listed = await listJournalEntries(author, deps);
    expect(listed.map((e) => e.text)).toContain('Toinen versio');
    expect(listed.map((e) => e.text)).not.toContain('Ensimmäinen versio');
    const exported = await exportJournal(author, deps, { locale: 'fi', now: new Date('2026-11-26T12:00:00Z') });
    expect(exported.fileName).toBe('tyopeili-paivakirja-2026-11-26.md');
    expect(exported.markdown).toContain('# Oma päiväkirja');
    expect(exported.markdown).toContain('Toinen versio');
    expect(exported.markdown).toContain(secret);
    await deleteJournalEntry(author, deps, { entryId });
    expect((await listJournalEntries(author, deps)).map((e) => e.id)).not.toContain(entryId);
  });

  it('refuses everyone else with 404: the facilitator, an administrator, another member', async () => {
    const { entryId } = await writeJournalEntry(author, deps, { text: 'vain minulle' });
    for (const actor of [facilitator, admin, other, null]) {
      await expect(readJournalEntry(actor, deps, { entryId })).rejects.toThrow(NotFoundError);
      await expect(editJournalEntry(actor, deps, { entryId, text: 'muutettu' })).rejects.toThrow(NotFoundError);
      await expect(deleteJournalEntry(actor, deps, { entryId })).rejects.toThrow(NotFoundError);
    }
    // Their own journal lists only their own entries.
    expect(await listJournalEntries(admin, deps)).toEqual([]);
    expect((await readJournalEntry(author, deps, { entryId })).text).toBe('vain minulle');
  });

  it('validates: empty and too long are refused with catalog keys', () => {
    expect(journalEntrySchema.safeParse({ text: '   ' }).error?.issues[0]?.message).toBe('journal.validation.textRequired');
    expect(journalEntrySchema.safeParse({}).error?.issues[0]?.message).toBe('journal.validation.textRequired');
    expect(journalEntrySchema.safeParse({ text: 'x'.repeat(20_001) }).error?.issues[0]?.message).toBe('journal.validation.textTooLong');
    expect(journalEntrySchema.safeParse({ text: 'x'.repeat(20_000) }).success).toBe(true);
  });

  it('keeps one data key per person even when two first entries race', async () => {
    const newcomer = await actorFor(database.db, (await createTestMember(database.db, { organizationId: author.organizationId!, role: 'entrepreneur' })).id);
    await Promise.all([writeJournalEntry(newcomer, deps, { text: 'yksi' }), writeJournalEntry(newcomer, deps, { text: 'kaksi' })]);
    const texts = (await listJournalEntries(newcomer, deps)).map((e) => e.text).sort();
    expect(texts).toEqual(['kaksi', 'yksi']);
    const [{ n }] = (await database.db.execute(sql`SELECT count(*)::int AS n FROM person_keys WHERE user_id = ${newcomer.userId}`)).rows as [{ n: number }];
    expect(n).toBe(1);
  });
});
