// /organization/training/:courseId: one course for the coordinator — its sessions with their
// materials (text, a video link or a file) and assignments, the completion rules, its cohorts,
// and a new cohort with a date, start, end and online link per session and its mentors.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/course-admin';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, RadioGroup, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, coursePolicy } from '../../../src/platform/policy/index.ts';
import { addCourseMaterial } from '../../../src/features/training/add-material.ts';
import { createCohort } from '../../../src/features/training/create-cohort.ts';
import { localized } from '../../../src/features/training/template.ts';
import { TrainingError } from '../../../src/features/training/training.errors.ts';
import { findCourse, listAssignments, listCohorts, listCourseSessions, listMaterials } from '../../../src/features/training/training.queries.ts';
import { cohortFormSchema, materialFormSchema, zonedSpan } from '../../../src/features/training/training.validation.ts';
import { mentorCandidates } from '../../../src/features/training/training.write.ts';

async function courseOf(db: Parameters<typeof findCourse>[0], actor: Parameters<typeof authorize>[0], organizationId: string | null, param: string | undefined) {
  const courseId = uuidParam(param);
  if (!organizationId) throw data(null, { status: 404 });
  try {
    authorize(actor, { organizationId }, coursePolicy.manage);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const course = await findCourse(db, { organizationId, courseId });
  if (!course) throw data(null, { status: 404 });
  return course;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const db = state.services.db;
  const course = await courseOf(db, actor, actor.organizationId, params.courseId);
  const { organizationId } = course;
  const locale = state.locale;
  const [sessions, assignments, materials, cohorts, mentors] = await Promise.all([
    listCourseSessions(db, { organizationId, courseId: course.id }),
    listAssignments(db, { organizationId, courseId: course.id }),
    listMaterials(db, { organizationId, courseId: course.id }),
    listCohorts(db, { organizationId, courseId: course.id }),
    mentorCandidates(db, { organizationId }),
  ]);
  return {
    course: { id: course.id, slug: course.slug, title: localized(course.title, locale), published: course.published, rules: course.completionRules },
    sessions: sessions.map((s) => ({
      id: s.id,
      position: s.position,
      title: localized(s.title, locale),
      assignments: assignments.filter((a) => a.assignment.sessionId === s.id).map((a) => ({ id: a.assignment.id, title: localized(a.assignment.title, locale), dueDaysAfter: a.assignment.dueDaysAfter })),
      materials: materials.filter((m) => m.material.sessionId === s.id).map((m) => ({ id: m.material.id, kind: m.material.kind, title: m.material.title })),
    })),
    cohorts: cohorts.map((c) => ({ id: c.id, name: c.name, status: c.status })),
    mentors,
    done: new URL(request.url).searchParams.get('done') === 'material',
  };
}

type ActionResult = { errors: FieldErrors; intent: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const course = await courseOf(state.services.db, actor, actor.organizationId, params.courseId);
  const { organizationId } = course;
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const intent = field('intent');
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ errors, intent }, { status });
  try {
    if (intent === 'cohort') {
      const sessions = await listCourseSessions(state.services.db, { organizationId, courseId: course.id });
      const parsed = cohortFormSchema.safeParse({
        name: field('name'),
        capacity: field('capacity'),
        mentorUserIds: form.getAll('mentorUserIds').map(String),
        sessions: sessions.map((s) => ({ date: field(`date-${s.position}`), start: field(`start-${s.position}`), end: field(`end-${s.position}`), onlineUrl: field(`url-${s.position}`) })),
      });
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        // A session's field: its issue path is sessions.N.field
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === 'sessions') errors[`${String(issue.path[2]) === 'onlineUrl' ? 'url' : String(issue.path[2])}-${Number(issue.path[1]) + 1}`] = issue.message as MessageKey;
        }
        delete errors.sessions;
        return fail(errors);
      }
      const { cohortId } = await createCohort(actor, state.services, {
        organizationId,
        courseId: course.id,
        name: parsed.data.name,
        capacity: parsed.data.capacity,
        mentorUserIds: parsed.data.mentorUserIds,
        sessions: parsed.data.sessions.map((s) => ({ ...zonedSpan(s), onlineUrl: s.onlineUrl })),
      });
      return redirect(`/training/cohorts/${cohortId}`);
    }
    if (intent === 'material') {
      const sessionId = uuidParam(field('sessionId'));
      const file = form.get('file');
      if (field('kind') === 'file') {
        if (!(file instanceof File) || file.size === 0) return fail({ file: 'materials.validation.fileRequired' });
        await addCourseMaterial(actor, state.services, { organizationId, sessionId, material: { kind: 'file', title: field('title'), fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
      } else {
        const parsed = materialFormSchema.safeParse({ kind: field('kind') || undefined, title: field('title'), body: field('body'), url: field('url') });
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        const m = parsed.data;
        await addCourseMaterial(actor, state.services, { organizationId, sessionId, material: m.kind === 'text' ? m : { kind: 'video', title: m.title, url: m.url! } });
      }
      return redirect(`/organization/training/${course.id}?done=material`);
    }
  } catch (error) {
    if (error instanceof TrainingError) return fail({ form: error.messageKey }, 409);
    rethrowAsResponse(error);
  }
  throw data(null, { status: 400 });
}

export default function CourseAdminPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (f: string) => (errors[f] ? t(errors[f]) : undefined);
  const sessionKeys = page.sessions.flatMap((s) => [`date-${s.position}`, `start-${s.position}`, `end-${s.position}`, `url-${s.position}`]);
  return (
    <div className="page">
      <title>{`${page.course.title} – Työpeili`}</title>
      <p>
        <a href="/organization/training">{t('training.courses.back')}</a>
      </p>
      <h1>{page.course.title}</h1>
      {page.done ? (
        <p role="status" className="notice">
          {t('training.materials.added')}
        </p>
      ) : null}
      <p>
        {page.course.published ? <a href={`/training/${page.course.slug}`}>{t('training.courses.publicPage')}</a> : t('training.courses.draft')} ·{' '}
        {t('training.rules.summary', { practice: page.course.rules.minPracticeMeetings })}
      </p>
      <ErrorSummary errors={errors} order={['form', 'name', 'capacity', 'mentorUserIds', ...sessionKeys, 'kind', 'title', 'body', 'url', 'file']} />

      <section aria-labelledby="cohorts-title" className="stack">
        <h2 id="cohorts-title">{t('training.cohorts.title')}</h2>
        <ul className="plain-list">
          {page.cohorts.map((c) => (
            <li key={c.id}>
              <a href={`/training/cohorts/${c.id}`}>{c.name}</a> · {t(`training.cohortStatus.${c.status}` as MessageKey)}
            </li>
          ))}
        </ul>
        <h3>{t('training.cohorts.new')}</h3>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="cohort" />
          <Field id="name" label={t('training.cohorts.name')} error={err('name')}>
            {(p) => <input {...p} type="text" required />}
          </Field>
          <Field id="capacity" label={t('training.cohorts.capacity')} error={err('capacity')}>
            {(p) => <input {...p} type="text" inputMode="numeric" defaultValue="15" />}
          </Field>
          <fieldset aria-describedby={errors.mentorUserIds ? 'mentorUserIds-error' : undefined}>
            <legend>{t('training.cohorts.mentors')}</legend>
            {errors.mentorUserIds ? (
              <p className="error-text" id="mentorUserIds-error">
                {err('mentorUserIds')}
              </p>
            ) : null}
            {page.mentors.map((m, i) => (
              <Choice key={m.userId} id={i === 0 ? 'mentorUserIds' : `mentor-${m.userId}`} name="mentorUserIds" value={m.userId} label={m.name} />
            ))}
          </fieldset>
          {page.sessions.map((s) => (
            <fieldset key={s.id} className="stack">
              <legend>{t('training.session.heading', { position: s.position, title: s.title })}</legend>
              <Field id={`date-${s.position}`} label={t('training.form.date')} hint={t('training.form.dateHint')} error={err(`date-${s.position}`)}>
                {(p) => <input {...p} type="text" inputMode="numeric" />}
              </Field>
              <Field id={`start-${s.position}`} label={t('training.form.start')} error={err(`start-${s.position}`)}>
                {(p) => <input {...p} type="text" inputMode="numeric" defaultValue="17.00" />}
              </Field>
              <Field id={`end-${s.position}`} label={t('training.form.end')} error={err(`end-${s.position}`)}>
                {(p) => <input {...p} type="text" inputMode="numeric" defaultValue="19.00" />}
              </Field>
              <Field id={`url-${s.position}`} label={t('training.form.onlineUrl')} error={err(`url-${s.position}`)}>
                {(p) => <input {...p} type="url" />}
              </Field>
            </fieldset>
          ))}
          <p>
            <button type="submit" className="button">
              {t('training.cohorts.create')}
            </button>
          </p>
        </Form>
      </section>

      {page.sessions.map((s) => (
        <section key={s.id} className="card stack" aria-labelledby={`session-${s.id}`}>
          <h2 id={`session-${s.id}`}>{t('training.session.heading', { position: s.position, title: s.title })}</h2>
          <h3>{t('training.assignments.title')}</h3>
          <ul className="plain-list">
            {s.assignments.map((a) => (
              <li key={a.id}>
                {a.title} · {t('training.assignments.dueDays', { days: a.dueDaysAfter })}
              </li>
            ))}
          </ul>
          <h3>{t('training.materials.title')}</h3>
          <ul className="plain-list">
            {s.materials.map((m) => (
              <li key={m.id}>
                {m.kind === 'file' ? <a href={`/training/materials/${m.id}`}>{m.title}</a> : m.title} · {t(`training.materials.kind.${m.kind}` as MessageKey)}
              </li>
            ))}
          </ul>
          <details>
            <summary>{t('training.materials.add')}</summary>
            <Form method="post" encType="multipart/form-data" className="stack">
              <input type="hidden" name="intent" value="material" />
              <input type="hidden" name="sessionId" value={s.id} />
              <RadioGroup
                name="kind"
                legend={t('training.materials.kindLegend')}
                options={(['text', 'video', 'file'] as const).map((k, i) => ({ value: k, label: t(`training.materials.kind.${k}`), defaultChecked: i === 0 }))}
              />
              <Field id={`title-${s.id}`} label={t('training.materials.titleField')}>
                {(p) => <input {...p} name="title" type="text" maxLength={200} />}
              </Field>
              <Field id={`body-${s.id}`} label={t('training.materials.body')}>
                {(p) => <textarea {...p} name="body" rows={5} />}
              </Field>
              <Field id={`url-m-${s.id}`} label={t('training.materials.url')}>
                {(p) => <input {...p} name="url" type="url" />}
              </Field>
              <Field id={`file-${s.id}`} label={t('training.materials.file')}>
                {(p) => <input {...p} name="file" type="file" />}
              </Field>
              <p>
                <button type="submit" className="button button--secondary">
                  {t('training.materials.save')}
                </button>
              </p>
            </Form>
          </details>
        </section>
      ))}
    </div>
  );
}
