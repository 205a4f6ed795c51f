// The spreadsheets people have, read into one shape: a header row and text cells. CSV with
// semicolons (Excel in Finland) or commas, in UTF-8 (with or without a BOM), UTF-16 with a BOM,
// or Windows-1252 (older Excel "CSV"); or the first sheet of an XLSX workbook. The encoding is
// detected (BOM, then UTF-8 validity) unless the caller names it. csv-parse does the quoting
// rules of RFC 4180; exceljs reads the workbook.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

export const importEncodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof importEncodings)[number];
export type ImportFormat = 'csv' | 'xlsx';

export interface ReadTable {
  format: ImportFormat;
  /** The encoding the CSV was read with (null for XLSX). */
  encoding: ImportEncoding | null;
  delimiter: ';' | ',' | '\t' | null;
  headers: string[];
  /** Data rows (after the header), each as long as `headers`, with the line (CSV) or row (XLSX) number a person sees. */
  rows: TableRow[];
}

export interface TableRow {
  line: number;
  cells: string[];
}

export class UnreadableFileError extends Error {
  readonly reason: 'empty' | 'format' | 'tooLarge' | 'noHeader';
  constructor(reason: 'empty' | 'format' | 'tooLarge' | 'noHeader') {
    super(`unreadable import file: ${reason}`);
    this.reason = reason;
  }
}

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** XLSX (a ZIP) or CSV, by the bytes and not by the name. */
export function detectFormat(bytes: Uint8Array): ImportFormat {
  return zipMagic.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
}

/** The text of a CSV file and the encoding it was read in. */
export function decodeText(bytes: Uint8Array, override?: ImportEncoding): { text: string; encoding: ImportEncoding } {
  if (override) return { text: new TextDecoder(override).decode(bytes).replace(/^\uFEFF/, ''), encoding: override };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the one other encoding Finnish spreadsheets are saved in.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The delimiter of the header line: the most frequent of ; , and tab outside quotes (ties: semicolon, as Excel in Finland writes). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

function shape(records: TableRow[]): { headers: string[]; rows: TableRow[] } {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw new UnreadableFileError('noHeader');
  if (rows.length > MAX_IMPORT_ROWS) throw new UnreadableFileError('tooLarge');
  const headers = header.cells.map((h) => h.trim());
  return { headers, rows: rows.map((r) => ({ line: r.line, cells: headers.map((_, i) => (r.cells[i] ?? '').trim()) })) };
}

function readCsv(bytes: Uint8Array, encoding?: ImportEncoding): ReadTable {
  const decoded = decodeText(bytes, encoding);
  const delimiter = detectDelimiter(decoded.text);
  let records: TableRow[];
  try {
    const parsed = parse(decoded.text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true, raw: true }) as unknown as {
      record: string[];
      raw: string;
      info: { lines: number };
    }[];
    // (csv-parse types the result as rows whatever info/raw add.) info.lines is the line a record ends on; a person looks for the line it starts on.
    records = parsed.map(({ record, raw, info }) => ({ line: info.lines - (raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0), cells: record }));
  } catch {
    throw new UnreadableFileError('format');
  }
  return { format: 'csv', encoding: decoded.encoding, delimiter, ...shape(records) };
}

/** A cell as the text a person sees in it: numbers without locale grouping, dates as ISO days. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<ReadTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types want its own Buffer type; a Node Buffer view over the same bytes.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFileError('format');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('noHeader');
  const records: TableRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records.push({ line: rowNumber, cells });
  });
  return { format: 'xlsx', encoding: null, delimiter: null, ...shape(records) };
}

export async function readTable(bytes: Uint8Array, options: { encoding?: ImportEncoding } = {}): Promise<ReadTable> {
  if (bytes.byteLength === 0) throw new UnreadableFileError('empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new UnreadableFileError('tooLarge');
  return detectFormat(bytes) === 'xlsx' ? readXlsx(bytes) : readCsv(bytes, options.encoding);
}
