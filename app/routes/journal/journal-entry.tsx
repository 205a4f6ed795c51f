// /journal/:id: edit or delete one entry of the person's own journal. Anyone else's
// entry id answers 404, for administrators too.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/journal-entry';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { deleteJournalEntry } from '../../../src/features/journal/delete-entry.ts';
import { editJournalEntry } from '../../../src/features/journal/edit-entry.ts';
import { journalEntrySchema } from '../../../src/features/journal/journal.validation.ts';
import { readJournalEntry } from '../../../src/features/journal/read-entries.ts';

function entryIdFrom(value: string | undefined): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

/** Private text: kept out of every cache, the browser's included. */
export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const entryId = entryIdFrom(params.id);
  try {
    const entry = await readJournalEntry(actor, state.services, { entryId });
    return { entry: { id: entry.id, text: entry.text, createdAt: entry.createdAt.toISOString() } };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const entryId = entryIdFrom(params.id);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  try {
    if (form.intent === 'delete') {
      await deleteJournalEntry(actor, state.services, { entryId });
      return redirect('/journal?done=deleted');
    }
    const parsed = journalEntrySchema.safeParse(form);
    if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
    await editJournalEntry(actor, state.services, { entryId, text: parsed.data.text });
    return redirect('/journal?done=edited');
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function JournalEntryPage() {
  const t = useT();
  const format = useFormat();
  const { entry } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const textError = errors.text ? t(errors.text) : undefined;
  return (
    <div className="page">
      <title>{`${t('journal.edit.title')} – ${t('journal.title')} – Työpeili`}</title>
      <p>
        <a href="/journal">{t('journal.edit.back')}</a>
      </p>
      <h1>{t('journal.edit.title')}</h1>
      <p className="lead">{t('journal.entry.written', { date: format.date(entry.createdAt, 'datetime') })}</p>
      <ErrorSummary errors={errors} order={['form', 'text']} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="edit" />
        <Field id="text" label={t('journal.field.text')} hint={t('journal.field.textHint')} error={textError}>
          {(p) => <textarea {...p} rows={10} defaultValue={result?.values.text ?? entry.text} />}
        </Field>
        <p>
          <button type="submit" className="button">
            {t('journal.edit.save')}
          </button>
        </p>
      </Form>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t('journal.delete.title')}</h2>
        <p>{t('journal.delete.lead')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--danger">
            {t('journal.delete.button')}
          </button>
        </Form>
      </section>
    </div>
  );
}
