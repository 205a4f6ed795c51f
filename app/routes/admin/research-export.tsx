// /admin/organizations/:organizationId/research-export: an installation admin downloads an
// organisation's pseudonymised individual-level answers for research, stating the purpose
// (recorded in the audit log by the use case).
import { createContext, data, Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/research-export';
import { requireActor } from '../../lib/state.server';
import { formFields, uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Tx } from '../../../src/platform/db/db.ts';
import { createTranslator, type MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { authorize, researchExportPolicy } from '../../../src/platform/policy/index.ts';
import { findOrganization } from '../../../src/features/organizations/organizations.queries.ts';
import { exportResearchAnswers, researchCsv } from '../../../src/features/outcomes/export-research-answers.ts';
import { researchExportSchema } from '../../../src/features/outcomes/outcomes.validation.ts';

// React Router renders the page after a page's action, so a successful export leaves its file
// here and the middleware answers with it instead of the page.
const download = createContext<Response | null>(null);

export const middleware: Route.MiddlewareFunction[] = [
  async ({ context }, next) => {
    const page = await next();
    return context.get(download) ?? page;
  },
];

// Authorised before the lookup, so a non-admin cannot tell which organisations exist.
async function organizationFor(actor: Actor, db: Tx, param: string | undefined) {
  const organizationId = uuidParam(param);
  try {
    authorize(actor, { organizationId }, researchExportPolicy.export);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const organization = await findOrganization(db, { organizationId });
  if (!organization) throw data(null, { status: 404 });
  return organization;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organization = await organizationFor(actor, state.services.db, params.organizationId);
  return { organization: { name: organization.name } };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context, params }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organization = await organizationFor(actor, state.services.db, params.organizationId);
  const form = await formFields(request);
  const parsed = researchExportSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: { purpose: form.purpose ?? '' } }, { status: 400 });
  let rows;
  try {
    rows = await exportResearchAnswers(actor, state.services, { organizationId: organization.id, purpose: parsed.data.purpose });
  } catch (error) {
    rethrowAsResponse(error);
  }
  const t = createTranslator(state.locale);
  const date = new Date().toISOString().slice(0, 10);
  context.set(
    download,
    new Response(researchCsv(rows, state.locale), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': contentDisposition(`${t('admin.research.filePrefix')}-${organization.slug}-${date}.csv`),
        'Cache-Control': 'no-store',
      },
    }),
  );
  return null;
}

export default function AdminResearchExport() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('admin.research.title')} – ${page.organization.name} – Työpeili`}</title>
      <p>
        <a href="/admin/organizations">{t('admin.research.back')}</a>
      </p>
      <h1>{t('admin.research.title')}</h1>
      <p className="lead">{t('admin.research.lead', { name: page.organization.name })}</p>
      <section aria-labelledby="contents-title">
        <h2 id="contents-title">{t('admin.research.contentsTitle')}</h2>
        <ul>
          <li>{t('admin.research.contentsPerson')}</li>
          <li>{t('admin.research.contentsKind')}</li>
          <li>{t('admin.research.contentsSubmitted')}</li>
          <li>{t('admin.research.contentsAnswer')}</li>
        </ul>
        <p>{t('admin.research.consent')}</p>
        <p>{t('admin.research.audit')}</p>
        <p>{t('admin.research.format')}</p>
      </section>
      <ErrorSummary errors={errors} order={['purpose']} />
      {/* A document submission, so the browser receives the CSV as a download. */}
      <Form method="post" className="stack" noValidate reloadDocument>
        <Field id="purpose" label={t('admin.research.purposeLabel')} hint={t('admin.research.purposeHint')} error={err('purpose')}>
          {(p) => <textarea {...p} rows={4} required defaultValue={result?.values.purpose} />}
        </Field>
        <p>
          <button type="submit" className="button">
            {t('admin.research.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
