// /profile/expert: the expert writes their own profile for the organisation's directory
// (topics, bio, languages, region, whether it is listed) and sets its photo.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/profile-expert';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { findExpert } from '../../../src/features/experts/experts.queries.ts';
import { expertLanguages } from '../../../src/features/experts/languages.ts';
import { profileFormSchema } from '../../../src/features/experts/experts.validation.ts';
import { saveExpertProfile } from '../../../src/features/experts/save-profile.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const expert = await findExpert(state.services.db, { organizationId: actor.organizationId, userId: actor.userId });
  if (!expert) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const p = expert.profile;
  return {
    done: notice(url, ['saved', 'photo', 'photoRemoved'] as const),
    photoError: notice(new URL(`http://x/?done=${url.searchParams.get('photo') ?? ''}`), ['required', 'tooLarge', 'notPicture'] as const),
    userId: expert.userId,
    values: {
      topics: (p?.topics ?? []).join(', '),
      bio: p?.bio ?? '',
      languages: p?.languages ?? [],
      region: p?.region ?? '',
      publicInDirectory: p?.publicInDirectory ?? true,
    },
    hasPhoto: Boolean(p?.photoStorageKey),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const form = await request.formData();
  const fields = {
    topics: String(form.get('topics') ?? ''),
    bio: String(form.get('bio') ?? ''),
    region: String(form.get('region') ?? ''),
    languages: form.getAll('languages').map(String),
    publicInDirectory: form.get('publicInDirectory') === null ? undefined : String(form.get('publicInDirectory')),
  };
  const parsed = profileFormSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  try {
    await saveExpertProfile(actor, state.services, { organizationId: actor.organizationId, profile: parsed.data });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect('/profile/expert?done=saved');
}

export default function ExpertProfileEdit() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors } | undefined;
  const errors = result?.errors ?? {};
  const v = page.values;
  return (
    <div className="page">
      <title>{`${t('experts.edit.title')} – Työpeili`}</title>
      <h1>{t('experts.edit.title')}</h1>
      <p className="lead">{t('experts.edit.lead')}</p>
      {page.done ? (
        <p role="status" className="notice">
          {t(`experts.edit.done.${page.done}` as MessageKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['topics', 'bio', 'languages', 'region']} />
      <Form method="post" className="stack" reloadDocument>
        <div className="field">
          <label htmlFor="topics">{t('experts.field.topics')}</label>
          <p className="hint" id="topics-hint">
            {t('experts.edit.topicsHint')}
          </p>
          <input id="topics" name="topics" type="text" defaultValue={v.topics} aria-describedby="topics-hint" maxLength={2000} />
        </div>
        <div className="field">
          <label htmlFor="bio">{t('experts.field.bio')}</label>
          <textarea id="bio" name="bio" rows={6} defaultValue={v.bio} maxLength={4000} />
        </div>
        <fieldset className="field">
          <legend>{t('experts.field.languages')}</legend>
          {expertLanguages.map((code) => (
            <Choice
              key={code}
              id={`lang-${code}`}
              name="languages"
              value={code}
              defaultChecked={v.languages.includes(code)}
              label={t(`experts.lang.${code}` as MessageKey)}
            />
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="region">{t('experts.field.region')}</label>
          <input id="region" name="region" type="text" defaultValue={v.region} maxLength={300} />
        </div>
        <Choice id="publicInDirectory" name="publicInDirectory" value="on" defaultChecked={v.publicInDirectory} label={t('experts.edit.public')} />
        <p>
          <button type="submit" className="button">
            {t('experts.edit.save')}
          </button>
        </p>
      </Form>

      <section aria-labelledby="photo-title" className="stack">
        <h2 id="photo-title">{t('experts.edit.photo')}</h2>
        {page.photoError ? (
          <p role="alert" className="error">
            {t(`experts.photo.${page.photoError}` as MessageKey)}
          </p>
        ) : null}
        {page.hasPhoto ? <img src={`/organization/experts/${page.userId}/photo`} alt={t('experts.profile.photoAlt')} width={160} /> : null}
        <form method="post" action="/profile/expert/photo" encType="multipart/form-data" className="stack">
          <div className="field">
            <label htmlFor="photo">{t('experts.edit.photoUpload')}</label>
            <p className="hint" id="photo-hint">
              {t('experts.edit.photoHint')}
            </p>
            <input id="photo" name="photo" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="photo-hint" />
          </div>
          <p>
            <button type="submit" className="button button--secondary">
              {t('experts.edit.photoSave')}
            </button>
          </p>
        </form>
        {page.hasPhoto ? (
          <form method="post" action="/profile/expert/photo">
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="button button--secondary">
              {t('experts.edit.photoRemove')}
            </button>
          </form>
        ) : null}
      </section>
    </div>
  );
}
