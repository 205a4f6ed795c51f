// /knowledge/:slug/edit: the newest version in the form (saving makes a new version; a save
// based on an older one is refused, not overwritten), the way to the site (ask for review,
// publish, send back with a note, take off the site) and the article's pictures and files.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/article-edit';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { notice } from '../../lib/params.server';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import {
  articleFieldOrder,
  ArticleFields,
  ArticleFormButtons,
  articleFormValues,
  ArticlePreview,
  stateKey,
  themeName,
  type ArticleValues,
} from '../../ui/knowledge';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { articlePolicy, can } from '../../../src/platform/policy/index.ts';
import type { Db } from '../../../src/platform/db/db.ts';
import { articleResource, findArticleBySlug, findVersion, listFiles, listThemes } from '../../../src/features/knowledge/knowledge.queries.ts';
import { articleSchema, reviewNoteSchema } from '../../../src/features/knowledge/knowledge.validation.ts';
import { saveArticleVersion } from '../../../src/features/knowledge/write-article.ts';
import { publishArticle, returnToAuthor, submitForReview, unpublishArticle } from '../../../src/features/knowledge/article-workflow.ts';
import { isPicture } from '../../../src/features/knowledge/article-files.ts';
import { renderArticleHtml } from '../../../src/features/knowledge/markdown.ts';

const notices = ['created', 'saved', 'submitted', 'published', 'returned', 'unpublished', 'uploaded'] as const;

async function workArticle(db: Db, actor: Actor, slug: string | undefined) {
  const article = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug ?? '') ? await findArticleBySlug(db, slug!) : null;
  // Someone who may not work on it cannot tell a draft exists.
  if (!article || !can(articlePolicy, actor, articleResource(article)).readWork) throw data(null, { status: 404 });
  return article;
}

async function pageData(db: Db, actor: Actor, locale: Parameters<typeof themeName>[1], slug: string | undefined) {
  const article = await workArticle(db, actor, slug);
  const [version, files, themes] = await Promise.all([findVersion(db, article, article.latestVersion), listFiles(db, article), listThemes(db)]);
  if (!version) throw data(null, { status: 404 });
  return {
    article: {
      id: article.id,
      slug: article.slug,
      state: article.state,
      live: article.publishedVersion !== null,
      latestVersion: article.latestVersion,
      reviewNote: article.reviewNote,
    },
    can: can(articlePolicy, actor, articleResource(article)),
    values: {
      title: version.title,
      summary: version.summary,
      body: version.body,
      language: article.language,
      visibility: article.visibility,
      themes: version.themes,
    } satisfies ArticleValues,
    files: files.map((f) => ({ id: f.id, name: f.fileName, picture: isPicture(f.mediaType) })),
    themes: themes.map((x) => ({ code: x.code, name: themeName(x, locale) })),
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const url = new URL(request.url);
  const file = url.searchParams.get('file');
  const fileError = file === 'required' || file === 'tooLarge' || file === 'typeNotAllowed' ? (`knowledge.file.${file}` as const) : null;
  return { notice: notice(url, notices), fileError, ...(await pageData(state.services.db, actor, state.locale, params.slug)) };
}

type PageData = Awaited<ReturnType<typeof pageData>>;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { services } = state;
  const article = await workArticle(services.db, actor, params.slug);
  const form = await request.formData();
  const intent = form.get('intent');
  const target = { organizationId: article.organizationId, articleId: article.id };
  const back = (done: (typeof notices)[number]) => redirect(`/knowledge/${article.slug}/edit?done=${done}`);
  const fail = async (errors: FieldErrors, values?: ArticleValues, status = 400) => {
    const page = await pageData(services.db, actor, state.locale, params.slug);
    return data({ ...page, values: values ?? page.values, errors }, { status });
  };
  try {
    if (intent === 'preview') {
      // Nothing is saved: the unsaved text comes back rendered, the form keeps it.
      const values = articleFormValues(form);
      const page = await pageData(services.db, actor, state.locale, params.slug);
      return data({ ...page, values, errors: {}, preview: { title: values.title.trim(), html: renderArticleHtml(values.body) } });
    }
    if (intent === 'save') {
      const values = articleFormValues(form);
      const parsed = articleSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error), values);
      const basedOn = Number(form.get('basedOn'));
      await saveArticleVersion(actor, services, { ...parsed.data, ...target, basedOn: Number.isInteger(basedOn) ? basedOn : -1 });
      return back('saved');
    }
    if (intent === 'submit') {
      await submitForReview(actor, services, target);
      return back('submitted');
    }
    if (intent === 'publish') {
      await publishArticle(actor, services, target);
      return back('published');
    }
    if (intent === 'return') {
      const parsed = reviewNoteSchema.safeParse({ note: form.get('note') ?? '' });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await returnToAuthor(actor, services, { ...target, note: parsed.data.note });
      return back('returned');
    }
    if (intent === 'unpublish') {
      await unpublishArticle(actor, services, target);
      return back('unpublished');
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) {
      const values = intent === 'save' ? articleFormValues(form) : undefined;
      return fail({ form: error.messageKey }, values, 409);
    }
    rethrowAsResponse(error);
  }
}

const noticeKey: Record<(typeof notices)[number], MessageKey> = {
  created: 'knowledge.notice.created',
  saved: 'knowledge.notice.saved',
  submitted: 'knowledge.notice.submitted',
  published: 'knowledge.notice.published',
  returned: 'knowledge.notice.returned',
  unpublished: 'knowledge.notice.unpublished',
  uploaded: 'knowledge.notice.uploaded',
};

/** The page's own <title> (and on public pages description and Open Graph) replace the root's. */
export function meta() {
  return [];
}

export default function ArticleEdit() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (PageData & { errors: FieldErrors; preview?: { title: string; html: string } }) | undefined;
  const page: PageData = result ?? loaded;
  const errors = result?.errors ?? {};
  const { article } = page;
  return (
    <div className="page">
      <title>{`${t('knowledge.edit.title')} – Työpeili`}</title>
      <p>
        <a href="/knowledge/manage">{t('knowledge.manage.back')}</a> · <a href={`/knowledge/${article.slug}`}>{t('knowledge.edit.view')}</a> ·{' '}
        <a href={`/knowledge/${article.slug}/history`}>{t('knowledge.article.history')}</a>
      </p>
      <h1>{t('knowledge.edit.title')}</h1>
      {loaded.notice && !result ? (
        <p className="notice" role="status">
          {t(noticeKey[loaded.notice])}
        </p>
      ) : null}
      <p>
        {t('knowledge.article.state', { state: t(stateKey[article.state]) })} {article.live ? t('knowledge.edit.liveHint') : t('knowledge.article.notLive')}
      </p>
      {article.reviewNote ? <p className="notice">{t('knowledge.article.reviewNote', { note: article.reviewNote })}</p> : null}
      <ErrorSummary errors={errors} order={['form', ...articleFieldOrder, 'note']} />

      <section aria-labelledby="workflow-title">
        <h2 id="workflow-title">{t('knowledge.workflow.title')}</h2>
        <div className="actions">
          {page.can.submitForReview && article.state === 'draft' && !page.can.publish ? (
            <Form method="post">
              <input type="hidden" name="intent" value="submit" />
              <button type="submit">{t('knowledge.workflow.submit')}</button>
            </Form>
          ) : null}
          {page.can.publish && article.state !== 'published' ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit">{t('knowledge.workflow.publish', { version: article.latestVersion })}</button>
            </Form>
          ) : null}
          {page.can.unpublish && article.live ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unpublish" />
              <button type="submit" className="secondary">
                {t('knowledge.workflow.unpublish')}
              </button>
            </Form>
          ) : null}
        </div>
        {page.can.returnToAuthor && article.state === 'review' ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="return" />
            <Field id="note" label={t('knowledge.workflow.note')} error={errors.note ? t(errors.note) : undefined}>
              {(p) => <textarea {...p} rows={3} maxLength={1000} />}
            </Field>
            <button type="submit" className="secondary">
              {t('knowledge.workflow.return')}
            </button>
          </Form>
        ) : null}
      </section>

      {result?.preview ? <ArticlePreview {...result.preview} /> : null}

      <section aria-labelledby="version-title">
        <h2 id="version-title">{t('knowledge.edit.versionTitle', { version: article.latestVersion + 1 })}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="basedOn" value={article.latestVersion} />
          <ArticleFields values={page.values} errors={errors} themes={page.themes} />
          <ArticleFormButtons saveLabel={t('knowledge.edit.save')} />
        </Form>
      </section>

      <section aria-labelledby="files-title">
        <h2 id="files-title">{t('knowledge.files.title')}</h2>
        <p>{t('knowledge.files.hint')}</p>
        {loaded.fileError && !result ? (
          <p className="error-text" role="alert">
            {t(loaded.fileError)}
          </p>
        ) : null}
        {page.files.length > 0 ? (
          <ul>
            {page.files.map((f) => (
              <li key={f.id}>
                <a href={`/knowledge/files/${f.id}`}>{f.name}</a>
                {f.picture ? (
                  <>
                    {' '}
                    — {t('knowledge.files.pictureMarkdown')} <code>{`![${f.name}](/knowledge/files/${f.id})`}</code>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <form method="post" action={`/knowledge/${article.slug}/files`} encType="multipart/form-data" className="stack">
          <div className="field">
            <label htmlFor="file">{t('knowledge.files.choose')}</label>
            <input id="file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp" />
          </div>
          <button type="submit" className="secondary">
            {t('knowledge.files.upload')}
          </button>
        </form>
      </section>
    </div>
  );
}
