// /organization/training: the coordinator's courses, and a new course from the template (the
// four sessions, their assignments and the competence rubric in fi/sv/en).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/courses';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { authorize, coursePolicy } from '../../../src/platform/policy/index.ts';
import { createCourseFromTemplate } from '../../../src/features/training/create-course.ts';
import { localized, templateCourse } from '../../../src/features/training/template.ts';
import { TrainingError } from '../../../src/features/training/training.errors.ts';
import { listCourses } from '../../../src/features/training/training.queries.ts';
import { courseFormSchema } from '../../../src/features/training/training.validation.ts';
import { defaultCompletionRules } from '../../../src/features/training/rules.ts';

function orgOf(actor: { organizationId: string | null }) {
  if (!actor.organizationId) throw data(null, { status: 404 });
  return actor.organizationId;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = orgOf(actor);
  try {
    authorize(actor, { organizationId }, coursePolicy.manage);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const courses = await listCourses(state.services.db, { organizationId });
  return {
    courses: courses.map((c) => ({ id: c.id, slug: c.slug, title: localized(c.title, state.locale), published: c.published })),
    defaultTitle: templateCourse.title.fi,
    defaultPractice: defaultCompletionRules.minPracticeMeetings,
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = orgOf(actor);
  const values = await formFields(request);
  const parsed = courseFormSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  let courseId: string;
  try {
    const title = parsed.data.titleFi === templateCourse.title.fi ? templateCourse.title : { ...templateCourse.title, fi: parsed.data.titleFi };
    ({ courseId } = await createCourseFromTemplate(actor, state.services, {
      organizationId,
      slug: parsed.data.slug,
      title,
      published: parsed.data.published === 'on',
      completionRules: { ...defaultCompletionRules, minPracticeMeetings: parsed.data.minPracticeMeetings },
    }));
  } catch (error) {
    if (error instanceof TrainingError) return data<ActionResult>({ errors: { slug: error.messageKey }, values }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/organization/training/${courseId}`);
}

export default function CoursesPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (f: string) => (errors[f] ? t(errors[f]) : undefined);
  return (
    <div className="page">
      <title>{`${t('training.courses.title')} – Työpeili`}</title>
      <h1>{t('training.courses.title')}</h1>
      {page.courses.length === 0 ? <p>{t('training.courses.none')}</p> : null}
      <ul className="plain-list">
        {page.courses.map((c) => (
          <li key={c.id}>
            <a href={`/organization/training/${c.id}`}>{c.title}</a> · {c.published ? t('training.courses.published') : t('training.courses.draft')}
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-title" className="stack">
        <h2 id="new-title">{t('training.courses.new')}</h2>
        <p>{t('training.courses.template')}</p>
        <ErrorSummary errors={errors} order={['titleFi', 'slug', 'minPracticeMeetings']} />
        <Form method="post" className="stack">
          <Field id="titleFi" label={t('training.courses.titleField')} error={err('titleFi')}>
            {(p) => <input {...p} type="text" defaultValue={result?.values.titleFi ?? page.defaultTitle} required />}
          </Field>
          <Field id="slug" label={t('training.courses.slug')} hint={t('training.courses.slugHint')} error={err('slug')}>
            {(p) => <input {...p} type="text" defaultValue={result?.values.slug ?? ''} required />}
          </Field>
          <Field id="minPracticeMeetings" label={t('training.courses.minPractice')} error={err('minPracticeMeetings')}>
            {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={result?.values.minPracticeMeetings ?? String(page.defaultPractice)} />}
          </Field>
          <Choice id="published" name="published" value="on" label={t('training.courses.publish')} defaultChecked={result?.values.published === 'on'} />
          <p>
            <button type="submit" className="button">
              {t('training.courses.create')}
            </button>
          </p>
        </Form>
      </section>
    </div>
  );
}
