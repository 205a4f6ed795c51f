// /journal: the person's private journal — new entry first (phone-first), then the
// entries, newest first, and the export link. Only the author ever sees any of it.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/journal';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { journalEntrySchema } from '../../../src/features/journal/journal.validation.ts';
import { listJournalEntries } from '../../../src/features/journal/read-entries.ts';
import { writeJournalEntry } from '../../../src/features/journal/write-entry.ts';

const notices = ['saved', 'edited', 'deleted'] as const;
type Notice = (typeof notices)[number];
const noticeKeys: Record<Notice, MessageKey> = { saved: 'journal.notice.saved', edited: 'journal.notice.edited', deleted: 'journal.notice.deleted' };

/** Private text: kept out of every cache, the browser's included. */
export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const done = new URL(request.url).searchParams.get('done');
  const notice = (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null;
  try {
    const entries = await listJournalEntries(actor, state.services);
    return {
      notice,
      entries: entries.map((e) => ({ id: e.id, text: e.text, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString() })),
    };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const parsed = journalEntrySchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    await writeJournalEntry(actor, state.services, { text: parsed.data.text });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect('/journal?done=saved');
}

export default function Journal() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const textError = errors.text ? t(errors.text) : undefined;
  return (
    <div className="page">
      <title>{`${t('journal.title')} – Työpeili`}</title>
      <h1>{t('journal.title')}</h1>
      <p className="lead">{t('journal.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKeys[page.notice])}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'text']} />

      <section aria-labelledby="new-entry-title">
        <h2 id="new-entry-title">{t('journal.new.title')}</h2>
        <Form method="post" className="stack">
          <Field id="text" label={t('journal.field.text')} hint={t('journal.field.textHint')} error={textError}>
            {(p) => <textarea {...p} rows={8} defaultValue={result?.values.text ?? ''} />}
          </Field>
          <p>
            <button type="submit" className="button">
              {t('journal.save')}
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="entries-title">
        <h2 id="entries-title">{t('journal.list.title')}</h2>
        {page.entries.length === 0 ? (
          <p className="muted">{t('journal.list.empty')}</p>
        ) : (
          <ul className="plain-list stack">
            {page.entries.map((entry) => (
              <li key={entry.id} className="card">
                <h3 className="card-title">{t('journal.entry.written', { date: format.date(entry.createdAt, 'datetime') })}</h3>
                {entry.updatedAt !== entry.createdAt ? <p className="muted">{t('journal.entry.edited', { date: format.date(entry.updatedAt, 'datetime') })}</p> : null}
                <p className="journal-text">{entry.text}</p>
                <p>
                  <a href={`/journal/${entry.id}`}>{t('journal.entry.editLink', { date: format.date(entry.createdAt, 'datetime') })}</a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('journal.export.title')}</h2>
        <p>{t('journal.export.lead')}</p>
        <ul className="plain-list">
          <li>
            <a href="/journal/export?format=pdf" download>
              {t('journal.export.pdf')}
            </a>
          </li>
          <li>
            <a href="/journal/export?format=html" download>
              {t('journal.export.html')}
            </a>
          </li>
          <li>
            <a href="/journal/export" download>
              {t('journal.export.link')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
