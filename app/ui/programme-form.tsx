// The programme's details, shared by creating and editing: name, funder, funding programme and its
// indicator set, project code, dates typed the Finnish way, the sole-trader rule, and whether the
// special-category items are asked.
import { useT } from '../lib/i18n';
import { Choice, Field, RadioGroup } from './form';

export const programmeFieldOrder = ['name', 'funder', 'fundingProgramme', 'indicatorSet', 'projectCode', 'startsOn', 'endsOn', 'soleTraderRule', 'asksSpecialCategories'];

export function ProgrammeFields({ values, err }: { values: Record<string, string>; err: (field: string) => string | undefined }) {
  const t = useT();
  const text = (id: string, label: string, hint?: string, extra: Record<string, unknown> = {}) => (
    <Field id={id} label={label} hint={hint} error={err(id)}>
      {(p) => <input {...p} type="text" defaultValue={values[id] ?? ''} autoComplete="off" {...extra} />}
    </Field>
  );
  return (
    <>
      {text('name', t('programmes.form.name'))}
      {text('funder', t('programmes.form.funder'), t('programmes.form.funderHint'))}
      {text('fundingProgramme', t('programmes.form.fundingProgramme'))}
      <RadioGroup
        name="indicatorSet"
        legend={t('programmes.form.indicatorSet')}
        error={err('indicatorSet')}
        options={(['esf2014', 'esf2021'] as const).map((set) => ({ value: set, label: t(`programmes.set.${set}`), defaultChecked: values.indicatorSet === set }))}
      />
      {text('projectCode', t('programmes.form.projectCode'), t('programmes.form.projectCodeHint'), { size: 12 })}
      <fieldset>
        <legend>{t('programmes.form.dates')}</legend>
        {text('startsOn', t('programmes.form.startsOn'), t('programmes.form.dateHint'), { inputMode: 'numeric', size: 12 })}
        {text('endsOn', t('programmes.form.endsOn'), t('programmes.form.dateHint'), { inputMode: 'numeric', size: 12 })}
      </fieldset>
      <RadioGroup
        name="soleTraderRule"
        legend={t('programmes.form.soleTraderRule')}
        error={err('soleTraderRule')}
        options={(['participant', 'company'] as const).map((rule) => ({ value: rule, label: t(`programmes.rule.${rule}`), defaultChecked: values.soleTraderRule === rule }))}
      />
      <div className="field">
        <Choice id="asksSpecialCategories" name="asksSpecialCategories" value="on" defaultChecked={values.asksSpecialCategories === 'on'} label={t('programmes.form.asksSpecial')} />
        <p className="hint">{t('programmes.form.asksSpecialHint')}</p>
      </div>
    </>
  );
}
