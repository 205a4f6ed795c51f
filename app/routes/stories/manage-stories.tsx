// /organization/stories: the organisation's stories for staff (coordinators and facilitators),
// with where each stands, and the form for drafting a new one from an entrepreneur's words.
// The person is then asked for consent on their own page (/profile/stories).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/manage-stories';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { StoryFields } from '../../ui/stories';
import { formatDateTime, type MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { storyPolicy } from '../../../src/platform/policy/index.ts';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import { listMembers } from '../../../src/features/organizations/organizations.queries.ts';
import { listOrganizationStories } from '../../../src/features/stories/stories.queries.ts';
import { newStorySchema } from '../../../src/features/stories/stories.validation.ts';
import { createStory } from '../../../src/features/stories/write-story.ts';

function staffOrganization(actor: { organizationId: string | null } & Parameters<typeof storyPolicy.manage>[0]) {
  const organizationId = actor?.organizationId ?? null;
  if (!organizationId || !storyPolicy.manage(actor, { organizationId })) throw data(null, { status: 404 });
  return organizationId;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = staffOrganization(actor);
  const { db } = state.services;
  const rows = await listOrganizationStories(db, { organizationId });
  if (rows.length > 0)
    await recordStaffRead(db, actor, { organizationId, purpose: 'stories.manage', targetType: 'organization', targetId: organizationId, subjectUserIds: rows.map((r) => r.subjectUserId) });
  const people = (await listMembers(db, { organizationId })).filter((m) => m.role === 'entrepreneur');
  return {
    notice: notice(new URL(request.url), ['created'] as const),
    stories: rows.map((r) => ({ id: r.id, title: r.titleFi, person: r.subjectName, status: r.status, updated: formatDateTime(state.locale, r.updatedAt, 'date') })),
    people: people.map((p) => ({ id: p.userId, name: p.name })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = staffOrganization(actor);
  const form = await formFields(request);
  const parsed = newStorySchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    const story = await createStory(actor, state.services, { organizationId, ...parsed.data });
    return redirect(`/organization/stories/${story.id}?done=created`);
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export const storyStatusKey: Record<string, MessageKey> = {
  published: 'stories.status.published',
  consented: 'stories.status.consented',
  awaiting: 'stories.status.awaiting',
  declined: 'stories.status.declined',
  withdrawn: 'stories.status.withdrawn',
};

export function meta() {
  return [];
}

export default function ManageStories() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors; values: Record<string, string> } | undefined;
  const errors = result?.errors ?? {};
  const err = (f: string) => (errors[f] ? t(errors[f]) : undefined);
  return (
    <div className="page">
      <title>{`${t('stories.manage.title')} – Työpeili`}</title>
      <h1>{t('stories.manage.title')}</h1>
      <p className="lead">{t('stories.manage.lead')}</p>
      {page.stories.length === 0 ? (
        <p>{t('stories.manage.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="stories-caption" tabIndex={0}>
          <table>
            <caption id="stories-caption">{t('stories.manage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stories.form.titleFi')}</th>
                <th scope="col">{t('stories.manage.person')}</th>
                <th scope="col">{t('stories.manage.status')}</th>
                <th scope="col">{t('stories.manage.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {page.stories.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={`/organization/stories/${s.id}`}>{s.title}</a>
                  </td>
                  <td>{s.person}</td>
                  <td>{t(storyStatusKey[s.status]!)}</td>
                  <td>{s.updated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="new-title">{t('stories.manage.newTitle')}</h2>
      <p>{t('stories.manage.newLead')}</p>
      <ErrorSummary errors={errors} order={['form', 'subjectUserId', 'titleFi', 'bodyFi', 'titleSv', 'bodySv', 'titleEn', 'bodyEn', 'displayName', 'sector', 'municipality']} />
      <Form method="post" aria-labelledby="new-title">
        <div className="field">
          <label htmlFor="subjectUserId">{t('stories.manage.person')}</label>
          {err('subjectUserId') ? (
            <p className="error-text" id="subjectUserId-error">
              {err('subjectUserId')}
            </p>
          ) : null}
          <select id="subjectUserId" name="subjectUserId" defaultValue={result?.values.subjectUserId ?? ''} aria-invalid={err('subjectUserId') ? true : undefined} aria-describedby={err('subjectUserId') ? 'subjectUserId-error' : undefined}>
            <option value="">{t('stories.manage.choosePerson')}</option>
            {page.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <StoryFields values={result?.values ?? {}} err={err} />
        <button type="submit" className="button">
          {t('stories.manage.create')}
        </button>
      </Form>
    </div>
  );
}
