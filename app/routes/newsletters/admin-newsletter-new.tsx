// /organization/newsletters/new: compose a newsletter (Markdown per language) and choose its audience; saved as a draft, then the preview.
import { data, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/admin-newsletter-new';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { requireNewsletterOrganization } from '../../lib/newsletters.server';
import { useT } from '../../lib/i18n';
import { fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { NewsletterForm } from '../../ui/newsletter-form';
import { audienceTargets } from '../../../src/features/newsletters/newsletters.queries.ts';
import { newsletterSchema } from '../../../src/features/newsletters/newsletters.validation.ts';
import { createNewsletter } from '../../../src/features/newsletters/manage-newsletters.ts';
import { AudienceTargetError } from '../../../src/features/newsletters/newsletters.errors.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireNewsletterOrganization(actor);
  return { targets: await audienceTargets(state.services.db, { organizationId }) };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireNewsletterOrganization(actor);
  const form = await formFields(request);
  const parsed = newsletterSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    const created = await createNewsletter(actor, state.services, { organizationId, ...parsed.data });
    return redirect(`/organization/newsletters/${created.id}?done=created`);
  } catch (error) {
    if (error instanceof AudienceTargetError) return data<ActionResult>({ errors: { form: 'newsletters.error.target' }, values: form }, { status: 400 });
    rethrowAsResponse(error);
  }
}

export default function NewNewsletter() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <div className="page">
      <title>{`${t('newsletters.form.newTitle')} – Työpeili`}</title>
      <h1>{t('newsletters.form.newTitle')}</h1>
      <NewsletterForm values={result?.values ?? {}} errors={result?.errors ?? {}} targets={page.targets} />
    </div>
  );
}
