// /organization/programmes/:programmeId/report.pdf: the report as a tagged PDF in the reader's
// language with the programme, the period, the funder and the EU funding statement.
import { data } from 'react-router';
import type { Route } from './+types/programme-report-pdf';
import { loadReport } from '../../lib/report.server';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { reportPdf } from '../../../src/features/programmes/report-tables.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const r = await loadReport(context, request, params);
  if (r.parsed.errors.length > 0) throw data(null, { status: 400 });
  const body = await reportPdf(r.tables, { programme: r.programme, periodText: r.periodText, locale: r.locale, t: r.t });
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition(`${r.fileStem}.pdf`), 'Cache-Control': 'private, no-store' },
  });
}
