// /profile/stories: the stories staff have drafted from my words. I see the exact text and how I
// would be named, and consent or decline; the consent holds for that text only (any change asks
// again). I can withdraw at any time in one step: the story leaves the site at once.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/profile-stories';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { storyByline } from '../../ui/stories';
import { listMyStories, subjectNameOf, toPublicStory } from '../../../src/features/stories/stories.queries.ts';
import { decideOnStory, withdrawStoryConsent } from '../../../src/features/stories/story-consent.ts';
import { StoryStateError } from '../../../src/features/stories/stories.errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { ForbiddenError } from '../../../src/platform/errors.ts';

const decisionSchema = z.object({
  intent: z.enum(['consent', 'decline', 'withdraw']),
  storyId: z.uuid(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db } = state.services;
  const organizationId = actor.organizationId;
  const mine = organizationId ? await listMyStories(db, { organizationId, userId: actor.userId }) : [];
  const name = await subjectNameOf(db, actor.userId);
  return {
    notice: notice(new URL(request.url), ['consented', 'declined', 'withdrawn'] as const),
    stories: mine.map((s) => {
      const texts = (['fi', 'sv', 'en'] as const)
        .map((l) => toPublicStory(s, name, l))
        .filter((x, i) => i === 0 || x.language !== 'fi');
      return {
        id: s.id,
        slug: s.slug,
        status: s.status,
        contentHash: s.contentHash,
        texts: texts.map((x) => ({ language: x.language, title: x.title, body: x.body })),
        byline: texts[0]!.byline,
      };
    }),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  const parsed = decisionSchema.safeParse(await formFields(request));
  if (!organizationId || !parsed.success) return data({ errors: { form: 'error.badRequest' } as FieldErrors }, { status: 400 });
  const input = { organizationId, storyId: parsed.data.storyId };
  try {
    if (parsed.data.intent === 'withdraw') {
      await withdrawStoryConsent(actor, state.services, input);
      return redirect('/profile/stories?done=withdrawn');
    }
    const decision = parsed.data.intent === 'consent' ? 'consented' : 'declined';
    await decideOnStory(actor, state.services, { ...input, decision, contentHash: parsed.data.contentHash });
    return redirect(`/profile/stories?done=${decision}`);
  } catch (error) {
    if (error instanceof StoryStateError) return data({ errors: { form: 'stories.error.changed' } as FieldErrors }, { status: 409 });
    // Someone else's story: it does not exist for this person.
    if (error instanceof ForbiddenError) throw data(null, { status: 404 });
    rethrowAsResponse(error);
  }
}

const statusKey: Record<string, MessageKey> = {
  published: 'stories.status.published',
  consented: 'stories.status.consented',
  awaiting: 'stories.status.awaiting',
  declined: 'stories.status.declined',
  withdrawn: 'stories.status.withdrawn',
};
const noticeKey: Record<string, MessageKey> = {
  consented: 'stories.notice.consented',
  declined: 'stories.notice.declined',
  withdrawn: 'stories.notice.withdrawn',
};
const languageKey: Record<string, MessageKey> = { fi: 'stories.language.fi', sv: 'stories.language.sv', en: 'stories.language.en' };

export function meta() {
  return [];
}

export default function ProfileStories() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors } | undefined;
  return (
    <div className="page">
      <title>{`${t('stories.profile.title')} – Työpeili`}</title>
      <p>
        <a href="/profile">{t('stories.profile.back')}</a>
      </p>
      <h1>{t('stories.profile.title')}</h1>
      <p className="lead">{t('stories.profile.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKey[page.notice]!)}
        </p>
      ) : null}
      <ErrorSummary errors={result?.errors ?? {}} order={['form']} />
      {page.stories.length === 0 ? <p>{t('stories.profile.none')}</p> : null}
      {page.stories.map((s) => (
        <section key={s.id} aria-labelledby={`story-${s.id}`} className="card">
          <h2 id={`story-${s.id}`}>{s.texts[0]!.title}</h2>
          <p>
            <strong>{t('stories.profile.status', { status: t(statusKey[s.status]!) })}</strong>
          </p>
          {s.texts.map((x) => (
            <div key={x.language} lang={x.language}>
              {s.texts.length > 1 ? <h3>{t(languageKey[x.language]!)}</h3> : null}
              {s.texts.length > 1 ? <p><strong>{x.title}</strong></p> : null}
              <blockquote>
                {x.body.split(/\n{2,}/).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </blockquote>
            </div>
          ))}
          <p>{t('stories.profile.byline', { byline: storyByline(t, s.byline) })}</p>
          {s.status === 'published' ? (
            <p>
              <a href={`/stories/${s.slug}`}>{t('stories.profile.view')}</a>
            </p>
          ) : null}
          <Form method="post" className="button-row">
            <input type="hidden" name="storyId" value={s.id} />
            <input type="hidden" name="contentHash" value={s.contentHash} />
            {s.status === 'published' || s.status === 'consented' ? (
              <button type="submit" name="intent" value="withdraw" className="button button--secondary">
                {t('stories.profile.withdraw')}
              </button>
            ) : (
              <>
                <button type="submit" name="intent" value="consent" className="button">
                  {t('stories.profile.consent')}
                </button>
                {s.status !== 'declined' ? (
                  <button type="submit" name="intent" value="decline" className="button button--secondary">
                    {t('stories.profile.decline')}
                  </button>
                ) : null}
              </>
            )}
          </Form>
        </section>
      ))}
    </div>
  );
}
