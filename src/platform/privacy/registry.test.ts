import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { privacyRegistry, type RegistryEntry } from './registry.ts';

const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const tableByName = new Map(tables.map((t) => [getTableName(t), t]));
const columnsOf = (table: string) => new Set(getTableConfig(tableByName.get(table)!).columns.map((c) => c.name));

describe('personal-data registry', () => {
  it('sees the tables of src/db/schema.ts (the test itself works)', () => {
    expect(tableByName.has('users')).toBe(true);
    expect(tableByName.has('entrepreneur_profiles')).toBe(true);
    expect(tables.length).toBeGreaterThanOrEqual(10);
  });

  it('lists every table of src/db/schema.ts', () => {
    const listed = new Set(privacyRegistry.map((e) => e.table));
    const missing = [...tableByName.keys()].filter((name) => !listed.has(name));
    expect(missing, `add these tables to src/platform/privacy/registry.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('lists no table that does not exist, and each table once', () => {
    const names = privacyRegistry.map((e) => e.table);
    expect(names.filter((name) => !tableByName.has(name))).toEqual([]);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('names only columns that exist', () => {
    const problems: string[] = [];
    const check = (entry: RegistryEntry, column: string, what: string) => {
      if (!columnsOf(entry.table).has(column)) problems.push(`${entry.table}.${column} (${what})`);
    };
    for (const entry of privacyRegistry) {
      if (!entry.personal) continue;
      expect(entry.personalColumns.length, entry.table).toBeGreaterThan(0);
      for (const c of entry.personalColumns) check(entry, c, 'personalColumns');
      if (entry.subject.by === 'user' || entry.subject.by === 'email') check(entry, entry.subject.column, 'subject');
      if (entry.subject.by === 'user' && entry.subject.orEmail) check(entry, entry.subject.orEmail, 'subject');
      if (entry.subject.by === 'join') {
        expect(tableByName.has(entry.subject.through), entry.table).toBe(true);
        if (!columnsOf(entry.subject.through).has(entry.subject.column)) problems.push(`${entry.subject.through}.${entry.subject.column} (join)`);
      }
      if (entry.export === 'row') for (const c of entry.omit ?? []) check(entry, c, 'omit');
      if (entry.erase === 'anonymize') {
        for (const c of entry.pseudonymize ?? []) check(entry, c, 'pseudonymize');
        for (const c of entry.setNull) {
          check(entry, c, 'setNull');
          const column = getTableConfig(tableByName.get(entry.table)!).columns.find((col) => col.name === c);
          if (column?.notNull) problems.push(`${entry.table}.${c} is NOT NULL and cannot be anonymised to NULL`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a foreign key with ON DELETE CASCADE behind every "cascade"', () => {
    const problems: string[] = [];
    for (const entry of privacyRegistry) {
      if (!entry.personal || entry.erase !== 'cascade') continue;
      const fks = getTableConfig(tableByName.get(entry.table)!).foreignKeys;
      const ok = fks.some((fk) => fk.onDelete === 'cascade' && getTableName(fk.reference().foreignTable) === entry.from);
      if (!ok) problems.push(`${entry.table} → ${entry.from}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps secrets out of exports', () => {
    const users = privacyRegistry.find((e) => e.table === 'users');
    expect(users?.personal && users.export === 'row' && users.omit).toEqual(expect.arrayContaining(['password_hash', 'totp_secret']));
    for (const entry of privacyRegistry) {
      if (!entry.personal || entry.export !== 'row') continue;
      const secretColumns = [...columnsOf(entry.table)].filter((c) => /(_hash|secret)$/.test(c));
      expect(
        secretColumns.filter((c) => !(entry.omit ?? []).includes(c)),
        entry.table,
      ).toEqual([]);
    }
  });

  it('gives every personal table an export rule and an erase rule the my-data feature knows', () => {
    for (const entry of privacyRegistry) {
      if (!entry.personal) continue;
      expect(['row', 'none'], `${entry.table}: export`).toContain((entry as { export?: string }).export);
      expect(['delete', 'cascade', 'anonymize', 'expire', 'retain'], `${entry.table}: erase`).toContain((entry as { erase?: string }).erase);
    }
  });

  it('says why when a personal table is not exported or its rows are kept', () => {
    for (const entry of privacyRegistry) {
      if (!entry.personal) continue;
      if (entry.export === 'none') expect(entry.reason.length, entry.table).toBeGreaterThan(5);
      if (entry.erase === 'retain') expect(entry.reason.length, entry.table).toBeGreaterThan(5);
    }
  });
});

describe('personal-data registry against the migrated database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('lists every table the migrations create in the public schema', async () => {
    const { rows } = await database.pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const listed = new Set(privacyRegistry.map((e) => e.table));
    expect(rows.map((r) => r.name).filter((name) => !listed.has(name))).toEqual([]);
  });
});
