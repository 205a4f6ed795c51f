// /organization/programmes/:programmeId/report.xlsx: the report's tables as an Excel workbook, one
// sheet per table, numbers as numbers, withheld figures empty.
import { data } from 'react-router';
import type { Route } from './+types/programme-report-xlsx';
import { fileHeading, loadReport } from '../../lib/report.server';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { reportXlsx } from '../../../src/features/programmes/report-tables.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const r = await loadReport(context, request, params);
  if (r.parsed.errors.length > 0) throw data(null, { status: 400 });
  const body = await reportXlsx(r.tables, fileHeading(r));
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(`${r.fileStem}.xlsx`),
      'Cache-Control': 'private, no-store',
    },
  });
}
