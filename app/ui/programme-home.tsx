// What the programmes add to a home: the participant's start and end forms waiting for them
// ("Ohjelman aloitustiedot"), and a funder's programmes (read-only, no person-level data).
import { useFormat, useT } from '../lib/i18n';

export interface PendingProgrammeForm {
  programmeId: string;
  programmeName: string;
  form: 'start' | 'end';
}

export function ProgrammeForms({ forms, done }: { forms: readonly PendingProgrammeForm[]; done: 'programme-start' | 'programme-end' | null }) {
  const t = useT();
  if (forms.length === 0 && !done) return null;
  return (
    <section className="card home-card" aria-labelledby="home-programme-forms">
      <h2 id="home-programme-forms">{t('programmes.home.title')}</h2>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(done === 'programme-start' ? 'programmes.start.thanks' : 'programmes.end.thanks')}
        </p>
      ) : null}
      <ul className="plain-list">
        {forms.map((f) => (
          <li key={`${f.programmeId}-${f.form}`}>
            <a href={`/programmes/${f.programmeId}/${f.form}`}>{t(f.form === 'start' ? 'programmes.home.start' : 'programmes.home.end', { name: f.programmeName })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface FundedProgramme {
  id: string;
  name: string;
  funder: string;
  fundingProgramme: string;
  projectCode: string;
  indicatorSet: 'esf2014' | 'esf2021';
  startsOn: string;
  endsOn: string;
  leadOrganizationName: string;
}

export function FundedProgrammes({ programmes }: { programmes: readonly FundedProgramme[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <section className="card home-card" aria-labelledby="home-funded">
      <h2 id="home-funded">{t('programmes.funderHome.title')}</h2>
      {programmes.length === 0 ? <p>{t('programmes.funderHome.none')}</p> : null}
      <ul className="plain-list stack">
        {programmes.map((p) => (
          <li key={p.id}>
            <strong>
              <a href={`/organization/programmes/${p.id}/report`}>{p.name}</a>
            </strong>
            <br />
            {t('programmes.funderHome.meta', { organization: p.leadOrganizationName, code: p.projectCode || '–', from: f.date(p.startsOn), to: f.date(p.endsOn) })}
            <br />
            {t(`programmes.set.${p.indicatorSet}`)}
          </li>
        ))}
      </ul>
      <p className="hint">{t('home.funder.reports')}</p>
    </section>
  );
}
