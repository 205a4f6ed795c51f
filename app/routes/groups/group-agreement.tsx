// /groups/:groupId/agreement: a member reads the organisation's current group agreement,
// accepts it, and chooses whether the others see their company. Until then the group is closed.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/group-agreement';
import { requireActor } from '../../lib/state.server';
import { loadGroup } from '../../lib/group.server';
import { formFields } from '../../lib/params.server';
import { useLocale, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { groupPolicy } from '../../../src/platform/policy/index.ts';
import { findCurrentAgreement, findMembership } from '../../../src/features/groups/groups.queries.ts';
import { acceptAgreementSchema } from '../../../src/features/groups/groups.validation.ts';
import { acceptAgreement } from '../../../src/features/groups/agreement.ts';

const load = (services: Services, actor: Actor, groupIdParam: string | undefined) => loadGroup(services, actor, groupIdParam, groupPolicy.acceptAgreement);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const group = await load(state.services, actor, params.groupId);
  const { db } = state.services;
  const [agreement, membership] = await Promise.all([
    findCurrentAgreement(db, { organizationId: group.organizationId }),
    findMembership(db, { organizationId: group.organizationId, groupId: group.id, userId: actor.userId }),
  ]);
  return {
    userId: actor.userId,
    group: { id: group.id, name: group.name },
    agreement: agreement ? { version: agreement.version, fi: agreement.textFi, sv: agreement.textSv, en: agreement.textEn } : null,
    acceptedVersion: membership?.agreementVersion ?? null,
    previouslyAccepted: membership?.agreementVersion != null && membership.agreementVersion !== agreement?.version,
    showCompany: membership?.showCompany ?? false,
    hasPhoto: Boolean(membership?.photoPath),
    photoNotice: ((v) => (v === 'saved' || v === 'removed' ? v : null))(new URL(request.url).searchParams.get('photo')),
    photoError: ((v) => (v === 'photo_type' || v === 'photo_size' || v === 'photo_empty' ? v : null))(new URL(request.url).searchParams.get('photoError')),
  };
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const group = await load(state.services, actor, params.groupId);
  const form = await formFields(request);
  const parsed = acceptAgreementSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error) }, { status: 400 });
  try {
    await acceptAgreement(actor, state.services, {
      organizationId: group.organizationId,
      groupId: group.id,
      version: parsed.data.version,
      showCompany: parsed.data.showCompany,
    });
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) return data<ActionResult>({ errors: { form: error.messageKey } }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/groups/${group.id}?done=accepted`);
}

export default function GroupAgreementPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const a = page.agreement;
  const accepted = a !== null && page.acceptedVersion === a.version;
  return (
    <div className="page">
      <title>{`${t('groups.agreement.title')} – ${page.group.name} – Työpeili`}</title>
      <h1>{t('groups.agreement.title')}</h1>
      <p className="lead">{t('groups.agreement.lead', { group: page.group.name })}</p>
      {page.previouslyAccepted ? <p className="notice">{t('groups.agreement.newVersion')}</p> : null}
      <ErrorSummary errors={errors} order={['form', 'accept', 'version']} />
      {a ? (
        <>
          <section className="card" aria-labelledby="agreement-text">
            <h2 id="agreement-text">{t('groups.agreement.versionTitle', { version: a.version })}</h2>
            <div className="agreement-text">
              {a[locale]
                .split('\n')
                .filter((line) => line.trim() !== '')
                .map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
            </div>
          </section>
          <Form method="post" className="stack">
            <input type="hidden" name="version" value={a.version} />
            <fieldset>
              <legend>{t('groups.agreement.showTitle')}</legend>
              <p className="hint">{t('groups.agreement.showHint')}</p>
              <Choice id="showCompany" name="showCompany" defaultChecked={page.showCompany} label={t('groups.agreement.showCompany')} />
            </fieldset>
            <Choice
              id="accept"
              name="accept"
              defaultChecked={accepted}
              aria-invalid={errors.accept ? true : undefined}
              aria-describedby={errors.accept ? 'accept-error' : undefined}
              label={t('groups.agreement.accept')}
            />
            {errors.accept ? (
              <p className="error-text" id="accept-error">
                {t(errors.accept as MessageKey)}
              </p>
            ) : null}
            <p>
              <button type="submit" className="button">
                {accepted ? t('groups.agreement.save') : t('groups.agreement.submit')}
              </button>
            </p>
          </Form>
        </>
      ) : (
        <p>{t('groups.agreement.none')}</p>
      )}

      <section className="card" aria-labelledby="photo-title">
        <h2 id="photo-title">{t('groups.photo.title')}</h2>
        <p>{t('groups.photo.lead')}</p>
        {page.photoNotice ? (
          <p className="notice notice--success" role="status">
            {t(page.photoNotice === 'saved' ? 'groups.photo.saved' : 'groups.photo.removed')}
          </p>
        ) : null}
        {page.hasPhoto ? (
          <img
            className="member-photo member-photo--large"
            src={`/groups/${page.group.id}/photos/${page.userId}`}
            alt={t('groups.photo.yours')}
            width={96}
            height={96}
          />
        ) : null}
        <Form method="post" action={`/groups/${page.group.id}/photo`} encType="multipart/form-data" className="stack" reloadDocument>
          <div className="field">
            <label htmlFor="photo">{t('groups.photo.label')}</label>
            <p className="hint" id="photo-hint">
              {t('groups.photo.hint')}
            </p>
            {page.photoError ? (
              <p className="error-text" id="photo-error" role="alert">
                {t(
                  page.photoError === 'photo_type'
                    ? 'groups.photo.errorType'
                    : page.photoError === 'photo_size'
                      ? 'groups.photo.errorSize'
                      : 'groups.photo.errorEmpty',
                )}
              </p>
            ) : null}
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={page.photoError ? 'photo-hint photo-error' : 'photo-hint'}
              aria-invalid={page.photoError ? true : undefined}
            />
          </div>
          <p>
            <button type="submit" className="button button--secondary">
              {t('groups.photo.save')}
            </button>
          </p>
        </Form>
        {page.hasPhoto ? (
          <Form method="post" action={`/groups/${page.group.id}/photo`} reloadDocument>
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="link-button">
              {t('groups.photo.remove')}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
