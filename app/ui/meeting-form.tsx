// The meeting's details, shared by planning and editing a meeting: time in Helsinki
// time, theme, and the format with its own details (venue, online link, walking route).
import { useT } from '../lib/i18n';
import { Field } from './form';
import { meetingFormats } from '../../src/features/meetings/meetings.validation.ts';

export const meetingFieldOrder = ['date', 'startTime', 'endTime', 'repeat', 'count', 'theme', 'format', 'venueAddress', 'venueRoom', 'venueAccessibility', 'refreshments', 'onlineUrl', 'meetingPoint', 'route', 'lengthKm', 'whatToWear'];

export function MeetingFields({ values, err }: { values: Record<string, string>; err: (field: string) => string | undefined }) {
  const t = useT();
  const text = (id: string, label: string, hint?: string, type = 'text', extra: Record<string, unknown> = {}) => (
    <Field id={id} label={label} hint={hint} error={err(id)}>
      {(p) => <input {...p} type={type} defaultValue={values[id] ?? ''} autoComplete="off" {...extra} />}
    </Field>
  );
  return (
    <>
      <fieldset>
        <legend>{t('meetings.form.when')}</legend>
        <p className="hint">{t('meetings.form.whenHint')}</p>
        {text('date', t('meetings.field.date'), t('meetings.field.dateHint'), 'text', { inputMode: 'numeric', autoComplete: 'off', size: 12 })}
        {text('startTime', t('meetings.field.startTime'), t('everyday.form.timeHint'), 'text', { inputMode: 'decimal', size: 6 })}
        {text('endTime', t('meetings.field.endTime'), t('everyday.form.timeHint'), 'text', { inputMode: 'decimal', size: 6 })}
      </fieldset>
      {text('theme', t('meetings.field.theme'), t('meetings.field.themeHint'))}
      <Field id="format" label={t('meetings.field.format')} error={err('format')}>
        {(p) => (
          <select {...p} defaultValue={values.format ?? 'in_person'}>
            {meetingFormats.map((f) => (
              <option key={f} value={f}>
                {t(`meetings.format.${f}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('meetings.form.venue')}</legend>
        {text('venueAddress', t('meetings.field.venueAddress'))}
        {text('venueRoom', t('meetings.field.venueRoom'))}
        {text('venueAccessibility', t('meetings.field.venueAccessibility'), t('meetings.field.venueAccessibilityHint'))}
        {text('refreshments', t('meetings.field.refreshments'))}
      </fieldset>
      <fieldset>
        <legend>{t('meetings.form.online')}</legend>
        {text('onlineUrl', t('meetings.field.onlineUrl'), t('meetings.field.onlineUrlHint'), 'url')}
      </fieldset>
      <fieldset>
        <legend>{t('meetings.form.walking')}</legend>
        {text('meetingPoint', t('meetings.field.meetingPoint'))}
        {text('route', t('meetings.field.route'))}
        {text('lengthKm', t('meetings.field.lengthKm'), undefined, 'text', { inputMode: 'decimal' })}
        {text('whatToWear', t('meetings.field.whatToWear'))}
      </fieldset>
    </>
  );
}
