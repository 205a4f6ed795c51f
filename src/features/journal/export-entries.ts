// Use case: the author takes their whole journal with them as one Markdown file (UTF-8).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { formatDateTime, translate, type Locale } from '../../platform/i18n/i18n.ts';
import { journalPolicy } from '../../platform/policy/index.ts';
import { listJournalEntries } from './read-entries.ts';

export async function exportJournal(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'journalKey'> },
  options: { locale: Locale; now?: Date },
): Promise<{ fileName: string; markdown: string }> {
  const entries = await listJournalEntries(actor, deps, journalPolicy.export);
  const now = options.now ?? new Date();
  const { locale } = options;
  const lines = [`# ${translate(locale, 'journal.export.heading')}`, '', translate(locale, 'journal.export.made', { date: formatDateTime(locale, now) }), ''];
  // Oldest first reads like a diary.
  for (const entry of [...entries].reverse()) {
    lines.push(`## ${formatDateTime(locale, entry.createdAt)}`, '', entry.text, '');
  }
  if (entries.length === 0) lines.push(translate(locale, 'journal.export.empty'), '');
  return { fileName: `tyopeili-${translate(locale, 'journal.export.fileStem')}-${now.toISOString().slice(0, 10)}.md`, markdown: lines.join('\n') };
}
