// The event's details, shared by creating and changing an event: title and description, the
// time in Helsinki time typed the Finnish way, a venue or an online link, seats, the
// registration deadline, speakers and the tour.
import { useT } from '../lib/i18n';
import { Field } from './form';

export const eventFieldOrder = ['form', 'title', 'description', 'date', 'startTime', 'endTime', 'venue', 'onlineUrl', 'capacity', 'deadlineDate', 'deadlineTime', 'speakers', 'tourId'];

export function EventFields({
  values,
  err,
  tours,
}: {
  values: Record<string, string>;
  err: (field: string) => string | undefined;
  tours: readonly { id: string; name: string }[];
}) {
  const t = useT();
  const text = (id: string, label: string, hint?: string, extra: Record<string, unknown> = {}) => (
    <Field id={id} label={label} hint={hint} error={err(id)}>
      {(p) => <input {...p} type="text" defaultValue={values[id] ?? ''} autoComplete="off" {...extra} />}
    </Field>
  );
  const area = (id: string, label: string, hint?: string) => (
    <Field id={id} label={label} hint={hint} error={err(id)}>
      {(p) => <textarea {...p} rows={4} defaultValue={values[id] ?? ''} />}
    </Field>
  );
  return (
    <>
      {text('title', t('events.form.title'))}
      {area('description', t('events.form.description'))}
      <fieldset>
        <legend>{t('events.form.when')}</legend>
        <p className="hint">{t('events.form.whenHint')}</p>
        {text('date', t('events.form.date'), t('events.form.dateHint'), { inputMode: 'numeric', size: 12 })}
        {text('startTime', t('events.form.startTime'), t('events.form.timeHint'), { inputMode: 'decimal', size: 6 })}
        {text('endTime', t('events.form.endTime'), t('events.form.timeHint'), { inputMode: 'decimal', size: 6 })}
      </fieldset>
      <fieldset>
        <legend>{t('events.form.place')}</legend>
        <p className="hint">{t('events.form.placeHint')}</p>
        {text('venue', t('events.form.venue'))}
        <Field id="onlineUrl" label={t('events.form.onlineUrl')} hint={t('events.form.onlineUrlHint')} error={err('onlineUrl')}>
          {(p) => <input {...p} type="url" defaultValue={values.onlineUrl ?? ''} autoComplete="off" />}
        </Field>
      </fieldset>
      {text('capacity', t('events.form.capacity'), t('events.form.capacityHint'), { inputMode: 'numeric', size: 6 })}
      <fieldset>
        <legend>{t('events.form.deadline')}</legend>
        {text('deadlineDate', t('events.form.deadlineDate'), t('events.form.dateHint'), { inputMode: 'numeric', size: 12 })}
        {text('deadlineTime', t('events.form.deadlineTime'), t('events.form.deadlineTimeHint'), { inputMode: 'decimal', size: 6 })}
      </fieldset>
      {area('speakers', t('events.form.speakers'), t('events.form.speakersHint'))}
      <Field id="tourId" label={t('events.form.tour')} error={err('tourId')}>
        {(p) => (
          <select {...p} defaultValue={values.tourId ?? ''}>
            <option value="">{t('events.form.noTour')}</option>
            {tours.map((tour) => (
              <option key={tour.id} value={tour.id}>
                {tour.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
