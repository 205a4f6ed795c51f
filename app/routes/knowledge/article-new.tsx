// /knowledge/new: a writer (coordinator, facilitator, expert) starts an article in their
// organisation; it is saved as a draft, version 1.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/article-new';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { articleFieldOrder, ArticleFields, ArticleFormButtons, articleFormValues, ArticlePreview, themeName, type ArticleValues } from '../../ui/knowledge';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import { articlePolicy, authorize } from '../../../src/platform/policy/index.ts';
import { listThemes } from '../../../src/features/knowledge/knowledge.queries.ts';
import { articleSchema } from '../../../src/features/knowledge/knowledge.validation.ts';
import { createArticle } from '../../../src/features/knowledge/write-article.ts';
import { renderArticleHtml } from '../../../src/features/knowledge/markdown.ts';

function organizationOf(actor: Actor): string {
  if (!actor.organizationId) throw data(null, { status: 403 });
  try {
    authorize(actor, { organizationId: actor.organizationId }, articlePolicy.create);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return actor.organizationId;
}

async function themesFor(state: RequestState) {
  return (await listThemes(state.services.db)).map((x) => ({ code: x.code, name: themeName(x, state.locale) }));
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  organizationOf(actor);
  return { themes: await themesFor(state), locale: state.locale };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor);
  const form = await request.formData();
  const values = articleFormValues(form);
  if (form.get('intent') === 'preview') {
    // Nothing is saved: the unsaved text comes back rendered, the form keeps it.
    return data({
      errors: {} as FieldErrors,
      values,
      themes: await themesFor(state),
      preview: { title: values.title.trim(), html: renderArticleHtml(values.body) },
    });
  }
  const parsed = articleSchema.safeParse(values);
  if (!parsed.success)
    return data({ errors: fieldErrors(parsed.error) as FieldErrors, values, themes: await themesFor(state), preview: null }, { status: 400 });
  try {
    const article = await createArticle(actor, state.services, { ...parsed.data, organizationId });
    return redirect(`/knowledge/${article.slug}/edit?done=created`);
  } catch (error) {
    rethrowAsResponse(error);
  }
}

/** The page's own <title> (and on public pages description and Open Graph) replace the root's. */
export function meta() {
  return [];
}

export default function ArticleNew() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values: ArticleValues = result?.values ?? { title: '', summary: '', body: '', language: loaded.locale, visibility: 'public', themes: [] };
  return (
    <div className="page">
      <title>{`${t('knowledge.new.title')} – Työpeili`}</title>
      <p>
        <a href="/knowledge/manage">{t('knowledge.manage.back')}</a>
      </p>
      <h1>{t('knowledge.new.title')}</h1>
      <p className="lead">{t('knowledge.new.lead')}</p>
      <ErrorSummary errors={errors} order={articleFieldOrder} />
      {result?.preview ? <ArticlePreview {...result.preview} /> : null}
      <Form method="post" className="stack" noValidate>
        <ArticleFields values={values} errors={errors} themes={result?.themes ?? loaded.themes} />
        <ArticleFormButtons saveLabel={t('knowledge.new.submit')} />
      </Form>
    </div>
  );
}
