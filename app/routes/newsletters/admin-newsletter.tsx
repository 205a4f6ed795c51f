// /organization/newsletters/:newsletterId: the preview (each language version rendered as sent,
// the recipient count now), a test send to the coordinator's own address, and the send with a
// confirm step (a box to tick). After sending: the counts of sent, failed and unsubscribed.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/admin-newsletter';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { loadManagedNewsletter } from '../../lib/newsletters.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { isLocale, type MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { can, newsletterPolicy } from '../../../src/platform/policy/index.ts';
import { countAudience } from '../../../src/features/newsletters/audience.ts';
import { deliveryCounts } from '../../../src/features/newsletters/newsletters.queries.ts';
import { newsletterHtml, versionFor } from '../../../src/features/newsletters/newsletter-mail.ts';
import { sendNewsletter, sendTestNewsletter } from '../../../src/features/newsletters/manage-newsletters.ts';

const notices = ['created', 'saved', 'tested'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const newsletter = await loadManagedNewsletter(state.services, actor, params.newsletterId, newsletterPolicy.manage);
  const counts = (await deliveryCounts(state.services.db, { organizationId: newsletter.organizationId, newsletterIds: [newsletter.id] })).get(newsletter.id) ?? {
    queued: 0,
    sent: 0,
    failed: 0,
    unsubscribed: 0,
  };
  return {
    done: notice(new URL(request.url), notices),
    id: newsletter.id,
    status: newsletter.status,
    audience: newsletter.audienceKind,
    email: actor.email,
    locale: state.locale,
    recipients: newsletter.status === 'draft' ? await countAudience(state.services.db, newsletter) : counts.sent + counts.failed + counts.queued,
    counts,
    can: can(newsletterPolicy, actor, newsletter),
    versions: (['fi', 'sv', 'en'] as const).map((l) => {
      const v = versionFor(newsletter, l);
      return { language: l, fallback: v.locale !== l, subject: v.subject, lang: v.locale, html: newsletterHtml(v.body) };
    }),
  };
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const newsletter = await loadManagedNewsletter(state.services, actor, params.newsletterId, newsletterPolicy.manage);
  const form = await formFields(request);
  try {
    if (form.intent === 'test') {
      const locale = isLocale(form.language) ? form.language : state.locale;
      await sendTestNewsletter(actor, state.services, { organizationId: newsletter.organizationId, newsletterId: newsletter.id, locale });
      return redirect(`/organization/newsletters/${newsletter.id}?done=tested`);
    }
    if (form.intent === 'send') {
      if (form.confirm !== 'on') return data<ActionResult>({ errors: { confirm: 'newsletters.preview.confirmRequired' } }, { status: 400 });
      await sendNewsletter(actor, state.services, { organizationId: newsletter.organizationId, newsletterId: newsletter.id });
      return redirect('/organization/newsletters?done=sending');
    }
  } catch (error) {
    rethrowAsResponse(error);
  }
  return data<ActionResult>({ errors: { form: 'error.badRequest' } }, { status: 400 });
}

const languageName = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;

export default function NewsletterPreview() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const fi = page.versions[0]!;
  return (
    <div className="page">
      <title>{`${t('newsletters.preview.title', { subject: fi.subject })} – Työpeili`}</title>
      <p>
        <a href="/organization/newsletters">{t('newsletters.admin.title')}</a>
      </p>
      <h1>{t('newsletters.preview.title', { subject: fi.subject })}</h1>
      {page.done && !result ? (
        <p className="notice" role="status">
          {t(`newsletters.done.${page.done}`)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'confirm']} />
      <p>
        {t('newsletters.preview.audience', { audience: t(`newsletters.audience.${page.audience}`) })} · {t(`newsletters.status.${page.status}`)}
      </p>
      <p>
        <strong>{t('newsletters.preview.recipients', { count: page.recipients })}</strong>
      </p>
      {page.status !== 'draft' ? <p>{t('newsletters.preview.counts', { ...page.counts })}</p> : null}
      {page.can.edit ? (
        <p>
          <a href={`/organization/newsletters/${page.id}/edit`}>{t('newsletters.preview.edit')}</a>
        </p>
      ) : null}
      {page.versions.map((v) => (
        <section key={v.language} aria-labelledby={`version-${v.language}`} className="stack">
          <h2 id={`version-${v.language}`}>{t('newsletters.preview.version', { language: languageName[v.language] })}</h2>
          {v.fallback ? <p className="hint">{t('newsletters.preview.fallback')}</p> : null}
          <div lang={v.lang} className="article-body">
            <p>
              <strong>{v.subject}</strong>
            </p>
            <div dangerouslySetInnerHTML={{ __html: v.html }} />
          </div>
        </section>
      ))}
      <section aria-labelledby="test-title">
        <h2 id="test-title">{t('newsletters.preview.testTitle')}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="test" />
          <p>{t('newsletters.preview.testHint', { email: page.email })}</p>
          <Field id="language" label={t('newsletters.preview.testLanguage')}>
            {(p) => (
              <select {...p} defaultValue={page.locale}>
                {(['fi', 'sv', 'en'] as const).map((l) => (
                  <option key={l} value={l} lang={l}>
                    {languageName[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p>
            <button type="submit" className="button secondary">
              {t('newsletters.preview.testSubmit')}
            </button>
          </p>
        </Form>
      </section>
      {page.can.send ? (
        <section aria-labelledby="send-title">
          <h2 id="send-title">{t('newsletters.preview.sendTitle')}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="send" />
            <div className="field">
              {errors.confirm ? (
                <p className="error-text" id="confirm-error">
                  {t(errors.confirm as MessageKey)}
                </p>
              ) : null}
              <Choice
                id="confirm"
                name="confirm"
                value="on"
                required
                aria-required="true"
                aria-invalid={errors.confirm ? true : undefined}
                aria-describedby={errors.confirm ? 'confirm-error' : undefined}
                label={t('newsletters.preview.confirm')}
              />
            </div>
            <p>
              <button type="submit" className="button">
                {t('newsletters.preview.sendSubmit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
