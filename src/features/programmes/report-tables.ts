// The monitoring report's tables, labelled in the reader's language, and its three files: CSV (the
// house convention of csvDocument: UTF-8 with a BOM, semicolons, CRLF — as Excel opens it in
// Finland), XLSX (exceljs, one sheet per table, numbers as numbers) and a tagged PDF (platform/pdf)
// with the programme, the period, the funder and the EU funding statement. A withheld figure is an
// empty cell in the files and a dash with a note on the page.
import ExcelJS from 'exceljs';
import { csvDocument, csvField, spreadsheetText } from '../../platform/export/cells.ts';
import type { Locale, MessageKey, Translate } from '../../platform/i18n/i18n.ts';
import { renderPdf, type PdfBlock } from '../../platform/pdf/pdf.ts';
import { sectorLabel } from '../companies/sectors.ts';
import { municipalityName } from '../places/municipalities.ts';
import { breakdownKinds, companyBreakdownKinds, genderColumns, activityKeys } from './report.ts';
import type { ReportView, ViewCell } from './report-view.ts';
import type { Programme } from './programmes.queries.ts';

export type Cell = string | number | null;
export interface ReportTable {
  key: string;
  caption: string;
  columns: string[];
  rows: Cell[][];
}

const v = (c: ViewCell): number | null => c.value;
export const percent = (planned: number | null, realised: number | null): number | null =>
  planned && planned > 0 && realised !== null ? Math.round((realised / planned) * 1000) / 10 : null;

export function categoryLabel(t: Translate, locale: Locale, kind: string, category: string): string {
  if (category === '' || category === 'unanswered') return t('programmes.report.unanswered');
  if (kind === 'sector') return sectorLabel(category, locale) ?? category;
  if (kind === 'municipality') return municipalityName(category, locale) ?? category;
  if (kind === 'size') return t(`programmes.report.size.${category}` as MessageKey);
  return t(`programmes.${kind}.${category}` as MessageKey);
}

export function reportTables(view: ReportView, t: Translate, locale: Locale): ReportTable[] {
  const tables: ReportTable[] = [
    {
      key: 'indicators',
      caption: t('programmes.report.indicators'),
      columns: [t('programmes.report.code'), t('programmes.report.indicator'), t('programmes.report.planned'), t('programmes.report.realised'), t('programmes.report.percent'), ...genderColumns.map((g) => categoryLabel(t, locale, 'gender', g))],
      rows: view.indicators.map((i) => [
        i.code,
        t(`programmes.indicator.${i.code}` as MessageKey),
        i.planned,
        v(i.realised),
        percent(i.planned, v(i.realised)),
        ...genderColumns.map((g) => (i.byGender ? v(i.byGender[g]) : null)),
      ]),
    },
  ];
  for (const kind of breakdownKinds)
    tables.push({
      key: kind,
      caption: t(`programmes.report.breakdown.${kind}`),
      columns: [t('programmes.report.category'), t('programmes.report.participants')],
      rows: view.breakdowns[kind].map((b) => [categoryLabel(t, locale, kind, b.category), v(b.cell)]),
    });
  for (const kind of companyBreakdownKinds)
    tables.push({
      key: `companies-${kind}`,
      caption: t(`programmes.report.companies.${kind}`),
      columns: [t('programmes.report.category'), t('programmes.report.companiesCount')],
      rows: view.companyBreakdowns[kind].map((b) => [categoryLabel(t, locale, kind, b.category), v(b.cell)]),
    });
  tables.push({
    key: 'activities',
    caption: t('programmes.report.activities'),
    columns: [t('programmes.report.activity'), t('programmes.report.value')],
    rows: activityKeys.map((k) => [t(`programmes.report.activity.${k}`), v(view.activities[k])]),
  });
  return tables;
}

const text = (c: Cell) => (c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : c);

export function reportCsv(tables: readonly ReportTable[], heading: readonly string[]): string {
  const lines: string[] = heading.map(csvField);
  for (const table of tables) {
    lines.push('');
    lines.push(csvField(table.caption));
    lines.push(table.columns.map(csvField).join(';'));
    for (const row of table.rows) lines.push(row.map((c) => csvField(text(c))).join(';'));
  }
  return csvDocument(lines);
}

export async function reportXlsx(tables: readonly ReportTable[], heading: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Työpeili';
  const used = new Set<string>();
  for (const table of tables) {
    let name = table.caption.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim();
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    for (const line of heading) sheet.addRow([spreadsheetText(line)]);
    sheet.addRow([spreadsheetText(table.caption)]).font = { bold: true };
    sheet.addRow(table.columns.map(spreadsheetText)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? spreadsheetText(c) : c)));
    sheet.getColumn(1).width = 16;
    sheet.getColumn(2).width = 40;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface PdfContext {
  programme: Pick<Programme, 'name' | 'funder' | 'fundingProgramme' | 'projectCode'>;
  periodText: string;
  locale: Locale;
  t: Translate;
}

const pdfLang: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The report as a tagged PDF: each table as a heading and one paragraph per row (read in order by screen readers). */
export function reportPdf(tables: readonly ReportTable[], ctx: PdfContext, createdAt?: Date): Promise<Buffer> {
  const { t, programme } = ctx;
  const blocks: PdfBlock[] = [
    { kind: 'h1', text: `${t('programmes.report.title')}: ${programme.name}` },
    { kind: 'p', text: `${t('programmes.report.period')}: ${ctx.periodText}` },
    { kind: 'p', text: `${t('programmes.form.funder')}: ${programme.funder || '–'}` },
  ];
  if (programme.fundingProgramme) blocks.push({ kind: 'p', text: `${t('programmes.form.fundingProgramme')}: ${programme.fundingProgramme}` });
  if (programme.projectCode) blocks.push({ kind: 'p', text: `${t('programmes.form.projectCode')}: ${programme.projectCode}` });
  blocks.push({ kind: 'p', text: t('programmes.report.euFunding') });
  for (const table of tables) {
    blocks.push({ kind: 'h2', text: table.caption });
    for (const row of table.rows)
      blocks.push({
        kind: 'p',
        text: row
          .map((c, i) => (i === 0 ? text(c) || '–' : `${table.columns[i]}: ${c === null ? '–' : text(c)}`))
          .join(' · '),
      });
  }
  return renderPdf({ title: `${t('programmes.report.title')} – ${programme.name}`, lang: pdfLang[ctx.locale], blocks, createdAt });
}
