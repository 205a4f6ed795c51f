// /organization/newsletters/:newsletterId/edit: change a draft (a sent mailing cannot change).
import { data, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/admin-newsletter-edit';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { loadManagedNewsletter, newsletterValues } from '../../lib/newsletters.server';
import { useT } from '../../lib/i18n';
import { fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { NewsletterForm } from '../../ui/newsletter-form';
import { newsletterPolicy } from '../../../src/platform/policy/index.ts';
import { audienceTargets } from '../../../src/features/newsletters/newsletters.queries.ts';
import { newsletterSchema } from '../../../src/features/newsletters/newsletters.validation.ts';
import { updateNewsletter } from '../../../src/features/newsletters/manage-newsletters.ts';
import { AudienceTargetError } from '../../../src/features/newsletters/newsletters.errors.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const newsletter = await loadManagedNewsletter(state.services, actor, params.newsletterId, newsletterPolicy.edit);
  return { values: newsletterValues(newsletter), targets: await audienceTargets(state.services.db, { organizationId: newsletter.organizationId }) };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const newsletter = await loadManagedNewsletter(state.services, actor, params.newsletterId, newsletterPolicy.edit);
  const form = await formFields(request);
  const parsed = newsletterSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    await updateNewsletter(actor, state.services, { organizationId: newsletter.organizationId, newsletterId: newsletter.id, ...parsed.data });
    return redirect(`/organization/newsletters/${newsletter.id}?done=saved`);
  } catch (error) {
    if (error instanceof AudienceTargetError) return data<ActionResult>({ errors: { form: 'newsletters.error.target' }, values: form }, { status: 400 });
    rethrowAsResponse(error);
  }
}

export default function EditNewsletter() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <div className="page">
      <title>{`${t('newsletters.form.editTitle')} – Työpeili`}</title>
      <h1>{t('newsletters.form.editTitle')}</h1>
      <NewsletterForm values={result?.values ?? page.values} errors={result?.errors ?? {}} targets={page.targets} />
    </div>
  );
}
