// The evaluation report as labelled tables: the one shape the /evaluation page renders and the
// CSV/XLSX exports serialise, so what is downloaded is exactly what is shown — with the same
// rounding (the report's figures are rounded by the disclosure layer's release; nothing here adds
// precision). Aggregates only; every function takes and gives `Released` values.
//
// CSV: UTF-8 with a byte-order mark (so Excel detects UTF-8), fields separated by a semicolon ";" in
// every language (Finnish and Swedish Excel expect it; the decimal separator follows the language:
// comma in fi/sv, point in en, never grouped), CRLF line ends, a field quoted only when it contains
// ; " or a line break. Tables follow each other with one empty line between; each starts with its
// caption. A suppressed cell is empty; a statistic that cannot be computed is "–" on the page and
// empty in the exports.
import { csvDocument, csvField, spreadsheetText } from '../../platform/export/cells.ts';
import ExcelJS from 'exceljs';
import { sectorLabel } from '../companies/sectors.ts';
import { municipalityName } from '../places/municipalities.ts';
import type { Locale, MessageKey, Translate } from '../../platform/i18n/i18n.ts';
import { deriveReleased, type Released, type WithholdReason } from '../../platform/disclosure/release.ts';
import { csvNumber, pText } from './published-numbers.ts';
import { EVALUATION_MIN_N, UNKNOWN, type Breakdown, type ChangeTable, type EvaluationReport } from './evaluation.ts';
import type { EvaluationComparison } from './evaluation.queries.ts';

export type TableCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number | null; digits: number }
  | { kind: 'percent'; value: number | null }
  /** A p-value: three decimals, "< 0.001" below that. */
  | { kind: 'p'; value: number | null }
  /** A count under K: "fewer than K". */
  | { kind: 'fewer'; k: number }
  /** Withheld by the disclosure layer (why: see the table's note). */
  | { kind: 'suppressed'; reason?: WithholdReason };

export interface EvaluationTable {
  id: string;
  caption: string;
  /** Column headers; the first is the row-header column. */
  columns: string[];
  rows: { header: string; cells: TableCell[] }[];
  /** Shown instead of / below the rows, e.g. why a breakdown is not published or a cell is withheld. */
  note: string | null;
}

const reasonOrder: WithholdReason[] = ['small', 'complementary', 'earlier', 'homogeneous'];

/** The plain-language explanation of the withheld cells of one table (each reason once). */
function withheldNote(t: Translate, reasons: readonly (WithholdReason | null | undefined)[]): string | null {
  const present = reasonOrder.filter((r) => reasons.includes(r));
  if (present.length === 0) return null;
  return present.map((r) => t(`disclosure.reason.${r}`, { n: EVALUATION_MIN_N })).join(' ');
}

export interface EvaluationContext {
  t: Translate;
  locale: Locale;
  instrumentName: string;
  from: string;
  to: string;
  comparison: EvaluationComparison;
}

const int = (value: number | null): TableCell => ({ kind: 'number', value, digits: 0 });
const count = (value: number | null): TableCell => (value === null ? { kind: 'fewer', k: EVALUATION_MIN_N } : int(value));
const num = (value: number | null, digits = 1): TableCell => ({ kind: 'number', value, digits });
const pv = (value: number | null): TableCell => ({ kind: 'p', value });
const pct = (value: number | null): TableCell => ({ kind: 'percent', value });
/** A count or share the audit may have withheld (`reason` set): then marked as withheld, not as "–". */
const audited = (value: number | null, reason: WithholdReason | null): TableCell => (value === null && reason ? { kind: 'suppressed', reason } : int(value));
const auditedShare = (value: number | null, reason: WithholdReason | null): TableCell =>
  value === null && reason ? { kind: 'suppressed', reason } : pct(value);
const text = (value: string): TableCell => ({ kind: 'text', value });

function categoryLabel(t: Translate, locale: Locale, b: Breakdown, category: string): string {
  if (category === UNKNOWN) return t('evaluation.unknown');
  switch (b.dimension) {
    case 'sector':
      return sectorLabel(category, locale) ?? category;
    case 'municipality':
      return municipalityName(category, locale) ?? category;
    case 'gender':
      return t(`evaluation.gender.${category}` as MessageKey);
    case 'groupFormat':
      return t(`groups.format.${category}` as MessageKey);
    case 'ageBand':
      return t(`evaluation.age.${category}` as MessageKey);
  }
}

function changeNote(t: Translate, c: ChangeTable): string | null {
  return [c.improved, c.unchanged, c.deteriorated].some((v) => v === null) ? t('disclosure.reason.small', { n: EVALUATION_MIN_N }) : null;
}

function changeRows(t: Translate, c: ChangeTable): EvaluationTable['rows'] {
  const cell = (v: number | null): TableCell => (v === null ? { kind: 'suppressed' } : int(v));
  const share = (n: number | null, v: number | null): TableCell => (n === null ? { kind: 'suppressed' } : pct(v));
  return [
    { header: t('evaluation.change.improved'), cells: [cell(c.improved), share(c.improved, c.shareImproved)] },
    { header: t('evaluation.change.unchanged'), cells: [cell(c.unchanged), share(c.unchanged, c.shareUnchanged)] },
    { header: t('evaluation.change.deteriorated'), cells: [cell(c.deteriorated), share(c.deteriorated, c.shareDeteriorated)] },
    { header: t('evaluation.total'), cells: [int(c.n), pct(1)] },
  ];
}

/** Why reliable change is missing, or that the figures it rests on are not verified against their source. */
function reliableNote(t: Translate, report: EvaluationReport): string | null {
  if (report.reliableChange) {
    const notes = [changeNote(t, report.reliableChange), report.reliableChangeBasis === 'unverified' ? t('reliableChange.note.unverified') : null].filter(
      (n) => n !== null,
    );
    return notes.length ? notes.join(' ') : null;
  }
  if (!report.published) return t('evaluation.note.tooFew', { n: 5 });
  if (report.changeTablesWithheld) return t('disclosure.tableWithheld', { n: 5 });
  return report.reliableChangeBasis === 'custom' ? t('reliableChange.note.custom') : t('evaluation.note.noReliable');
}

/** The released report as tables (a reshaping: no figure is added, none gets more digits). */
export function evaluationTables(released: Released<EvaluationReport>, ctx: EvaluationContext): Released<EvaluationTable[]> {
  return deriveReleased(released, (report) => tablesOf(report, ctx));
}

function tablesOf(report: EvaluationReport, ctx: EvaluationContext): EvaluationTable[] {
  const { t, locale } = ctx;
  const md = Math.max(0, Math.round(-Math.log10(report.step)));
  const tables: EvaluationTable[] = [];
  const p = report.paired;
  const tt = p?.tTest ?? null;
  const w = p?.wilcoxon ?? null;
  tables.push({
    id: 'summary',
    caption: t('evaluation.table.summary', { instrument: ctx.instrumentName }),
    columns: [t('evaluation.col.figure'), t('evaluation.col.value')],
    rows: [
      { header: t('evaluation.row.instrument'), cells: [text(ctx.instrumentName)] },
      { header: t('evaluation.row.period'), cells: [text(`${ctx.from} – ${ctx.to}`)] },
      { header: t('evaluation.row.comparison'), cells: [text(t(`evaluation.comparison.${ctx.comparison}`))] },
      { header: t('evaluation.row.nBaseline'), cells: [count(report.nBaseline)] },
      { header: t('evaluation.row.nPaired'), cells: [count(report.nPaired)] },
      ...(report.published
        ? [
            { header: t('evaluation.row.meanBefore'), cells: [num(p!.meanBefore, md)] },
            { header: t('evaluation.row.meanAfter'), cells: [num(p!.meanAfter, md)] },
            { header: t('evaluation.row.meanChange'), cells: [num(p!.meanChange, md)] },
            { header: t('evaluation.row.ciLow'), cells: [num(tt?.ciLow ?? null, md)] },
            { header: t('evaluation.row.ciHigh'), cells: [num(tt?.ciHigh ?? null, md)] },
            { header: t('evaluation.row.t'), cells: [num(tt?.t ?? null, 1)] },
            { header: t('evaluation.row.df'), cells: [int(tt?.df ?? null)] },
            { header: t('evaluation.row.pT'), cells: [pv(tt?.p ?? null)] },
            { header: t('evaluation.row.wilcoxonW'), cells: [num(w?.statistic ?? null)] },
            { header: t('evaluation.row.wilcoxonN'), cells: [int(w?.nUsed ?? null)] },
            { header: t('evaluation.row.wilcoxonMethod'), cells: [text(w ? t(`evaluation.method.${w.method}`) : '–')] },
            { header: t('evaluation.row.pW'), cells: [pv(w?.p ?? null)] },
            { header: t('evaluation.row.dz'), cells: [num(p!.cohensDz, 1)] },
          ]
        : []),
    ],
    note: report.published
      ? t('disclosure.rounding')
      : report.withheldReason && report.withheldReason !== 'small'
        ? t(`disclosure.reason.${report.withheldReason}`, { n: EVALUATION_MIN_N })
        : t('evaluation.note.tooFew', { n: EVALUATION_MIN_N }),
  });
  tables.push({
    id: 'response',
    caption: t('evaluation.table.response'),
    columns: [t('evaluation.col.figure'), t('evaluation.col.value')],
    rows: [
      { header: t('evaluation.row.invited'), cells: [audited(report.response.invited, report.response.reason)] },
      { header: t('evaluation.row.responded'), cells: [audited(report.response.responded, report.response.reason)] },
      { header: t('evaluation.row.responseRate'), cells: [auditedShare(report.response.rate, report.response.reason)] },
      { header: t('evaluation.row.followUpDue'), cells: [audited(report.attrition.due, report.attrition.reason)] },
      { header: t('evaluation.row.followedUp'), cells: [audited(report.attrition.followedUp, report.attrition.reason)] },
      { header: t('evaluation.row.lost'), cells: [audited(report.attrition.lost, report.attrition.reason)] },
      { header: t('evaluation.row.attritionRate'), cells: [auditedShare(report.attrition.rate, report.attrition.reason)] },
    ],
    note: withheldNote(t, [report.response.reason, report.attrition.reason]),
  });
  const changeColumns = [t('evaluation.col.change'), t('evaluation.col.n'), t('evaluation.col.share')];
  tables.push({
    id: 'reliable',
    caption: t('evaluation.table.reliable'),
    columns: changeColumns,
    rows: report.reliableChange ? changeRows(t, report.reliableChange) : [],
    note: reliableNote(t, report),
  });
  tables.push({
    id: 'meaningful',
    caption: t('evaluation.table.meaningful', { threshold: report.meaningfulThreshold ?? 0 }),
    columns: changeColumns,
    rows: report.meaningfulChange ? changeRows(t, report.meaningfulChange) : [],
    note: report.meaningfulChange
      ? changeNote(t, report.meaningfulChange)
      : !report.published
        ? t('evaluation.note.tooFew', { n: 5 })
        : report.changeTablesWithheld
          ? t('disclosure.tableWithheld', { n: 5 })
          : t('evaluation.note.noMeaningful'),
  });
  for (const b of report.breakdowns) {
    tables.push({
      id: `by-${b.dimension}`,
      caption: t(`evaluation.table.by.${b.dimension}`),
      columns: [t(`evaluation.col.${b.dimension}`), t('evaluation.col.n'), t('evaluation.col.meanChange')],
      rows: b.published
        ? [
            ...b.rows.map((r) => ({
              header: categoryLabel(t, locale, b, r.category),
              cells: r.suppressed
                ? [{ kind: 'suppressed', reason: r.reason ?? 'small' } as const, { kind: 'suppressed', reason: r.reason ?? 'small' } as const]
                : [int(r.n), num(r.meanChange, md)],
            })),
            { header: t('evaluation.total'), cells: [int(b.total), num(report.paired?.meanChange ?? null, md)] },
          ]
        : [],
      note: b.published
        ? withheldNote(
            t,
            b.rows.map((r) => (r.suppressed ? (r.reason ?? 'small') : null)),
          )
        : t('disclosure.tableWithheld', { n: 5 }),
    });
  }
  return tables;
}

// ---- exports -------------------------------------------------------------------

function xlsxValue(locale: Locale, c: TableCell): string | number | null {
  switch (c.kind) {
    case 'text':
      return c.value === '–' ? null : spreadsheetText(c.value);
    case 'number':
      return c.value === null ? null : Number(c.value.toFixed(c.digits));
    case 'percent':
      return c.value === null ? null : Number(c.value.toFixed(3));
    case 'p':
      return c.value === null ? null : pText(locale, c.value);
    case 'fewer':
      return `< ${c.k}`;
    case 'suppressed':
      return null;
  }
}

function csvCell(locale: Locale, c: TableCell): string {
  switch (c.kind) {
    case 'text':
      return c.value === '–' ? '' : c.value;
    case 'number':
      return c.value === null ? '' : csvNumber(locale, c.value, c.digits);
    case 'percent':
      return c.value === null ? '' : csvNumber(locale, c.value * 100, 1);
    case 'p':
      return c.value === null ? '' : pText(locale, c.value);
    case 'fewer':
      return `< ${c.k}`;
    case 'suppressed':
      return '';
  }
}

/** A published p-value as text: three decimals, "< 0.001" below that (the language's decimal separator). */

export function evaluationCsv(tables: Released<readonly EvaluationTable[]>, locale: Locale): string {
  const lines: string[] = [];
  for (const table of tables) {
    if (lines.length > 0) lines.push('');
    lines.push(csvField(table.caption));
    lines.push(table.columns.map(csvField).join(';'));
    for (const row of table.rows) lines.push([row.header, ...row.cells.map((c) => csvCell(locale, c))].map(csvField).join(';'));
    if (table.note) lines.push(csvField(table.note));
  }
  return csvDocument(lines);
}

/**
 * One worksheet per table; numbers as numbers, already rounded as on the page (percentages as fractions
 * with a % format), p-values and "fewer than" counts as the page's text, suppressed cells empty.
 */
export async function evaluationXlsx(tables: Released<readonly EvaluationTable[]>, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Työpeili';
  const used = new Set<string>();
  for (const table of tables) {
    let name = table.caption
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 31)
      .trim();
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([spreadsheetText(table.caption)]).font = { bold: true };
    sheet.addRow(table.columns.map(spreadsheetText)).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow([spreadsheetText(row.header), ...row.cells.map((c) => xlsxValue(locale, c))]);
      row.cells.forEach((c, i) => {
        const cell = added.getCell(i + 2);
        if (c.kind === 'percent') cell.numFmt = '0.0 %';
        else if (c.kind === 'number') cell.numFmt = c.digits === 0 ? '0' : `0.${'0'.repeat(c.digits)}`;
      });
    }
    if (table.note) sheet.addRow([spreadsheetText(table.note)]);
    sheet.getColumn(1).width = 40;
    for (let c = 2; c <= table.columns.length; c++) sheet.getColumn(c).width = 16;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
