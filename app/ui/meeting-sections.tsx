// The meeting page's larger parts (app/routes/meetings/meeting.tsx): the member's RSVP form, the
// facilitator's list of answers, the shared summary and the facilitators' private notes.
import { Form } from 'react-router';
import { useFormat, useT } from '../lib/i18n';
import { Choice, Field, RadioGroup, useFieldError, type FieldErrors } from './form';

type Result = { intent: string; errors: FieldErrors; values: Record<string, string> } | undefined;

export function RsvpSection({ myRsvp, errors }: { myRsvp: { response: string | null; reason: string | null } | null; errors: FieldErrors }) {
  const t = useT();
  const err = useFieldError(errors);
  return (
    <section className="card" aria-labelledby="rsvp-title">
      <h2 id="rsvp-title">{t('meetings.rsvp.title')}</h2>
      {myRsvp ? <p>{t(`meetings.rsvp.current.${myRsvp.response as 'coming'}`)}</p> : <p>{t('meetings.rsvp.none')}</p>}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="rsvp" />
        <RadioGroup
          name="response"
          legend={t('meetings.rsvp.question')}
          error={err('response')}
          options={[
            { value: 'coming', label: t('meetings.rsvp.coming'), defaultChecked: myRsvp?.response === 'coming' },
            { value: 'not_coming', label: t('meetings.rsvp.notComing'), defaultChecked: myRsvp?.response === 'not_coming' },
          ]}
        />
        <Field id="reason" label={t('meetings.rsvp.reason')} hint={t('meetings.rsvp.reasonHint')} error={err('reason')}>
          {(p) => <input {...p} type="text" maxLength={300} defaultValue={myRsvp?.reason ?? ''} />}
        </Field>
        <p>
          <button type="submit" className="button">
            {t('meetings.rsvp.submit')}
          </button>
        </p>
      </Form>
    </section>
  );
}

export function RsvpList({ rsvps }: { rsvps: readonly { userId: string; name: string; response: string | null; reason: string | null }[] }) {
  const t = useT();
  return (
    <section aria-labelledby="rsvps-title">
      <h2 id="rsvps-title">{t('meetings.rsvp.listTitle')}</h2>
      <p>
        {t('meetings.rsvp.counts', {
          coming: rsvps.filter((r) => r.response === 'coming').length,
          notComing: rsvps.filter((r) => r.response === 'not_coming').length,
          unknown: rsvps.filter((r) => r.response === null).length,
        })}
      </p>
      <ul className="plain-list">
        {rsvps.map((r) => (
          <li key={r.userId}>
            {r.name}: {r.response ? t(`meetings.rsvp.status.${r.response as 'coming'}`) : t('meetings.rsvp.status.none')}
            {r.reason ? ` (${r.reason})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SummaryForm({ summary, published, result, errors }: { summary: string | null; published: boolean; result: Result; errors: FieldErrors }) {
  const t = useT();
  const err = useFieldError(errors);
  return (
    <section className="card" aria-labelledby="summary-form-title">
      <h2 id="summary-form-title">{t('meetings.summary.title')}</h2>
      <p className="hint">{published ? t('meetings.summary.published') : t('meetings.summary.notPublished')}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="summary" />
        <Field id="summary" label={t('meetings.summary.label')} hint={t('meetings.summary.hint')} error={err('summary')}>
          {(p) => <textarea {...p} rows={5} defaultValue={result?.intent === 'summary' ? result.values.summary : (summary ?? '')} />}
        </Field>
        <Choice id="publish" name="publish" defaultChecked={published} label={t('meetings.summary.publish')} />
        <p>
          <button type="submit" className="button button--secondary">
            {t('meetings.summary.save')}
          </button>
        </p>
      </Form>
    </section>
  );
}

export function NotesSection({
  notes,
  result,
  errors,
}: {
  notes: readonly { id: string; author: string; createdAt: string | Date; text: string }[];
  result: Result;
  errors: FieldErrors;
}) {
  const t = useT();
  const format = useFormat();
  const err = useFieldError(errors);
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('meetings.notes.title')}</h2>
      <p className="hint">{t('meetings.notes.private')}</p>
      {notes.length ? (
        <ul className="plain-list">
          {notes.map((n) => (
            <li key={n.id}>
              <span className="muted">
                {n.author}, {format.date(n.createdAt, 'datetime')}:
              </span>{' '}
              {n.text}
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="note" />
        <Field id="text" label={t('meetings.notes.label')} error={err('text')}>
          {(p) => <textarea {...p} rows={3} defaultValue={result?.intent === 'note' ? result.values.text : ''} />}
        </Field>
        <p>
          <button type="submit" className="button button--secondary">
            {t('meetings.notes.add')}
          </button>
        </p>
      </Form>
    </section>
  );
}
