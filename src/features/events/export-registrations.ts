// The coordinator's exports of an event's registrations: CSV (semicolons, BOM; cells beginning
// with = + - @ neutralised by csvField), XLSX (the same columns, the same neutralising: a text
// cell beginning with = + - @ gets a leading apostrophe, and no cell is ever a formula), and the
// check-in list as a tagged PDF (name, organisation, an empty box to tick). Each read is logged
// as a staff read of the registrants.
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordStaffRead, type ReadPurpose } from '../../platform/audit/staff-reads.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts';
import { renderPdf, type PdfBlock } from '../../platform/pdf/pdf.ts';
import { authorize, eventPolicy, type Rule } from '../../platform/policy/index.ts';
import type { EventResource } from '../../platform/policy/event.policy.ts';
import { csvDocument, csvField, spreadsheetText } from '../../platform/export/cells.ts';
import { listCheckIn, listRegistrations } from './admin.queries.ts';
import { findEvent, listActiveRegistrations, type Event, type EventRegistration } from './events.queries.ts';

export const registrationCsvColumns = [
  'position',
  'status',
  'name',
  'email',
  'organisation',
  'dietaryNeeds',
  'accessibilityNeeds',
  'code',
  'attended',
] as const;

interface ExportInput {
  organizationId: string;
  eventId: string;
  header: readonly string[];
  yes: string;
  no: string;
}

/** Loads the event under the rule, reads the rows and logs the staff read, in one transaction. */
async function readRegistrations<T>(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; eventId: string },
  rule: Rule<EventResource>,
  purpose: ReadPurpose,
  read: (tx: Tx, event: Event) => Promise<EventRegistration[]>,
  build: (event: Event, rows: EventRegistration[]) => T,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const event = await findEvent(tx, input);
    if (!event) throw new NotFoundError();
    authorize(actor, event, rule);
    const rows = await read(tx, event);
    await recordStaffRead(tx, actor!, {
      organizationId: input.organizationId,
      purpose,
      targetType: 'event',
      targetId: event.id,
      subjectUserIds: rows.flatMap((r) => (r.userId ? [r.userId] : [])),
    });
    return build(event, rows);
  });
}

function cells(r: EventRegistration, input: { yes: string; no: string }): string[] {
  return [
    String(r.position),
    r.status,
    r.name,
    r.email,
    r.organisation ?? '',
    r.dietaryNeeds ?? '',
    r.accessibilityNeeds ?? '',
    r.code,
    r.attendedAt ? input.yes : input.no,
  ];
}

export async function exportRegistrationsCsv(actor: Actor | null, deps: { db: Db }, input: ExportInput): Promise<{ csv: string; title: string }> {
  return readRegistrations(
    actor,
    deps,
    input,
    eventPolicy.manage,
    'events.registrations',
    (tx) => listActiveRegistrations(tx, input),
    (event, rows) => {
      const lines = [input.header.map(csvField).join(';')];
      for (const r of rows) lines.push(cells(r, input).map(csvField).join(';'));
      return { csv: csvDocument(lines), title: event.title };
    },
  );
}

export async function exportRegistrationsXlsx(actor: Actor | null, deps: { db: Db }, input: ExportInput & { sheetName: string }): Promise<Buffer> {
  const { workbook } = await readRegistrations(
    actor,
    deps,
    input,
    eventPolicy.manage,
    'events.registrations',
    (tx) => listActiveRegistrations(tx, input),
    (_event, rows) => {
      const book = new ExcelJS.Workbook();
      book.creator = 'Työpeili';
      const sheet = book.addWorksheet(input.sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
      sheet.addRow(input.header.map(spreadsheetText)).font = { bold: true };
      for (const r of rows) {
        const [position, ...rest] = cells(r, input);
        sheet.addRow([Number(position), ...rest.map(spreadsheetText)]);
      }
      sheet.columns.forEach((c) => (c.width = 22));
      return { workbook: book };
    },
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The check-in list on paper: everyone with a seat, by name, with their organisation and a box to tick. */
export async function checkInPdf(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; eventId: string; locale: Locale; title: (event: Event) => string; lead: (count: number) => string },
): Promise<Buffer> {
  const { blocks, title } = await readRegistrations(
    actor,
    deps,
    input,
    eventPolicy.checkIn,
    'events.check_in',
    (tx) => listCheckIn(tx, { ...input, search: '' }),
    (event, rows) => {
      const heading = input.title(event);
      const out: PdfBlock[] = [
        { kind: 'h1', text: heading },
        { kind: 'p', text: `${formatDateTime(input.locale, event.startsAt, 'weekday')}${event.venue ? ` – ${event.venue}` : ''}` },
        { kind: 'p', text: input.lead(rows.length) },
      ];
      for (const r of rows) out.push({ kind: 'check', text: r.organisation ? `${r.name} – ${r.organisation}` : r.name });
      return { blocks: out, title: heading };
    },
  );
  return renderPdf({ title, lang: { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[input.locale], blocks });
}

/** The coordinator's event page: every registration in order (cancelled ones too), logged as a staff read. */
export async function viewRegistrations(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; eventId: string },
): Promise<EventRegistration[]> {
  return readRegistrations(
    actor,
    deps,
    input,
    eventPolicy.manage,
    'events.registrations',
    (tx) => listRegistrations(tx, input),
    (_e, rows) => rows,
  );
}

/** The check-in list (searched by name), logged as a staff read. */
export async function viewCheckIn(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; eventId: string; search: string },
): Promise<EventRegistration[]> {
  return readRegistrations(
    actor,
    deps,
    input,
    eventPolicy.checkIn,
    'events.check_in',
    (tx) => listCheckIn(tx, input),
    (_e, rows) => rows,
  );
}
