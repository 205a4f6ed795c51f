// /organization/settings: the coordinator chooses the municipalities the organisation serves
// (issue 11); the public application form preselects the organiser by them. A plain form: one
// checkbox per municipality, grouped by region; bad input changes nothing. Also the public contact
// (e-mail, phone, address) shown on the organisation's public page /organizations/:slug (issue 14).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/organization-settings';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { useLocale, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { authorize, organizationPolicy } from '../../../src/platform/policy/index.ts';
import { findOrganization } from '../../../src/features/organizations/organizations.queries.ts';
import { listServedMunicipalities, servedMunicipalitiesSchema, setServedMunicipalities } from '../../../src/features/organizations/served-municipalities.ts';
import { municipalities, municipalityName, regions } from '../../../src/features/places/municipalities.ts';
import { publicContactSchema, setPublicContact } from '../../../src/features/organizations/public-organizations.ts';

function organizationOf(organizationId: string | null): string {
  if (!organizationId) throw data(null, { status: 404 });
  return organizationId;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  try {
    authorize(actor, { organizationId }, organizationPolicy.manageSettings);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const [organization, served] = await Promise.all([
    findOrganization(state.services.db, { organizationId }),
    listServedMunicipalities(state.services.db, { organizationId }),
  ]);
  if (!organization) throw data(null, { status: 404 });
  return {
    notice: notice(new URL(request.url), ['saved', 'contact'] as const),
    organizationName: organization.name,
    publicUrl: `${state.services.config.appUrl}/organizations/${organization.slug}`,
    contact: { publicEmail: organization.publicEmail ?? '', publicPhone: organization.publicPhone ?? '', publicAddress: organization.publicAddress ?? '' },
    served,
  };
}

type ActionResult = { errors: FieldErrors; served: string[]; contact?: Record<'publicEmail' | 'publicPhone' | 'publicAddress', string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  const form = await request.formData();
  if (form.get('intent') === 'contact') {
    const posted = {
      publicEmail: String(form.get('publicEmail') ?? ''),
      publicPhone: String(form.get('publicPhone') ?? ''),
      publicAddress: String(form.get('publicAddress') ?? ''),
    };
    const contact = publicContactSchema.safeParse(posted);
    if (!contact.success) return data<ActionResult>({ errors: fieldErrors(contact.error), served: [], contact: posted }, { status: 400 });
    try {
      await setPublicContact(actor, state.services, { organizationId, ...contact.data });
    } catch (error) {
      rethrowAsResponse(error);
    }
    return redirect('/organization/settings?done=contact');
  }
  const posted = form.getAll('municipalities').map(String);
  const parsed = servedMunicipalitiesSchema.safeParse({ municipalities: posted });
  if (!parsed.success)
    return data<ActionResult>(
      { errors: { municipalities: fieldErrors(parsed.error).municipalities ?? 'org.settings.municipalityUnknown' }, served: [] },
      { status: 400 },
    );
  try {
    await setServedMunicipalities(actor, state.services, { organizationId, municipalities: parsed.data.municipalities });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect('/organization/settings?done=saved');
}

export default function OrganizationSettings() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const served = new Set(page.served);
  const contact = result?.contact ?? page.contact;
  const collator = new Intl.Collator(locale);
  return (
    <div className="page">
      <title>{`${t('org.settings.title')} – Työpeili`}</title>
      <h1>{t('org.settings.title')}</h1>
      <p className="lead">{page.organizationName}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(page.notice === 'contact' ? 'site.contact.saved' : 'org.settings.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['publicEmail', 'publicPhone', 'publicAddress', 'municipalities']} />
      <Form method="post" className="stack" aria-labelledby="contact-title" noValidate>
        <input type="hidden" name="intent" value="contact" />
        <h2 id="contact-title">{t('site.contact.title')}</h2>
        <p className="hint">{t('site.contact.hint', { url: page.publicUrl })}</p>
        <Field id="publicEmail" label={t('site.contact.email')} error={errors.publicEmail ? t(errors.publicEmail) : undefined}>
          {(p) => <input {...p} type="email" autoComplete="off" defaultValue={contact.publicEmail} />}
        </Field>
        <Field id="publicPhone" label={t('site.contact.phone')} error={errors.publicPhone ? t(errors.publicPhone) : undefined}>
          {(p) => <input {...p} type="tel" autoComplete="off" defaultValue={contact.publicPhone} />}
        </Field>
        <Field id="publicAddress" label={t('site.contact.address')} error={errors.publicAddress ? t(errors.publicAddress) : undefined}>
          {(p) => <input {...p} type="text" autoComplete="off" defaultValue={contact.publicAddress} />}
        </Field>
        <div>
          <button type="submit" className="button">
            {t('site.contact.save')}
          </button>
        </div>
      </Form>
      <Form method="post" className="stack">
        <fieldset className="field" aria-describedby={errors.municipalities ? 'municipalities-hint municipalities-error' : 'municipalities-hint'}>
          <legend>
            <h2 id="municipalities">{t('org.settings.municipalitiesTitle')}</h2>
          </legend>
          <p className="hint" id="municipalities-hint">
            {t('org.settings.municipalitiesHint', { count: served.size })}
          </p>
          {errors.municipalities ? (
            <p className="error-text" id="municipalities-error">
              {t(errors.municipalities)}
            </p>
          ) : null}
          {regions.map((r) => {
            const inRegion = municipalities
              .filter((m) => m.region === r.fi)
              .map((m) => ({ code: m.code, label: municipalityName(m.code, locale) ?? m.fi }))
              .sort((a, b) => collator.compare(a.label, b.label));
            const chosen = inRegion.filter((m) => served.has(m.code)).length;
            return (
              <details key={r.code} open={chosen > 0}>
                <summary>{t('org.settings.region', { region: r[locale], count: chosen })}</summary>
                <div className="stack">
                  {inRegion.map((m) => (
                    <Choice
                      key={m.code}
                      id={`municipality-${m.code}`}
                      name="municipalities"
                      value={m.code}
                      defaultChecked={served.has(m.code)}
                      label={m.label}
                    />
                  ))}
                </div>
              </details>
            );
          })}
        </fieldset>
        <div>
          <button type="submit" className="button">
            {t('org.settings.save')}
          </button>
        </div>
      </Form>
    </div>
  );
}
