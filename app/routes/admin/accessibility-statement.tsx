// /admin/accessibility: an admin keeps the accessibility statement's facts up to date (status,
// dates, the feedback channel, the supervising authority and its contact). The public statement
// /accessibility reads them; its prose stays in the catalogs.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/accessibility-statement';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, RadioGroup, useFieldError, type FieldErrors } from '../../ui/form';
import { sitePolicy } from '../../../src/platform/policy/index.ts';
import { formatDateInput } from '../../../src/platform/validation/finnish-input.ts';
import {
  accessibilityStatementSchema,
  getAccessibilityStatement,
  updateAccessibilityStatement,
} from '../../../src/features/site/accessibility-statement.ts';
import { assessmentMethods, conformanceLevels } from '../../../src/features/site/site.schema.ts';

const textFields = [
  'preparedOn',
  'reviewedOn',
  'feedbackEmail',
  'feedbackPhone',
  'authorityNameFi',
  'authorityNameSv',
  'authorityNameEn',
  'authorityUrl',
  'authorityEmail',
  'authorityPhone',
] as const;
type Values = Record<(typeof textFields)[number] | 'conformance' | 'assessment', string>;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  if (!sitePolicy.editAccessibilityStatement(actor, null)) throw data(null, { status: 403 });
  const s = await getAccessibilityStatement(state.services.db);
  const values: Values = {
    conformance: s?.conformance ?? 'partial',
    assessment: s?.assessment ?? 'self',
    preparedOn: s ? formatDateInput(s.preparedOn) : '',
    reviewedOn: s ? formatDateInput(s.reviewedOn) : '',
    feedbackEmail: s?.feedbackEmail ?? '',
    feedbackPhone: s?.feedbackPhone ?? '',
    authorityNameFi: s?.authorityNameFi ?? '',
    authorityNameSv: s?.authorityNameSv ?? '',
    authorityNameEn: s?.authorityNameEn ?? '',
    authorityUrl: s?.authorityUrl ?? '',
    authorityEmail: s?.authorityEmail ?? '',
    authorityPhone: s?.authorityPhone ?? '',
  };
  return { notice: notice(new URL(request.url), ['saved'] as const), values };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  if (!sitePolicy.editAccessibilityStatement(actor, null)) throw data(null, { status: 403 });
  const form = await request.formData();
  const values = Object.fromEntries(['conformance', 'assessment', ...textFields].map((k) => [k, String(form.get(k) ?? '')])) as Values;
  const parsed = accessibilityStatementSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) as FieldErrors, values }, { status: 400 });
  await updateAccessibilityStatement(actor, state.services, parsed.data);
  return redirect('/admin/accessibility?done=saved');
}

export default function AccessibilityStatementAdmin() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const err = useFieldError(errors);
  const values = result?.values ?? page.values;
  const text = (name: (typeof textFields)[number], type: 'text' | 'email' | 'tel' | 'url' = 'text') => (
    <Field id={name} label={t(`site.a11yAdmin.${name}`)} error={err(name)}>
      {(p) => <input {...p} type={type} autoComplete="off" defaultValue={values[name]} />}
    </Field>
  );
  return (
    <div className="page">
      <title>{`${t('site.a11yAdmin.title')} – Työpeili`}</title>
      <h1>{t('site.a11yAdmin.title')}</h1>
      <p className="lead">{t('site.a11yAdmin.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t('site.a11yAdmin.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['conformance', 'assessment', ...textFields]} />
      <Form method="post" className="stack" noValidate>
        <RadioGroup
          name="conformance"
          legend={t('site.a11yAdmin.conformance')}
          error={err('conformance')}
          options={conformanceLevels.map((c) => ({ value: c, label: t(`site.a11yAdmin.conformance.${c}`), defaultChecked: values.conformance === c }))}
        />
        <RadioGroup
          name="assessment"
          legend={t('site.a11yAdmin.assessment')}
          error={err('assessment')}
          options={assessmentMethods.map((a) => ({ value: a, label: t(`site.a11yAdmin.assessment.${a}`), defaultChecked: values.assessment === a }))}
        />
        {text('preparedOn')}
        {text('reviewedOn')}
        {text('feedbackEmail', 'email')}
        {text('feedbackPhone', 'tel')}
        {text('authorityNameFi')}
        {text('authorityNameSv')}
        {text('authorityNameEn')}
        {text('authorityUrl', 'url')}
        {text('authorityEmail', 'email')}
        {text('authorityPhone', 'tel')}
        <div>
          <button type="submit" className="button">
            {t('site.a11yAdmin.save')}
          </button>
        </div>
      </Form>
      <p>
        <a href="/accessibility">{t('accessibility.title')}</a>
      </p>
    </div>
  );
}
