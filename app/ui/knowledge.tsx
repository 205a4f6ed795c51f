// Shared pieces of the knowledge bank's pages: theme names by language and the article form
// (a new article and every new version use the same fields).
import type { Locale, MessageKey } from '../../src/platform/i18n/i18n.ts';
import { useT } from '../lib/i18n';
import { Choice, Field, RadioGroup, useFieldError, type FieldErrors } from './form';

export function themeName(theme: { nameFi: string; nameSv: string; nameEn: string }, locale: Locale): string {
  return locale === 'sv' ? theme.nameSv : locale === 'en' ? theme.nameEn : theme.nameFi;
}

export const stateKey = {
  draft: 'knowledge.state.draft',
  review: 'knowledge.state.review',
  published: 'knowledge.state.published',
} as const satisfies Record<string, MessageKey>;

export const visibilityKey = {
  public: 'knowledge.visibility.public',
  signed_in: 'knowledge.visibility.signedIn',
  organization: 'knowledge.visibility.organization',
} as const satisfies Record<string, MessageKey>;

export const articleFieldOrder = ['title', 'summary', 'language', 'visibility', 'themes', 'body'];

export interface ArticleValues {
  title: string;
  summary: string;
  body: string;
  language: string;
  visibility: string;
  themes: string[];
}

export function ArticleFields({ values, errors, themes }: { values: ArticleValues; errors: FieldErrors; themes: { code: string; name: string }[] }) {
  const t = useT();
  const err = useFieldError(errors);
  return (
    <>
      <Field id="title" label={t('knowledge.form.title')} error={err('title')}>
        {(p) => <input {...p} type="text" required maxLength={200} defaultValue={values.title} />}
      </Field>
      <Field id="summary" label={t('knowledge.form.summary')} hint={t('knowledge.form.summaryHint')} error={err('summary')}>
        {(p) => <textarea {...p} rows={2} maxLength={400} defaultValue={values.summary} />}
      </Field>
      <RadioGroup
        name="language"
        legend={t('knowledge.form.language')}
        error={err('language')}
        options={(['fi', 'sv', 'en'] as const).map((l) => ({ value: l, label: t(`knowledge.language.${l}`), defaultChecked: values.language === l }))}
      />
      <RadioGroup
        name="visibility"
        legend={t('knowledge.form.visibility')}
        error={err('visibility')}
        options={(['public', 'signed_in', 'organization'] as const).map((v) => ({
          value: v,
          label: t(visibilityKey[v]),
          defaultChecked: values.visibility === v,
        }))}
      />
      <fieldset>
        <legend id="themes">{t('knowledge.form.themes')}</legend>
        {themes.map((x) => (
          <Choice key={x.code} id={`theme-${x.code}`} name="themes" value={x.code} label={x.name} defaultChecked={values.themes.includes(x.code)} />
        ))}
      </fieldset>
      <Field id="body" label={t('knowledge.form.body')} hint={t('knowledge.form.bodyHint')} error={err('body')}>
        {(p) => <textarea {...p} rows={18} required defaultValue={values.body} />}
      </Field>
    </>
  );
}

/** The article form's fields from a submitted form (themes repeat). */
export function articleFormValues(form: FormData): ArticleValues {
  const one = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  return {
    title: one('title'),
    summary: one('summary'),
    body: one('body'),
    language: one('language'),
    visibility: one('visibility'),
    themes: form.getAll('themes').filter((v): v is string => typeof v === 'string'),
  };
}

/**
 * What a writer sees after "Esikatsele": the unsaved text rendered as readers will get it. The
 * HTML comes from the action (renderArticleHtml on the server), so the renderer never ships to
 * the browser and the page works without JavaScript.
 */
export function ArticlePreview({ title, html }: { title: string; html: string }) {
  const t = useT();
  return (
    <section aria-labelledby="preview-title" className="preview" tabIndex={-1} id="preview">
      <h2 id="preview-title">{t('knowledge.preview.title')}</h2>
      <p className="hint">{t('knowledge.preview.hint')}</p>
      {title ? <h3>{title}</h3> : null}
      {html ? (
        /* Sanitised by renderArticleHtml: markdown-it without raw HTML, then an allowlist. */
        <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p>{t('knowledge.preview.empty')}</p>
      )}
    </section>
  );
}

/** The article form's two buttons: save (the default, first for Enter) and preview. */
export function ArticleFormButtons({ saveLabel }: { saveLabel: string }) {
  const t = useT();
  return (
    <div className="actions">
      <button type="submit" name="intent" value="save">
        {saveLabel}
      </button>
      <button type="submit" name="intent" value="preview" className="secondary">
        {t('knowledge.preview.button')}
      </button>
    </div>
  );
}
