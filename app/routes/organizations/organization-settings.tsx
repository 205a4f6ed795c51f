// /organization/settings: the coordinator chooses the municipalities the organisation serves
// (issue 11); the public application form preselects the organiser by them. A plain form: one
// checkbox per municipality, grouped by region; bad input changes nothing.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/organization-settings';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { useLocale, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { authorize, organizationPolicy } from '../../../src/platform/policy/index.ts';
import { findOrganization } from '../../../src/features/organizations/organizations.queries.ts';
import { listServedMunicipalities, servedMunicipalitiesSchema, setServedMunicipalities } from '../../../src/features/organizations/served-municipalities.ts';
import { municipalities, municipalityName, regions } from '../../../src/features/places/municipalities.ts';

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
  return { notice: notice(new URL(request.url), ['saved'] as const), organizationName: organization.name, served };
}

type ActionResult = { errors: FieldErrors; served: string[] };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  const posted = (await request.formData()).getAll('municipalities').map(String);
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
  const collator = new Intl.Collator(locale);
  return (
    <div className="page">
      <title>{`${t('org.settings.title')} – Työpeili`}</title>
      <h1>{t('org.settings.title')}</h1>
      <p className="lead">{page.organizationName}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t('org.settings.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['municipalities']} />
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
