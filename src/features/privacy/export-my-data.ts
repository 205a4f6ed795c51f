// Use case: a person downloads everything the installation holds about them (GDPR Art. 15
// and 20) as one ZIP: a JSON file per table (the rows the privacy registry finds for them,
// minus the columns it omits), the private journal opened for its author only (through the
// journal feature, never here), and a readable HTML page of the same. Logged in the audit log.
import { zipSync, strToU8 } from 'fflate';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { escapeHtml } from '../../platform/http/error-page.ts';
import { formatDateTime, translate, type Locale, type MessageKey } from '../../platform/i18n/i18n.ts';
import { journalPolicy, personalDataPolicy } from '../../platform/policy/index.ts';
import { findRegistryEntry } from '../../platform/privacy/registry.ts';
import { listJournalEntries } from '../journal/read-entries.ts';
import { exportRows } from './registry-rows.ts';

type Deps = { db: Db; config: Pick<Config, 'journalKey'> };

export interface MyDataExport {
  fileName: string;
  zip: Uint8Array;
  /** Rows per table, as in the ZIP (for the tests and the page). */
  tables: Map<string, Record<string, unknown>[]>;
}

/** The heading of a table in the readable page (every exported table has one in the catalogs). */
export const tableTitleKey = (table: string) => `mydata.table.${table}` as MessageKey;

export async function exportMyData(actor: Actor | null, deps: Deps, input: { locale: Locale; now?: Date }): Promise<MyDataExport> {
  if (!actor || !personalDataPolicy.download(actor, { userId: actor.userId })) throw new NotFoundError();
  const now = input.now ?? new Date();
  const tables = await deps.db.transaction(
    async (tx) => {
      const rows = await exportRows(tx, { userId: actor.userId, email: actor.email });
      await recordAudit(tx, { actorUserId: actor.userId, action: 'privacy.data_downloaded', targetType: 'user', targetId: actor.userId });
      return rows;
    },
    // One snapshot: the files agree with each other.
    { isolationLevel: 'repeatable read' },
  );
  // The journal is sealed with the person's key: opened here for its author, the ciphertext left out.
  const entries = await listJournalEntries(actor, deps, journalPolicy.export);
  tables.set(
    'journal_entries',
    entries.map((e) => ({ id: e.id, text: e.text, created_at: e.createdAt.toISOString(), updated_at: e.updatedAt.toISOString() })),
  );
  return exportZip(tables, input.locale, now);
}

/** The ZIP of a person's rows: a JSON file per table and the readable page (also for people without an account, by an e-mailed link). */
export function exportZip(tables: Map<string, Record<string, unknown>[]>, locale: Locale, now: Date): MyDataExport {
  const stamp = now.toISOString().slice(0, 10);
  const files: Record<string, Uint8Array> = {};
  for (const [table, rows] of tables) files[`data/${table}.json`] = strToU8(JSON.stringify(rows, null, 2) + '\n');
  files[`${translate(locale, 'mydata.export.pageFile')}.html`] = strToU8(readablePage(tables, locale, now));
  return { fileName: `tyopeili-${translate(locale, 'mydata.export.fileStem')}-${stamp}.zip`, zip: zipSync(files, { level: 6, mtime: now }), tables };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A page that stands alone (no scripts, no outside files), readable on a phone and in print. */
function readablePage(tables: Map<string, Record<string, unknown>[]>, locale: Locale, now: Date): string {
  const t = (key: MessageKey, values?: Record<string, string | number>) => escapeHtml(translate(locale, key, values));
  const sections: string[] = [];
  for (const [table, rows] of tables) {
    if (rows.length === 0) continue;
    const entry = findRegistryEntry(table);
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const body = rows
      .map(
        (row, i) =>
          `<dl aria-label="${t('mydata.export.rowLabel', { n: i + 1 })}">${columns.map((c) => `<dt>${escapeHtml(c)}</dt><dd>${escapeHtml(cell(row[c]))}</dd>`).join('')}</dl>`,
      )
      .join('\n');
    sections.push(
      `<section id="${escapeHtml(table)}">\n<h2>${t(tableTitleKey(table))}</h2>\n<p class="meta">${t('mydata.export.fileNote', { file: `data/${table}.json`, count: rows.length })}${entry ? ` <span lang="en">(${escapeHtml(entry.description)})</span>` : ''}</p>\n${body}\n</section>`,
    );
  }
  const toc = [...tables]
    .filter(([, rows]) => rows.length > 0)
    .map(([table, rows]) => `<li><a href="#${escapeHtml(table)}">${t(tableTitleKey(table))}</a> (${rows.length})</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('mydata.export.heading')}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.125rem; line-height: 1.6; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-top: 1px solid #767676; padding-top: 1rem; }
dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0 1rem; border-bottom: 1px solid #ddd; padding-bottom: .5rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.meta { color: #4a4a4a; }
</style>
</head>
<body>
<main>
<h1>${t('mydata.export.heading')}</h1>
<p class="meta">${t('mydata.export.made', { date: formatDateTime(locale, now) })}</p>
<p>${t('mydata.export.lead')}</p>
<nav aria-label="${t('mydata.export.contents')}"><ul>
${toc}
</ul></nav>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
