// /organization/programmes/:programmeId/participants: the lead organisation's coordinators read the
// participants' start and end data for reporting (each opening is in the audit log).
import { useLoaderData } from 'react-router';
import type { Route } from './+types/programme-participants';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { readParticipants } from '../../../src/features/programmes/read-participants.ts';
import { specialItems } from '../../../src/features/programmes/indicators.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const programmeId = uuidParam(params.programmeId);
  try {
    const { loaded, participants } = await readParticipants(actor, state.services, { programmeId });
    return {
      id: loaded.programme.id,
      name: loaded.programme.name,
      asksSpecial: loaded.programme.asksSpecialCategories,
      participants: participants.map((p) => ({
        userId: p.userId,
        name: p.name,
        startedOn: p.start.startedOn,
        gender: p.start.gender,
        employmentStatus: p.start.employmentStatus,
        ageBand: p.start.ageBand,
        education: p.start.education,
        special: Object.fromEntries(specialItems.map((item) => [item, p.start[item]])) as Record<string, string | null>,
        endedOn: p.end?.endedOn ?? null,
        situations: p.end?.situations ?? null,
      })),
    };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function ProgrammeParticipants() {
  const t = useT();
  const f = useFormat();
  const page = useLoaderData<typeof loader>();
  const answer = (prefix: string, value: string | null) => (value ? t(`${prefix}.${value}` as MessageKey) : t('programmes.start.unanswered'));
  return (
    <div className="page page--wide">
      <title>{`${t('programmes.participants.title')} – Työpeili`}</title>
      <p>
        <a href={`/organization/programmes/${page.id}`}>{t('programmes.backTo', { name: page.name })}</a>
      </p>
      <h1>{t('programmes.participants.title')}</h1>
      <p className="lead">{t('programmes.participants.audit')}</p>
      <p>{t('programmes.participants.count', { count: page.participants.length })}</p>
      {page.participants.length === 0 ? null : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="participants-caption">
          <table>
            <caption id="participants-caption">{t('programmes.participants.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.participants.name')}</th>
                <th scope="col">{t('programmes.start.startedOn')}</th>
                <th scope="col">{t('programmes.start.gender')}</th>
                <th scope="col">{t('programmes.start.employment')}</th>
                <th scope="col">{t('programmes.start.ageBand')}</th>
                <th scope="col">{t('programmes.start.education')}</th>
                {page.asksSpecial ? specialItems.map((item) => <th scope="col" key={item}>{t(`programmes.special.${item}`)}</th>) : null}
                <th scope="col">{t('programmes.end.endedOn')}</th>
                <th scope="col">{t('programmes.end.situations')}</th>
              </tr>
            </thead>
            <tbody>
              {page.participants.map((p) => (
                <tr key={p.userId}>
                  <th scope="row">{p.name}</th>
                  <td>{f.date(p.startedOn)}</td>
                  <td>{answer('programmes.gender', p.gender)}</td>
                  <td>{answer('programmes.employment', p.employmentStatus)}</td>
                  <td>{answer('programmes.age', p.ageBand)}</td>
                  <td>{answer('programmes.education', p.education)}</td>
                  {page.asksSpecial ? specialItems.map((item) => <td key={item}>{answer('programmes.answer', p.special[item] ?? null)}</td>) : null}
                  <td>{p.endedOn ? f.date(p.endedOn) : '–'}</td>
                  <td>{p.situations === null ? '–' : p.situations.length === 0 ? t('programmes.start.unanswered') : p.situations.map((s) => t(`programmes.situation.${s}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
