// /organization/stories/:storyId: one story for staff — edit the text (a change voids the
// person's consent and takes a published story off at once), see the consent history, and, for
// the coordinator, publish (only with a consent to the present text) or take off the site.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/manage-story';
import { requireActor } from '../../lib/state.server';
import { formFields, notice, uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { StoryFields } from '../../ui/stories';
import { formatDateTime, type MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { can, storyPolicy } from '../../../src/platform/policy/index.ts';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import { findStory, listConsents, storyResource, storyStatus, subjectNameOf } from '../../../src/features/stories/stories.queries.ts';
import { storyFormSchema } from '../../../src/features/stories/stories.validation.ts';
import { updateStory } from '../../../src/features/stories/write-story.ts';
import { publishStory, unpublishStory } from '../../../src/features/stories/publish-story.ts';
import { StoryNotConsentedError, StoryStateError } from '../../../src/features/stories/stories.errors.ts';
import { storyStatusKey } from './manage-stories';

async function load(context: Route.LoaderArgs['context'], request: Request, storyIdParam: string | undefined) {
  const { state, actor } = requireActor(context, request);
  const storyId = uuidParam(storyIdParam);
  const organizationId = actor.organizationId;
  const story = organizationId ? await findStory(state.services.db, { organizationId, storyId }) : null;
  // Another organisation's story, or one this person may not handle: not found.
  if (!story || !storyPolicy.manage(actor, storyResource(story))) throw data(null, { status: 404 });
  return { state, actor, story, organizationId: story.organizationId };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor, story, organizationId } = await load(context, request, params.storyId);
  const { db } = state.services;
  const consents = await listConsents(db, { organizationId, storyId: story.id });
  await recordStaffRead(db, actor, { organizationId, purpose: 'stories.manage', targetType: 'story', targetId: story.id, subjectUserIds: [story.subjectUserId] });
  const allowed = can(storyPolicy, actor, storyResource(story));
  return {
    notice: notice(new URL(request.url), ['created', 'saved', 'voided', 'published', 'unpublished'] as const),
    id: story.id,
    slug: story.slug,
    person: await subjectNameOf(db, story.subjectUserId),
    status: storyStatus(story, consents[0] ?? null),
    values: {
      titleFi: story.titleFi,
      titleSv: story.titleSv,
      titleEn: story.titleEn,
      bodyFi: story.bodyFi,
      bodySv: story.bodySv,
      bodyEn: story.bodyEn,
      displayName: story.displayName,
      sector: story.sector ?? '',
      municipality: story.municipality ?? '',
    },
    consents: consents.map((c) => ({ id: c.id, decision: c.decision, current: c.contentHash === story.contentHash, at: formatDateTime(state.locale, c.decidedAt) })),
    mayPublish: allowed.publish,
    published: story.publishedAt !== null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor, story, organizationId } = await load(context, request, params.storyId);
  const form = await formFields(request);
  const input = { organizationId, storyId: story.id };
  try {
    if (form.intent === 'save') {
      const parsed = storyFormSchema.safeParse(form);
      if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
      const { consentVoided } = await updateStory(actor, state.services, { ...input, ...parsed.data });
      return redirect(`/organization/stories/${story.id}?done=${consentVoided ? 'voided' : 'saved'}`);
    }
    if (form.intent === 'publish') {
      await publishStory(actor, state.services, input);
      return redirect(`/organization/stories/${story.id}?done=published`);
    }
    if (form.intent === 'unpublish') {
      await unpublishStory(actor, state.services, input);
      return redirect(`/organization/stories/${story.id}?done=unpublished`);
    }
    return data({ errors: { form: 'error.badRequest' } as FieldErrors, values: form }, { status: 400 });
  } catch (error) {
    if (error instanceof StoryNotConsentedError || error instanceof StoryStateError) return data({ errors: { form: error.messageKey } as FieldErrors, values: form }, { status: 409 });
    rethrowAsResponse(error);
  }
}

const noticeKey: Record<string, MessageKey> = {
  created: 'stories.manage.notice.created',
  saved: 'stories.manage.notice.saved',
  voided: 'stories.manage.notice.voided',
  published: 'stories.manage.notice.published',
  unpublished: 'stories.manage.notice.unpublished',
};
const decisionKey: Record<string, MessageKey> = {
  consented: 'stories.decision.consented',
  declined: 'stories.decision.declined',
  withdrawn: 'stories.decision.withdrawn',
};

export function meta() {
  return [];
}

export default function ManageStory() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors; values: Record<string, string> } | undefined;
  const errors = result?.errors ?? {};
  const err = (f: string) => (errors[f] ? t(errors[f]) : undefined);
  return (
    <div className="page">
      <title>{`${page.values.titleFi} – Työpeili`}</title>
      <p>
        <a href="/organization/stories">{t('stories.manage.back')}</a>
      </p>
      <h1>{page.values.titleFi}</h1>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKey[page.notice]!)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'titleFi', 'bodyFi', 'titleSv', 'bodySv', 'titleEn', 'bodyEn', 'displayName', 'sector', 'municipality']} />
      <p>
        {t('stories.manage.personIs', { name: page.person })} · <strong>{t(storyStatusKey[page.status]!)}</strong>
      </p>
      {page.published ? (
        <p>
          <a href={`/stories/${page.slug}`}>{t('stories.profile.view')}</a>
        </p>
      ) : null}
      {page.mayPublish ? (
        <Form method="post" className="button-row">
          {page.published ? (
            <button type="submit" name="intent" value="unpublish" className="button button--secondary">
              {t('stories.manage.unpublish')}
            </button>
          ) : (
            <button type="submit" name="intent" value="publish" className="button">
              {t('stories.manage.publish')}
            </button>
          )}
        </Form>
      ) : null}
      <section aria-labelledby="consents-title">
        <h2 id="consents-title">{t('stories.manage.consents')}</h2>
        {page.consents.length === 0 ? (
          <p>{t('stories.manage.noConsents')}</p>
        ) : (
          <ul>
            {page.consents.map((c) => (
              <li key={c.id}>
                {c.at}: {t(decisionKey[c.decision]!)}
                {c.current ? '' : ` (${t('stories.manage.olderText')})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2 id="edit-title">{t('stories.manage.editTitle')}</h2>
      <p className="hint">{t('stories.manage.editHint')}</p>
      <Form method="post" aria-labelledby="edit-title">
        <input type="hidden" name="intent" value="save" />
        <StoryFields values={result?.values ?? page.values} err={err} />
        <button type="submit" className="button">
          {t('stories.manage.save')}
        </button>
      </Form>
    </div>
  );
}
