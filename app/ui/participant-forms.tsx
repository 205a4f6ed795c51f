// The participant's start and end forms of a programme (issue 17, point 2): every item may be left
// unanswered ("Jätän vastaamatta"); the gender and the special items also offer "prefer not to say",
// recorded as such. The age is a date of birth or the band itself.
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import { ageBands, educationLevels, employmentStatuses, genders, leavingSituations, specialAnswers, specialItems } from '../../src/features/programmes/indicators.ts';
import { useT } from '../lib/i18n';
import { Choice, Field, RadioGroup } from './form';

export const startFieldOrder = ['gender', 'employmentStatus', 'birthDate', 'ageBand', 'education', 'disability', 'minority', 'thirdCountNational', 'foreignBackground', 'homeless', 'rural'];

type Values = Record<string, string | null | undefined>;

function Question({ name, legend, prefix, values, options, err }: { name: string; legend: string; prefix: string; values: Values; options: readonly string[]; err: (f: string) => string | undefined }) {
  const t = useT();
  const current = values[name] ?? '';
  return (
    <RadioGroup
      name={name}
      legend={legend}
      error={err(name)}
      options={[
        ...options.map((o) => ({ value: o, label: t(`${prefix}.${o}` as MessageKey), defaultChecked: current === o })),
        { value: '', label: t('programmes.start.leaveUnanswered'), defaultChecked: current === '' },
      ]}
    />
  );
}

export function StartFields({ values, err, asksSpecial }: { values: Values; err: (f: string) => string | undefined; asksSpecial: boolean }) {
  const t = useT();
  return (
    <>
      <Question name="gender" legend={t('programmes.start.gender')} prefix="programmes.gender" values={values} options={genders} err={err} />
      <Question name="employmentStatus" legend={t('programmes.start.employment')} prefix="programmes.employment" values={values} options={employmentStatuses} err={err} />
      <fieldset>
        <legend>{t('programmes.start.age')}</legend>
        <p className="hint">{t('programmes.start.ageHint')}</p>
        <Field id="birthDate" label={t('programmes.start.birthDate')} hint={t('programmes.form.dateHint')} error={err('birthDate')}>
          {(p) => <input {...p} type="text" inputMode="numeric" size={12} autoComplete="bday" defaultValue={values.birthDate ?? ''} />}
        </Field>
        <Question name="ageBand" legend={t('programmes.start.ageBandInstead')} prefix="programmes.age" values={values} options={ageBands} err={err} />
      </fieldset>
      <Question name="education" legend={t('programmes.start.education')} prefix="programmes.education" values={values} options={educationLevels} err={err} />
      {asksSpecial ? (
        <fieldset>
          <legend>{t('programmes.start.specialTitle')}</legend>
          <p className="hint">{t('programmes.start.specialHint')}</p>
          {specialItems.map((item) => (
            <Question key={item} name={item} legend={t(`programmes.special.${item}`)} prefix="programmes.answer" values={values} options={specialAnswers} err={err} />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

export function EndFields({ values, err }: { values: { endedOn: string; situations: readonly string[] }; err: (f: string) => string | undefined }) {
  const t = useT();
  return (
    <>
      <Field id="endedOn" label={t('programmes.end.endedOn')} hint={t('programmes.form.dateHint')} error={err('endedOn')}>
        {(p) => <input {...p} type="text" inputMode="numeric" size={12} autoComplete="off" defaultValue={values.endedOn} />}
      </Field>
      <fieldset>
        <legend>{t('programmes.end.situations')}</legend>
        <p className="hint">{t('programmes.end.situationsHint')}</p>
        {leavingSituations.map((s) => (
          <Choice key={s} id={`situation-${s}`} name="situations" value={s} defaultChecked={values.situations.includes(s)} label={t(`programmes.situation.${s}`)} />
        ))}
      </fieldset>
    </>
  );
}
