// Use case: the author takes their whole journal with them as one file: Markdown (UTF-8),
// a standalone readable HTML page, or a tagged PDF (platform/pdf, ADR 019). All three are
// made from the same outline: the title, when it was made, and the entries oldest first.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { escapeHtml } from '../../platform/http/error-page.ts';
import { formatDateTime, intlLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import { renderPdf, type PdfBlock } from '../../platform/pdf/pdf.ts';
import { journalPolicy } from '../../platform/policy/index.ts';
import { listJournalEntries } from './read-entries.ts';

export const exportFormats = ['md', 'html', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

type Deps = { db: Db; config: Pick<Config, 'journalKey'> };

interface Outline {
  title: string;
  made: string;
  /** Oldest first: it reads like a diary. */
  entries: { when: string; text: string }[];
  empty: string;
  fileStem: string;
}

async function outline(actor: Actor | null, deps: Deps, locale: Locale, now: Date): Promise<Outline> {
  const entries = await listJournalEntries(actor, deps, journalPolicy.export);
  return {
    title: translate(locale, 'journal.export.heading'),
    made: translate(locale, 'journal.export.made', { date: formatDateTime(locale, now) }),
    entries: [...entries].reverse().map((e) => ({ when: formatDateTime(locale, e.createdAt), text: e.text })),
    empty: translate(locale, 'journal.export.empty'),
    fileStem: `tyopeili-${translate(locale, 'journal.export.fileStem')}-${now.toISOString().slice(0, 10)}`,
  };
}

function markdownOf(o: Outline): string {
  const lines = [`# ${o.title}`, '', o.made, ''];
  for (const entry of o.entries) lines.push(`## ${entry.when}`, '', entry.text, '');
  if (o.entries.length === 0) lines.push(o.empty, '');
  return lines.join('\n');
}

/** A page that stands alone (no scripts, no outside files), readable on a phone and in print. */
function htmlOf(o: Outline, locale: Locale): string {
  const paragraphs = (text: string) =>
    text
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
  const body = o.entries.length
    ? o.entries.map((e) => `<article>\n<h2>${escapeHtml(e.when)}</h2>\n${paragraphs(e.text)}\n</article>`).join('\n')
    : `<p>${escapeHtml(o.empty)}</p>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.125rem; line-height: 1.6; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; hyphens: auto; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-top: 1px solid #767676; padding-top: 1rem; }
p { overflow-wrap: break-word; }
.made { color: #4a4a4a; }
@media print { main { max-width: none; } article { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(o.title)}</h1>
<p class="made">${escapeHtml(o.made)}</p>
${body}
</main>
</body>
</html>
`;
}

function pdfBlocksOf(o: Outline): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'h1', text: o.title },
    { kind: 'p', text: o.made },
  ];
  for (const entry of o.entries) {
    blocks.push({ kind: 'h2', text: entry.when });
    for (const p of entry.text.split(/\n{2,}/)) blocks.push({ kind: 'p', text: p });
  }
  if (o.entries.length === 0) blocks.push({ kind: 'p', text: o.empty });
  return blocks;
}

export async function exportJournal(actor: Actor | null, deps: Deps, options: { locale: Locale; now?: Date }): Promise<{ fileName: string; markdown: string }> {
  const o = await outline(actor, deps, options.locale, options.now ?? new Date());
  return { fileName: `${o.fileStem}.md`, markdown: markdownOf(o) };
}

/** The journal as a file in the chosen format, with its name and content type. */
export async function exportJournalAs(
  actor: Actor | null,
  deps: Deps,
  options: { locale: Locale; format: ExportFormat; now?: Date },
): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
  const now = options.now ?? new Date();
  const o = await outline(actor, deps, options.locale, now);
  const fileName = `${o.fileStem}.${options.format}`;
  if (options.format === 'html') return { fileName, contentType: 'text/html; charset=utf-8', body: htmlOf(o, options.locale) };
  if (options.format === 'pdf') {
    const body = await renderPdf({ title: o.title, lang: intlLocale[options.locale], blocks: pdfBlocksOf(o), createdAt: now });
    return { fileName, contentType: 'application/pdf', body };
  }
  return { fileName, contentType: 'text/markdown; charset=utf-8', body: markdownOf(o) };
}
