// The byline of a public story: the name only as the person chose it, the sector and municipality.
import { useT } from '../lib/i18n';
import type { PublicStory } from '../../src/features/stories/stories.queries.ts';
import { Choice } from './form';

export function storyByline(t: ReturnType<typeof useT>, b: PublicStory['byline']): string {
  const who = b.displayName === 'anonymous' || !b.name ? t('stories.anonymous') : b.name;
  return [who, b.sector, b.municipality].filter(Boolean).join(', ');
}

export function StoryList({
  stories,
  labelledBy,
  headingLevel = 2,
}: {
  stories: (Omit<PublicStory, 'publishedAt' | 'updatedAt' | 'body'> & { excerpt: string })[];
  labelledBy: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="stack" aria-labelledby={labelledBy}>
      {stories.map((s) => (
        <li key={s.slug} lang={s.language}>
          <H>
            <a href={`/stories/${s.slug}`}>{s.title}</a>
          </H>
          <blockquote>
            <p>{s.excerpt}</p>
          </blockquote>
          <p className="hint">{storyByline(t, s.byline)}</p>
        </li>
      ))}
    </ul>
  );
}

/** A short excerpt for lists and descriptions: whole words up to about `max` characters. */
export function excerptOf(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

type FieldFn = (field: string) => string | undefined;

/** The staff's story fields: title and text per language, the name choice and the details. */
export function StoryFields({ values, err }: { values: Record<string, string>; err: FieldFn }) {
  const t = useT();
  const text = (name: string, label: string, long = false, lang?: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {err(name) ? (
        <p className="error-text" id={`${name}-error`}>
          {err(name)}
        </p>
      ) : null}
      {long ? (
        <textarea
          id={name}
          name={name}
          rows={6}
          lang={lang}
          defaultValue={values[name] ?? ''}
          aria-invalid={err(name) ? true : undefined}
          aria-describedby={err(name) ? `${name}-error` : undefined}
        />
      ) : (
        <input
          id={name}
          name={name}
          lang={lang}
          defaultValue={values[name] ?? ''}
          aria-invalid={err(name) ? true : undefined}
          aria-describedby={err(name) ? `${name}-error` : undefined}
        />
      )}
    </div>
  );
  const display = values.displayName ?? 'first';
  return (
    <>
      {text('titleFi', t('stories.form.titleFi'), false, 'fi')}
      {text('bodyFi', t('stories.form.bodyFi'), true, 'fi')}
      {text('titleSv', t('stories.form.titleSv'), false, 'sv')}
      {text('bodySv', t('stories.form.bodySv'), true, 'sv')}
      {text('titleEn', t('stories.form.titleEn'), false, 'en')}
      {text('bodyEn', t('stories.form.bodyEn'), true, 'en')}
      <fieldset>
        <legend>{t('stories.form.displayName')}</legend>
        {(['full', 'first', 'anonymous'] as const).map((v, i) => (
          <Choice
            type="radio"
            key={v}
            id={i === 0 ? 'displayName' : `displayName-${v}`}
            name="displayName"
            value={v}
            defaultChecked={display === v}
            label={t(`stories.form.displayName.${v}`)}
          />
        ))}
      </fieldset>
      {text('sector', t('stories.form.sector'))}
      {text('municipality', t('stories.form.municipality'))}
    </>
  );
}
