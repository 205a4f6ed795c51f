// /accessibility: the accessibility statement (saavutettavuusseloste) as Act 306/2019 asks: scope,
// compliance status, non-accessible content and why, how it was assessed and when the statement
// was made and updated, the feedback channel, and the enforcement procedure with the supervising
// authority's contact. The facts (status, dates, contacts) are data (accessibility_statement,
// edited by an admin on /admin/accessibility); the prose is in the catalogs.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/accessibility';
import { getState } from '../../lib/state.server';
import { useLocale, useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { getAccessibilityStatement } from '../../../src/features/site/accessibility-statement.ts';
import { formatDateTime, type MessageKey } from '../../../src/platform/i18n/i18n.ts';

const gaps: MessageKey[] = ['site.a11y.gap1', 'site.a11y.gap2', 'site.a11y.gap3', 'site.a11y.gap4'];
const how: MessageKey[] = ['accessibility.how1', 'accessibility.how2', 'accessibility.how3', 'accessibility.how4'];

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  const statement = await getAccessibilityStatement(state.services.db);
  const day = (iso: string) => formatDateTime(state.locale, new Date(`${iso}T12:00:00Z`), 'date');
  return {
    appUrl: state.services.config.appUrl,
    statement: statement
      ? {
          conformance: statement.conformance,
          assessment: statement.assessment,
          prepared: day(statement.preparedOn),
          reviewed: day(statement.reviewedOn),
          feedbackEmail: statement.feedbackEmail,
          feedbackPhone: statement.feedbackPhone,
          authority: {
            name: { fi: statement.authorityNameFi, sv: statement.authorityNameSv, en: statement.authorityNameEn },
            url: statement.authorityUrl,
            email: statement.authorityEmail,
            phone: statement.authorityPhone,
          },
        }
      : null,
  };
}

export function meta() {
  return [];
}

const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

export default function Accessibility() {
  const t = useT();
  const locale = useLocale();
  const { appUrl, statement: s } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title={t('accessibility.title')} description={t('site.a11y.meta')} />
      <h1>{t('accessibility.title')}</h1>
      <p className="lead">{t('accessibility.lead')}</p>
      <p>{t('site.a11y.scope', { url: appUrl })}</p>
      {s === null ? <p className="notice">{t('site.a11y.missing')}</p> : null}
      <section aria-labelledby="a11y-status">
        <h2 id="a11y-status">{t('site.a11y.statusTitle')}</h2>
        <p>{t(`site.a11y.status.${s?.conformance ?? 'partial'}`)}</p>
      </section>
      <section aria-labelledby="a11y-gaps">
        <h2 id="a11y-gaps">{t('site.a11y.gapsTitle')}</h2>
        <ul>
          {gaps.map((g) => (
            <li key={g}>{t(g)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-how">
        <h2 id="a11y-how">{t('accessibility.howTitle')}</h2>
        <ul>
          {how.map((h) => (
            <li key={h}>{t(h)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-assess">
        <h2 id="a11y-assess">{t('site.a11y.assessTitle')}</h2>
        <p>{t(`site.a11y.assess.${s?.assessment ?? 'self'}`)}</p>
        {s ? <p>{t('site.a11y.dates', { prepared: s.prepared, reviewed: s.reviewed })}</p> : null}
      </section>
      <section aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback">{t('site.a11y.feedbackTitle')}</h2>
        <p>{t('site.a11y.feedbackBody')}</p>
        {s ? (
          <dl>
            <dt>{t('site.a11y.feedbackEmail')}</dt>
            <dd>
              <a href={`mailto:${s.feedbackEmail}`}>{s.feedbackEmail}</a>
            </dd>
            {s.feedbackPhone ? (
              <>
                <dt>{t('site.a11y.feedbackPhone')}</dt>
                <dd>
                  <a href={telHref(s.feedbackPhone)}>{s.feedbackPhone}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <p>{t('accessibility.feedbackBody')}</p>
      </section>
      <section aria-labelledby="a11y-authority">
        <h2 id="a11y-authority">{t('site.a11y.authorityTitle')}</h2>
        <p>{t('site.a11y.authorityBody')}</p>
        {s ? (
          <>
            <p>{s.authority.name[locale]}</p>
            <dl>
              <dt>{t('site.a11y.authorityWeb')}</dt>
              <dd>
                <a href={s.authority.url}>{s.authority.url.replace(/^https?:\/\//, '')}</a>
              </dd>
              <dt>{t('site.a11y.authorityEmail')}</dt>
              <dd>
                <a href={`mailto:${s.authority.email}`}>{s.authority.email}</a>
              </dd>
              <dt>{t('site.a11y.authorityPhone')}</dt>
              <dd>
                <a href={telHref(s.authority.phone)}>{s.authority.phone}</a>
              </dd>
            </dl>
          </>
        ) : null}
      </section>
    </div>
  );
}
