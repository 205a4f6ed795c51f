// The privacy registry (src/platform/privacy/registry.ts) turned into SQL: which rows of
// each table are a person's, for the "my data" export and for erasure. Table and column
// names come only from the registry's constants (quoted as identifiers); the person's id
// and address are bound parameters. Foreign keys are read from the database, so a `join`
// subject follows the real constraint in whichever direction it runs.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { findRegistryEntry, personalTables, type PersonalDataTable } from '../../platform/privacy/registry.ts';

export interface DataSubject {
  userId: string;
  email: string;
}

/** The whole installation, or one organisation's rows only (removing a member). */
export interface ErasureScope {
  organizationId?: string;
}

const ident = (name: string) => sql.identifier(name);
const col = (table: string, column: string) => sql`${ident(table)}.${ident(column)}`;
const list = (parts: SQL[]) => sql.join(parts, sql`, `);

async function rowsOf<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function columnsOf(tx: Tx, table: string): Promise<Set<string>> {
  const rows = await rowsOf<{ name: string }>(
    tx,
    sql`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`,
  );
  return new Set(rows.map((r) => r.name));
}

interface ForeignKey {
  from: string[];
  to: string[];
}

/** The foreign key from `from` to `to`, if there is one (the first, by name). */
async function foreignKey(tx: Tx, from: string, to: string): Promise<ForeignKey | null> {
  const rows = await rowsOf<{ from_cols: string[]; to_cols: string[] }>(
    tx,
    sql`SELECT
          (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS from_cols,
          (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS to_cols
        FROM pg_constraint c
        WHERE c.contype = 'f' AND c.conrelid = to_regclass(${from}) AND c.confrelid = to_regclass(${to})
        ORDER BY c.conname LIMIT 1`,
  );
  const row = rows[0];
  return row ? { from: row.from_cols, to: row.to_cols } : null;
}

/**
 * The condition that picks the person's rows of `entry` (within the scope), or null when the
 * table has none to pick: an unlinked table, or a table outside an organisation's scope.
 */
export async function subjectCondition(tx: Tx, entry: PersonalDataTable, person: DataSubject, scope: ErasureScope = {}): Promise<SQL | null> {
  const t = entry.table;
  let condition: SQL;
  const subject = entry.subject;
  if (subject.by === 'user')
    condition = subject.orEmail
      ? sql`(${col(t, subject.column)} = ${person.userId} OR lower(${col(t, subject.orEmail)}) = lower(${person.email}))`
      : sql`${col(t, subject.column)} = ${person.userId}`;
  else if (subject.by === 'email') condition = sql`lower(${col(t, subject.column)}) = lower(${person.email})`;
  else if (subject.by === 'join') {
    const through = findRegistryEntry(subject.through);
    if (!through?.personal) throw new Error(`privacy registry: ${t} joins through ${subject.through}, which is not a personal table`);
    const down = await foreignKey(tx, t, subject.through);
    if (down) {
      // e.g. check_in_answers → check_ins: answers of the person's check-ins.
      const inner = sql`SELECT ${list(down.to.map((c) => col(subject.through, c)))} FROM ${ident(subject.through)} WHERE ${col(subject.through, subject.column)} = ${person.userId}`;
      condition = sql`(${list(down.from.map((c) => col(t, c)))}) IN (${inner})`;
    } else {
      // e.g. entrepreneur_profiles → companies: the companies the person's profiles name.
      const up = await foreignKey(tx, subject.through, t);
      if (!up) throw new Error(`privacy registry: no foreign key between ${t} and ${subject.through}`);
      const throughCondition = await subjectCondition(tx, through, person);
      if (!throughCondition) return null;
      const inner = sql`SELECT ${list(up.from.map((c) => col(subject.through, c)))} FROM ${ident(subject.through)} WHERE ${throughCondition}`;
      condition = sql`(${list(up.to.map((c) => col(t, c)))}) IN (${inner})`;
    }
  } else return null;
  if (scope.organizationId) {
    if (!(await columnsOf(tx, t)).has('organization_id')) return null;
    condition = sql`${condition} AND ${col(t, 'organization_id')} = ${scope.organizationId}`;
  }
  return condition;
}

/** A JSON-safe copy of a row: dates as ISO strings, bytes as base64, `omit` columns left out. */
function plain(row: Record<string, unknown>, omit: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (omit.includes(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : Buffer.isBuffer(value) ? value.toString('base64') : value;
  }
  return out;
}

/** The person's rows of every table whose rule is `export: 'row'`, by table name. */
export async function exportRows(tx: Tx, person: DataSubject): Promise<Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const entry of personalTables()) {
    if (entry.export !== 'row') continue;
    const condition = await subjectCondition(tx, entry, person);
    if (!condition) continue;
    const rows = await rowsOf<Record<string, unknown>>(tx, sql`SELECT * FROM ${ident(entry.table)} WHERE ${condition}`);
    out.set(
      entry.table,
      rows.map((r) => plain(r, entry.omit ?? [])),
    );
  }
  return out;
}

/**
 * Erases the person's rows as each table's rule says, in one transaction (the caller's):
 * `delete` deletes, `anonymize` sets its columns to NULL and replaces `pseudonymize` columns
 * with one random id per erasure (so the funder's counts of people stay right, but nothing
 * leads back to the person), `cascade` follows its foreign key, `expire` and `retain` stay.
 * With no organisation in the scope the account itself goes last. Returns rows touched per table.
 */
export async function eraseRows(tx: Tx, person: DataSubject, scope: ErasureScope = {}): Promise<Record<string, number>> {
  const touched: Record<string, number> = {};
  const pseudonym = crypto.randomUUID();
  const later: { entry: PersonalDataTable; fk: ForeignKey; keys: unknown[][] }[] = [];
  for (const entry of personalTables()) {
    if (entry.table === 'users') continue;
    if (entry.erase !== 'delete' && entry.erase !== 'anonymize') continue;
    if (entry.erase === 'delete' && entry.subject.by === 'join' && !(await foreignKey(tx, entry.table, entry.subject.through))) {
      // A row the person's rows point at (a company): gone only when nothing else points at it,
      // so it is checked after the pointing rows are gone.
      const fk = (await foreignKey(tx, entry.subject.through, entry.table))!;
      const through = findRegistryEntry(entry.subject.through) as PersonalDataTable;
      const throughCondition = await subjectCondition(tx, through, person, scope);
      if (!throughCondition) continue;
      const keys = await rowsOf<Record<string, unknown>>(
        tx,
        sql`SELECT DISTINCT ${list(fk.from.map((c) => col(through.table, c)))} FROM ${ident(through.table)} WHERE ${throughCondition}`,
      );
      later.push({ entry, fk, keys: keys.map((k) => fk.from.map((c) => k[c])).filter((k) => k.every((v) => v !== null)) });
      continue;
    }
    const condition = await subjectCondition(tx, entry, person, scope);
    if (!condition) continue;
    if (entry.erase === 'delete') {
      const r = (await tx.execute(sql`DELETE FROM ${ident(entry.table)} WHERE ${condition}`)) as unknown as { rowCount: number };
      touched[entry.table] = r.rowCount;
    } else {
      const sets = [...entry.setNull.map((c) => sql`${ident(c)} = NULL`), ...(entry.pseudonymize ?? []).map((c) => sql`${ident(c)} = ${pseudonym}`)];
      if (sets.length === 0) continue;
      const r = (await tx.execute(sql`UPDATE ${ident(entry.table)} SET ${list(sets)} WHERE ${condition}`)) as unknown as { rowCount: number };
      touched[entry.table] = r.rowCount;
    }
  }
  if (!scope.organizationId) {
    const r = (await tx.execute(sql`DELETE FROM users WHERE id = ${person.userId}`)) as unknown as { rowCount: number };
    touched.users = r.rowCount;
  }
  for (const { entry, fk, keys } of later) {
    let count = 0;
    for (const key of keys) {
      const match = sql.join(
        fk.to.map((c, i) => sql`${col(entry.table, c)} = ${key[i]}`),
        sql` AND `,
      );
      const stillUsed = sql.join(
        fk.from.map((c, i) => sql`${col(entry.subject.by === 'join' ? entry.subject.through : entry.table, c)} = ${col(entry.table, fk.to[i]!)}`),
        sql` AND `,
      );
      const through = entry.subject.by === 'join' ? entry.subject.through : entry.table;
      const r = (await tx.execute(
        sql`DELETE FROM ${ident(entry.table)} WHERE ${match} AND NOT EXISTS (SELECT 1 FROM ${ident(through)} WHERE ${stillUsed})`,
      )) as unknown as { rowCount: number };
      count += r.rowCount;
    }
    touched[entry.table] = count;
  }
  return touched;
}
