// Advice pieces shared by the pages: the slot picker (radios grouped by day, phone first) and
// the facts of one session.
import { useFormat, useT } from '../lib/i18n';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import { Form } from 'react-router';
import { Choice, ErrorSummary, type FieldErrors } from './form';

export interface SlotView {
  key: string;
  advisorName: string;
  date: string;
  startsAt: string;
  endsAt: string;
  mode: 'remote' | 'on_site';
  place: string | null;
}

/** Radios named `slot`, one fieldset per day; the first radio's id is `slot` for the error summary's link. */
export function SlotPicker({ slots, error, legend }: { slots: readonly SlotView[]; error?: string; legend: string }) {
  const t = useT();
  const format = useFormat();
  const days = new Map<string, SlotView[]>();
  for (const s of slots) days.set(s.date, [...(days.get(s.date) ?? []), s]);
  let first = true;
  return (
    <fieldset className="field advice-slots" aria-describedby={error ? 'slot-error' : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="error-text" id="slot-error">
          {error}
        </p>
      ) : null}
      {[...days.entries()].map(([date, list]) => (
        <div key={date} className="advice-day">
          <p className="advice-day__title">
            <strong>{format.date(list[0]!.startsAt, 'date')}</strong>
          </p>
          {list.map((s) => {
            const id = first ? 'slot' : `slot-${s.key}`;
            first = false;
            return (
              <Choice
                key={s.key}
                type="radio"
                id={id}
                name="slot"
                value={s.key}
                label={
                  <>
                    {format.date(s.startsAt, 'time')}–{format.date(s.endsAt, 'time')} · {s.advisorName} ·{' '}
                    {s.mode === 'remote' ? t('advice.mode.remote') : (s.place ?? t('advice.mode.on_site'))}
                  </>
                }
              />
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}

export interface SessionFactsView {
  startsAt: string;
  endsAt: string;
  topicLabel: string;
  advisorName: string;
  mode: 'remote' | 'on_site';
  onlineUrl: string | null;
  place: string | null;
  status: string;
}

export function SessionFacts({ session }: { session: SessionFactsView }) {
  const t = useT();
  const format = useFormat();
  return (
    <dl className="facts">
      <dt>{t('advice.facts.when')}</dt>
      <dd>
        {format.date(session.startsAt, 'weekday')}–{format.date(session.endsAt, 'time')}
      </dd>
      <dt>{t('advice.facts.topic')}</dt>
      <dd>{session.topicLabel}</dd>
      <dt>{t('advice.facts.advisor')}</dt>
      <dd>{session.advisorName}</dd>
      <dt>{t('advice.facts.where')}</dt>
      <dd>
        {session.mode === 'remote' ? (
          session.onlineUrl ? (
            <a href={session.onlineUrl}>{t('advice.facts.joinOnline')}</a>
          ) : (
            t('advice.mode.remote')
          )
        ) : (
          session.place
        )}
      </dd>
      <dt>{t('advice.facts.status')}</dt>
      <dd>{t(`advice.status.${session.status}` as MessageKey)}</dd>
    </dl>
  );
}

/** The page that moves a booking to another free slot (a signed-in person's and a guest's by the mailed link). */
export function ReschedulePage({ topic, slots, errors, backHref }: { topic: string; slots: readonly SlotView[]; errors: FieldErrors; backHref: string }) {
  const t = useT();
  return (
    <div className="page">
      <title>{`${t('advice.reschedule.title')} – Työpeili`}</title>
      <h1>{t('advice.reschedule.title')}</h1>
      <p className="lead">{t('advice.reschedule.lead', { topic })}</p>
      <ErrorSummary errors={errors} order={['form', 'slot']} />
      {slots.length ? (
        <Form method="post" className="stack">
          <SlotPicker slots={slots} legend={t('advice.reschedule.slot')} error={errors.slot ? t(errors.slot) : undefined} />
          <p>
            <button type="submit" className="button">
              {t('advice.reschedule.submit')}
            </button>
          </p>
        </Form>
      ) : (
        <p className="notice">{t('advice.book.noSlots')}</p>
      )}
      <p>
        <a href={backHref}>{t('advice.reschedule.back')}</a>
      </p>
    </div>
  );
}
