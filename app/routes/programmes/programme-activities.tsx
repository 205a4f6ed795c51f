// /organization/programmes/:programmeId/activities: the organisation the person works in ticks
// which of its own groups, events (within the programme's dates) and 1:1 advice sessions belong
// to the programme. Event attendees are never counted as participants.
import { data, Form, redirect, useLoaderData } from 'react-router';
import type { Route } from './+types/programme-activities';
import { requireActor } from '../../lib/state.server';
import { loadProgrammeFor } from '../../lib/programmes.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, rethrowAsResponse } from '../../ui/form';
import { programmePolicy } from '../../../src/platform/policy/index.ts';
import { linkCandidates, type ActivityKind } from '../../../src/features/programmes/programmes.queries.ts';
import { linkActivities } from '../../../src/features/programmes/link-activities.ts';
import { linksFormSchema } from '../../../src/features/programmes/programmes.validation.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { programme } = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.linkActivities);
  const candidates = await linkCandidates(state.services.db, { organizationId: actor.organizationId!, programme });
  return { id: programme.id, name: programme.name, candidates };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { programme } = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.linkActivities);
  const form = await request.formData();
  const parsed = linksFormSchema.safeParse({
    groupIds: form.getAll('groupIds').map(String),
    eventIds: form.getAll('eventIds').map(String),
    sessionIds: form.getAll('sessionIds').map(String),
  });
  if (!parsed.success) throw data(null, { status: 400 });
  try {
    await linkActivities(actor, state.services, { programmeId: programme.id, organizationId: actor.organizationId!, ...parsed.data });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/organization/programmes/${programme.id}?done=links#activities-title`);
}

const fields: Record<ActivityKind, string> = { group: 'groupIds', event: 'eventIds', advice: 'sessionIds' };

export default function ProgrammeActivities() {
  const t = useT();
  const f = useFormat();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('programmes.activities.title')} – Työpeili`}</title>
      <p>
        <a href={`/organization/programmes/${page.id}`}>{t('programmes.backTo', { name: page.name })}</a>
      </p>
      <h1>{t('programmes.activities.title')}</h1>
      <p className="lead">{t('programmes.activities.lead')}</p>
      <Form method="post" className="stack">
        {(['group', 'event', 'advice'] as const).map((kind) => (
          <fieldset key={kind}>
            <legend>{t(`programmes.activities.kind.${kind}`)}</legend>
            {page.candidates[kind].length === 0 ? <p>{t('programmes.activities.none')}</p> : null}
            {page.candidates[kind].map((c) => (
              <Choice
                key={c.id}
                id={`${kind}-${c.id}`}
                name={fields[kind]}
                value={c.id}
                defaultChecked={c.linked}
                disabled={c.otherProgramme !== null}
                label={
                  <>
                    {c.label}
                    {kind === 'group' ? null : `, ${f.date(c.at)}`}
                    {c.otherProgramme ? ` (${t('programmes.activities.inOther', { name: c.otherProgramme })})` : null}
                  </>
                }
              />
            ))}
          </fieldset>
        ))}
        <p>
          <button type="submit" className="button">
            {t('programmes.activities.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
