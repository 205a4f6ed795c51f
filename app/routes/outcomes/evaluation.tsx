// /evaluation: programme evaluation for coordinators and funders (admins: any organisation with
// ?organization=). A GET form (instrument, period of the release lattice, comparison), then the
// tables the disclosure layer released, with captions, how to read them, why a figure is withheld,
// and CSV/XLSX downloads of the same tables.
import { Form, useLoaderData } from 'react-router';
import type { Route } from './+types/evaluation';
import { loadEvaluation } from '../../lib/evaluation.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice } from '../../ui/form';
import { evaluationComparisons } from '../../../src/features/outcomes/evaluation.queries.ts';
import type { TableCell } from '../../../src/features/outcomes/evaluation-tables.ts';
import { pText } from '../../../src/features/outcomes/published-numbers.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  // The comparisons travel as data: importing them into the component would bundle the
  // evaluation queries (and node:crypto) for the browser, which the build warns about.
  return { ...(await loadEvaluation(context, request)), comparisons: evaluationComparisons };
}

const errorKeys: Record<'period', MessageKey> = { period: 'disclosure.form.periodError' };

function periodLabel(t: ReturnType<typeof useT>, key: string): string {
  if (key === 'recent') return t('disclosure.form.periodRecent');
  const m = /^(\d{4})(?:-H([12]))?$/.exec(key);
  if (!m) return key;
  return m[2] ? t('disclosure.form.periodHalf', { year: m[1]!, half: m[2] }) : t('disclosure.form.periodYear', { year: m[1]! });
}

export default function Evaluation() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const cell = (c: TableCell) => {
    switch (c.kind) {
      case 'text':
        return c.value;
      case 'suppressed':
        return <span className="muted">{t('evaluation.suppressedCell')}</span>;
      case 'fewer':
        return t('disclosure.fewer', { n: c.k });
      case 'p':
        return c.value === null ? t('evaluation.notAvailable') : pText(page.locale, c.value);
      case 'number':
        return c.value === null ? t('evaluation.notAvailable') : format.number(c.value, { minimumFractionDigits: c.digits, maximumFractionDigits: c.digits });
      case 'percent':
        return c.value === null ? t('evaluation.notAvailable') : format.number(c.value * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    }
  };
  return (
    <div className="page">
      <title>{`${t('evaluation.title')} – ${page.organization.name} – Työpeili`}</title>
      <h1>{t('evaluation.title')}</h1>
      <p className="lead">{page.organization.name}</p>
      <p>{t('evaluation.lead')}</p>
      {page.organizationParam ? null : (
        <p>
          <a href="/organization/instruments">{t('instruments.link')}</a>
        </p>
      )}

      {page.params.errors.length > 0 ? (
        <div className="notice" role="status">
          <ul>
            {page.params.errors.map((e) => (
              <li key={e}>{t(errorKeys[e])}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <Form method="get" aria-labelledby="evaluation-form-title">
        <h2 id="evaluation-form-title">{t('evaluation.form.title')}</h2>
        {page.organizationParam ? <input type="hidden" name="organization" value={page.organizationParam} /> : null}
        <div className="field">
          <label htmlFor="instrument">{t('evaluation.form.instrument')}</label>
          <select id="instrument" name="instrument" defaultValue={page.params.instrumentId}>
            {page.instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="period">{t('disclosure.form.period')}</label>
          <p className="hint" id="period-hint">
            {t('disclosure.form.periodHint')}
          </p>
          <select id="period" name="period" defaultValue={page.params.period} aria-describedby="period-hint">
            {page.periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(t, p)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('evaluation.form.comparison')}</legend>
          {page.comparisons.map((c) => (
            <Choice
              type="radio"
              key={c}
              id={`comparison-${c}`}
              name="comparison"
              value={c}
              defaultChecked={page.params.comparison === c}
              label={t(`evaluation.comparison.${c}`)}
            />
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('evaluation.form.submit')}
          </button>
        </p>
      </Form>

      <section aria-labelledby="how-to-title">
        <h2 id="how-to-title">{t('evaluation.howTo.title')}</h2>
        <p>{t('evaluation.howTo.pairs')}</p>
        <p>{t('evaluation.howTo.ci')}</p>
        <p>{t('evaluation.howTo.tests')}</p>
        <p>{t('evaluation.howTo.dz')}</p>
        <p>{t('evaluation.howTo.reliable')}</p>
        <p>{t('evaluation.howTo.attrition')}</p>
        <h3>{t('evaluation.suppression.title')}</h3>
        <p>{t('evaluation.suppression.text', { n: 5 })}</p>
        <p>{t('disclosure.howTo.combined', { n: 5 })}</p>
        <p>{t('disclosure.howTo.lattice')}</p>
      </section>

      {page.tables.map((table) => (
        <section key={table.id}>
          {table.rows.length > 0 ? (
            <div className="table-wrap" role="region" aria-labelledby={`${table.id}-caption`} tabIndex={0}>
              <table id={table.id}>
                <caption id={`${table.id}-caption`}>{table.caption}</caption>
                <thead>
                  <tr>
                    {table.columns.map((c) => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.header}>
                      <th scope="row">{row.header}</th>
                      {row.cells.map((c, i) => (
                        <td key={i}>{cell(c)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <h2 className="h3" id={`${table.id}-caption`}>
              {table.caption}
            </h2>
          )}
          {table.note ? <p className="hint">{table.note}</p> : null}
        </section>
      ))}

      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('evaluation.export.title')}</h2>
        <ul>
          <li>
            <a href={`/evaluation/export.csv?${page.query}`} download>
              {t('evaluation.export.csv')}
            </a>
          </li>
          <li>
            <a href={`/evaluation/export.xlsx?${page.query}`} download>
              {t('evaluation.export.xlsx')}
            </a>
          </li>
        </ul>
        <p className="hint">{t('evaluation.export.note')}</p>
      </section>
    </div>
  );
}
