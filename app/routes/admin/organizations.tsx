// /admin/organizations: every organisation, and a form to create one (admins only).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/organizations';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, type FieldErrors } from '../../ui/form';
import { can, organizationPolicy, researchExportPolicy } from '../../../src/platform/policy/index.ts';
import { listOrganizations } from '../../../src/features/organizations/organizations.queries.ts';
import { createOrganizationSchema } from '../../../src/features/organizations/organizations.validation.ts';
import { createOrganization } from '../../../src/features/organizations/create-organization.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  if (!organizationPolicy.list(actor, null)) throw data(null, { status: 403 });
  const created = new URL(request.url).searchParams.get('created');
  const organizations = await listOrganizations(state.services.db);
  return {
    created: created && organizations.some((o) => o.name === created) ? created : null,
    can: { create: organizationPolicy.create(actor, null) },
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, slug: o.slug, memberCount: o.memberCount, can: { ...can(organizationPolicy, actor, { organizationId: o.id }), researchExport: researchExportPolicy.export(actor, { organizationId: o.id }) } })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const parsed = createOrganizationSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) as FieldErrors, values: { name: form.name ?? '' } }, { status: 400 });
  if (!organizationPolicy.create(actor, null)) throw data(null, { status: 403 });
  const organization = await createOrganization(actor, state.services, parsed.data);
  return redirect(`/admin/organizations?created=${encodeURIComponent(organization.name)}`);
}

export default function AdminOrganizations() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('admin.orgs.title')} – Työpeili`}</title>
      <h1>{t('admin.orgs.title')}</h1>
      <p className="lead">{t('admin.orgs.lead')}</p>
      <p>
        <a href="/admin/accessibility">{t('site.a11yAdmin.link')}</a>
      </p>
      {page.created ? (
        <p className="notice notice--success" role="status">
          {t('admin.orgs.created', { name: page.created })}
        </p>
      ) : null}
      {page.organizations.length === 0 ? (
        <p>{t('admin.orgs.none')}</p>
      ) : (
        <ul className="cards">
          {page.organizations.map((o) => (
            <li className="card" key={o.id}>
              <h2 className="card-title">{o.name}</h2>
              <p className="muted">
                {t('admin.orgs.colSlug')}: {o.slug}
              </p>
              <p>
                {t('admin.orgs.colMembers')}: {o.memberCount}
              </p>
              {o.can.read ? (
                <p>
                  <a href={`/organization/members?organization=${o.id}`}>{t('admin.orgs.manageMembers', { name: o.name })}</a>
                </p>
              ) : null}
              {o.can.researchExport ? (
                <p>
                  <a href={`/admin/organizations/${o.id}/research-export`}>{t('admin.orgs.researchExport', { name: o.name })}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {page.can.create ? (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t('admin.orgs.createTitle')}</h2>
          <ErrorSummary errors={errors} order={['name']} />
          <Form method="post" className="stack" noValidate>
            <Field id="name" label={t('admin.orgs.nameLabel')} hint={t('admin.orgs.nameHint')} error={errors.name ? t(errors.name) : undefined}>
              {(p) => <input {...p} type="text" required autoComplete="organization" defaultValue={result?.values.name} />}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('admin.orgs.create')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
