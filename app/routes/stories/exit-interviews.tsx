// /groups/:groupId/exit-interviews: the group's exit interviews for its facilitators and the
// organisation's coordinators — the structured notes when a member leaves or the group closes,
// with themes. Anyone else (members, experts, funders, other organisations) gets 404: the notes
// stay inside the organisation and with the people who run the group. Each read is logged.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/exit-interviews';
import { requireActor } from '../../lib/state.server';
import { notice, uuidParam } from '../../lib/params.server';
import { useLocale, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { themeName } from '../../ui/knowledge';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { exitInterviewPolicy } from '../../../src/platform/policy/index.ts';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { locateGroup } from '../../../src/features/groups/locate.ts';
import { findGroupResource } from '../../../src/features/groups/groups.queries.ts';
import { listThemes } from '../../../src/features/knowledge/knowledge.queries.ts';
import { listInterviewableMembers, readExitInterviews, recordExitInterview } from '../../../src/features/stories/exit-interviews.ts';
import { exitInterviewSchema } from '../../../src/features/stories/stories.validation.ts';

const answerFields = ['whatChanged', 'whatHelped', 'whatWasHard', 'whatNext', 'wouldRecommend'] as const;

async function allowedGroup(services: Pick<Services, 'db'>, actor: Actor, groupIdParam: string | undefined) {
  const groupId = uuidParam(groupIdParam);
  const organizationId = await locateGroup(services.db, actor, groupId);
  const group = organizationId ? await findGroupResource(services.db, { organizationId, groupId }) : null;
  if (!group || !exitInterviewPolicy.read(actor, group)) throw data(null, { status: 404 });
  return group;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db } = state.services;
  const group = await allowedGroup(state.services, actor, params.groupId);
  const input = { organizationId: group.organizationId, groupId: group.id };
  const [interviews, members, themes] = [
    await readExitInterviews(actor, state.services, input),
    await listInterviewableMembers(db, input),
    await listThemes(db),
  ];
  return {
    notice: notice(new URL(request.url), ['recorded'] as const),
    group: { id: group.id, name: group.name },
    members: members.map((m) => ({ id: m.userId, name: m.name })),
    themes: themes.map((x) => ({ code: x.code, fi: x.nameFi, sv: x.nameSv, en: x.nameEn })),
    interviews: interviews.map((i) => ({
      id: i.id,
      name: i.name,
      date: formatDateTime(state.locale, new Date(`${i.interviewedOn}T12:00:00Z`), 'date'),
      answers: answerFields.map((f) => ({ field: f, text: i[f] })),
      themes: i.themes,
    })),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const group = await allowedGroup(state.services, actor, params.groupId);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && k !== 'themes') values[k] = v;
  const parsed = exitInterviewSchema.safeParse({ ...values, themes: form.getAll('themes').filter((x) => typeof x === 'string') });
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    await recordExitInterview(actor, state.services, { organizationId: group.organizationId, groupId: group.id, ...parsed.data });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/groups/${group.id}/exit-interviews?done=recorded`);
}

export function meta() {
  return [];
}

export default function ExitInterviews() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors; values: Record<string, string> } | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const err = (f: string) => (errors[f] ? t(errors[f]) : undefined);
  const themeLabel = new Map(page.themes.map((x) => [x.code, themeName({ nameFi: x.fi, nameSv: x.sv, nameEn: x.en }, locale)]));
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {err(name) ? (
        <p className="error-text" id={`${name}-error`}>
          {err(name)}
        </p>
      ) : null}
      {input}
    </div>
  );
  const aria = (name: string) => ({ 'aria-invalid': err(name) ? true : undefined, 'aria-describedby': err(name) ? `${name}-error` : undefined });
  return (
    <div className="page">
      <title>{`${t('exitInterviews.title')} – ${page.group.name} – Työpeili`}</title>
      <p>
        <a href={`/groups/${page.group.id}`}>{page.group.name}</a>
      </p>
      <h1>{t('exitInterviews.title')}</h1>
      <p className="lead">{t('exitInterviews.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t('exitInterviews.notice.recorded')}
        </p>
      ) : null}
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('exitInterviews.listTitle')}</h2>
        {page.interviews.length === 0 ? <p>{t('exitInterviews.none')}</p> : null}
        {page.interviews.map((i) => (
          <article key={i.id} className="card" aria-labelledby={`ei-${i.id}`}>
            <h3 id={`ei-${i.id}`}>
              {i.name} · {i.date}
            </h3>
            <dl>
              {i.answers.map((a) => (
                <div key={a.field}>
                  <dt>{t(`exitInterviews.field.${a.field}`)}</dt>
                  <dd>{a.text || '–'}</dd>
                </div>
              ))}
            </dl>
            {i.themes.length ? <p className="hint">{i.themes.map((c) => themeLabel.get(c) ?? c).join(' · ')}</p> : null}
          </article>
        ))}
      </section>
      <h2 id="new-title">{t('exitInterviews.newTitle')}</h2>
      <ErrorSummary errors={errors} order={['form', 'userId', 'interviewedOn', ...answerFields, 'themes']} />
      <Form method="post" aria-labelledby="new-title">
        {field(
          'userId',
          t('exitInterviews.member'),
          <select id="userId" name="userId" defaultValue={values.userId ?? ''} {...aria('userId')}>
            <option value="">{t('stories.manage.choosePerson')}</option>
            {page.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'interviewedOn',
          t('exitInterviews.date'),
          <input type="date" id="interviewedOn" name="interviewedOn" defaultValue={values.interviewedOn ?? page.today} {...aria('interviewedOn')} />,
        )}
        {answerFields.map((f) => (
          <div key={f}>{field(f, t(`exitInterviews.field.${f}`), <textarea id={f} name={f} rows={3} defaultValue={values[f] ?? ''} {...aria(f)} />)}</div>
        ))}
        <fieldset>
          <legend>{t('exitInterviews.themes')}</legend>
          {page.themes.map((x, i) => (
            <Choice key={x.code} id={i === 0 ? 'themes' : `themes-${x.code}`} name="themes" value={x.code} label={themeLabel.get(x.code)} />
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t('exitInterviews.record')}
        </button>
      </Form>
    </div>
  );
}
