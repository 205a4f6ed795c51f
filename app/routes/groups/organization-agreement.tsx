// /organization/agreement: the coordinator publishes a new version of the group agreement
// (in Finnish, Swedish and English). Members accept the new version before they see their group again.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/organization-agreement';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, groupPolicy } from '../../../src/platform/policy/index.ts';
import { findCurrentAgreement, listAgreementVersions } from '../../../src/features/groups/groups.queries.ts';
import { agreementSchema } from '../../../src/features/groups/groups.validation.ts';
import { publishAgreement } from '../../../src/features/groups/agreement.ts';

function scope(organizationId: string | null) {
  if (!organizationId) throw data(null, { status: 404 });
  return { organizationId, facilitatorUserIds: [], memberUserIds: [] };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const s = scope(actor.organizationId);
  try {
    authorize(actor, s, groupPolicy.editAgreement);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const [current, versions] = await Promise.all([findCurrentAgreement(state.services.db, s), listAgreementVersions(state.services.db, s)]);
  return {
    notice: notice(new URL(request.url), ['published'] as const),
    values: { textFi: current?.textFi ?? '', textSv: current?.textSv ?? '', textEn: current?.textEn ?? '' },
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const s = scope(actor.organizationId);
  const form = await formFields(request);
  const parsed = agreementSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    await publishAgreement(actor, state.services, { organizationId: s.organizationId, ...parsed.data });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect('/organization/agreement?done=published');
}

export default function OrganizationAgreement() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? page.values;
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('groups.agreement.manageTitle')} – Työpeili`}</title>
      <p>
        <a href="/groups">{t('groups.back')}</a>
      </p>
      <h1>{t('groups.agreement.manageTitle')}</h1>
      <p className="lead">{t('groups.agreement.manageLead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t('groups.notice.published')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['textFi', 'textSv', 'textEn']} />
      <Form method="post" className="stack" noValidate>
        <Field id="textFi" label={t('groups.agreement.textFi')} error={err('textFi')}>
          {(p) => <textarea {...p} rows={10} defaultValue={values.textFi} lang="fi" />}
        </Field>
        <Field id="textSv" label={t('groups.agreement.textSv')} error={err('textSv')}>
          {(p) => <textarea {...p} rows={10} defaultValue={values.textSv} lang="sv" />}
        </Field>
        <Field id="textEn" label={t('groups.agreement.textEn')} error={err('textEn')}>
          {(p) => <textarea {...p} rows={10} defaultValue={values.textEn} lang="en" />}
        </Field>
        <p>
          <button type="submit" className="button">
            {t('groups.agreement.publish')}
          </button>
        </p>
      </Form>
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t('groups.agreement.versions')}</h2>
        {page.versions.length ? (
          <ul className="plain-list">
            {page.versions.map((v) => (
              <li key={v.version}>{t('groups.agreement.versionLine', { version: v.version, date: format.date(v.createdAt) })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('groups.agreement.none')}</p>
        )}
      </section>
    </div>
  );
}
