// /organization/programmes/:programmeId/report?from=…&to=…: the ESF monitoring report (ADR 036) —
// planned against realised per indicator in the set's order, the breakdowns, the activities, and
// the CSV, XLSX and PDF of the same tables. The lead's staff see exact figures (the coordinators
// with a link from each figure to the people or companies behind it); a granted funder sees the
// figures the disclosure layer releases, never a link. The period is a GET form.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/programme-report';
import { loadReport } from '../../lib/report.server';
import { useFormat, useT } from '../../lib/i18n';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import type { ViewCell } from '../../../src/features/programmes/report-view.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const r = await loadReport(context, request, params);
  const withheld = new Set<string>();
  const collect = (c: ViewCell) => (c.reason ? withheld.add(c.reason) : undefined);
  r.view.indicators.forEach((i) => [i.realised, ...Object.values(i.byGender ?? {})].forEach(collect));
  Object.values(r.view.breakdowns).forEach((t) => t.forEach((b) => collect(b.cell)));
  Object.values(r.view.companyBreakdowns).forEach((t) => t.forEach((b) => collect(b.cell)));
  Object.values(r.view.activities).forEach(collect);
  const body = {
    programme: { id: r.programme.id, name: r.programme.name, funder: r.programme.funder, projectCode: r.programme.projectCode },
    leadOrganizationName: r.leadOrganizationName,
    from: r.parsed.fromInput,
    to: r.parsed.toInput,
    errors: r.parsed.errors,
    period: r.parsed.period,
    periodText: r.periodText,
    exact: r.view.exact,
    canDrillDown: r.canDrillDown,
    tables: r.tables,
    figures: {
      indicators: r.view.indicators.map((i) => i.realised.figure),
      breakdowns: Object.fromEntries(Object.entries(r.view.breakdowns).map(([k, rows]) => [k, rows.map((b) => b.cell.figure)])),
      companies: Object.fromEntries(Object.entries(r.view.companyBreakdowns).map(([k, rows]) => [k, rows.map((b) => b.cell.figure)])),
    } as { indicators: string[]; breakdowns: Record<string, string[]>; companies: Record<string, string[]> },
    withheld: [...withheld] as string[],
  };
  return r.parsed.errors.length > 0 ? data(body, { status: 400 }) : body;
}

export default function ProgrammeReportPage() {
  const t = useT();
  const f = useFormat();
  const page = useLoaderData<typeof loader>();
  const base = `/organization/programmes/${page.programme.id}`;
  const query = `from=${page.period.from}&to=${page.period.to}`;
  const num = (c: string | number | null) => (c === null ? '–' : typeof c === 'number' ? f.number(c) : c);
  const figureLink = (figure: string | undefined, value: string | number | null) =>
    page.canDrillDown && figure && typeof value === 'number' && value > 0 ? <a href={`${base}/report/figure?${query}&figure=${encodeURIComponent(figure)}`}>{num(value)}</a> : num(value);
  const [indicatorTable, ...rest] = page.tables;
  const figureOf = (key: string, row: number): string | undefined => {
    if (key.startsWith('companies-')) return page.figures.companies[key.slice('companies-'.length)]?.[row];
    return page.figures.breakdowns[key]?.[row];
  };
  return (
    <div className="page">
      <title>{`${t('programmes.report.title')} – ${page.programme.name} – Työpeili`}</title>
      <p>
        <a href={base}>{t('programmes.report.back')}</a>
      </p>
      <h1>{t('programmes.report.title')}</h1>
      <dl className="facts">
        <dt>{t('programmes.report.programme')}</dt>
        <dd>{page.programme.name}</dd>
        <dt>{t('programmes.form.funder')}</dt>
        <dd>{page.programme.funder || '–'}</dd>
        <dt>{t('programmes.report.period')}</dt>
        <dd>{page.periodText}</dd>
      </dl>
      <p>{page.exact ? t('programmes.report.exactNote') : t('programmes.report.releasedNote')}</p>

      <form method="get" className="period-form" aria-labelledby="period-title">
        <h2 id="period-title">{t('programmes.report.periodTitle')}</h2>
        {page.errors.length > 0 ? (
          <div role="alert" className="error-summary">
            <ul>
              {page.errors.map((e) => (
                <li key={e}>{t(`programmes.report.error.${e}` as MessageKey)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="report-from">{t('programmes.report.from')}</label>
          <input id="report-from" name="from" defaultValue={page.from} inputMode="numeric" aria-describedby="report-date-hint" aria-invalid={page.errors.includes('from') || undefined} />
        </div>
        <div className="field">
          <label htmlFor="report-to">{t('programmes.report.to')}</label>
          <input id="report-to" name="to" defaultValue={page.to} inputMode="numeric" aria-describedby="report-date-hint" aria-invalid={page.errors.includes('to') || page.errors.includes('order') || undefined} />
        </div>
        <p id="report-date-hint" className="hint">
          {t('programmes.report.dateHint')}
        </p>
        <button type="submit">{t('programmes.report.show')}</button>
      </form>

      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('programmes.report.downloads')}</h2>
        <ul>
          <li>
            <a href={`${base}/report.csv?${query}`} download>
              {t('programmes.report.csv')}
            </a>
          </li>
          <li>
            <a href={`${base}/report.xlsx?${query}`} download>
              {t('programmes.report.xlsx')}
            </a>
          </li>
          <li>
            <a href={`${base}/report.pdf?${query}`} download>
              {t('programmes.report.pdf')}
            </a>
          </li>
        </ul>
      </section>

      {page.withheld.length > 0 ? (
        <div className="notice" role="note">
          {page.withheld.map((r) => (
            <p key={r}>{t(`disclosure.reason.${r}` as MessageKey, { n: 5 })}</p>
          ))}
        </div>
      ) : null}

      {indicatorTable ? (
        // The scrolling region below carries the table's name; the section itself stays unnamed (two region landmarks with one name fail axe).
        <section>
          <h2 id="table-indicators">{indicatorTable.caption}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="table-indicators">
            <table>
              <thead>
                <tr>
                  {indicatorTable.columns.map((c, i) => (
                    <th key={i} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {indicatorTable.rows.map((row, r) => (
                  <tr key={r}>
                    <th scope="row">{row[0]}</th>
                    <td>{row[1]}</td>
                    <td>{num(row[2] ?? null)}</td>
                    <td>{figureLink(page.figures.indicators[r], row[3] ?? null)}</td>
                    <td>{row[4] === null || row[4] === undefined ? '–' : `${f.number(row[4] as number)} %`}</td>
                    {row.slice(5).map((c, i) => (
                      <td key={i}>{num(c)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {rest.map((table) => (
        <section key={table.key} aria-labelledby={`table-${table.key}`}>
          <h2 id={`table-${table.key}`}>{table.caption}</h2>
          <table>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.columns.length}>{t('programmes.report.none')}</td>
                </tr>
              ) : (
                table.rows.map((row, r) => (
                  <tr key={r}>
                    <th scope="row">{row[0]}</th>
                    <td>{table.key === 'activities' ? num(row[1] ?? null) : figureLink(figureOf(table.key, r), row[1] ?? null)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </section>
      ))}
      <p className="hint">{t('programmes.report.euFunding')}</p>
    </div>
  );
}
