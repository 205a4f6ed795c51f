// /profile/data-access: who has handled my data (GDPR Art. 15): every staff read that named
// the signed-in person (or their application), with who, why and when. Only ever one's own.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/data-access';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { listReadsAbout } from '../../../src/features/trust/audit.queries.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const reads = await listReadsAbout(state.services.db, { userId: actor.userId, email: actor.email });
  return { reads: reads.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export function headers() {
  return { 'Cache-Control': 'no-store' };
}

export default function DataAccess() {
  const t = useT();
  const f = useFormat();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('trust.access.title')} – Työpeili`}</title>
      <p>
        <a href="/profile">{t('trust.access.back')}</a>
      </p>
      <h1>{t('trust.access.title')}</h1>
      <p className="lead">{t('trust.access.lead')}</p>
      {d.reads.length === 0 ? (
        <p>{t('trust.access.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('trust.access.title')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('trust.access.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trust.access.when')}</th>
                <th scope="col">{t('trust.access.who')}</th>
                <th scope="col">{t('trust.access.why')}</th>
              </tr>
            </thead>
            <tbody>
              {d.reads.map((r, i) => (
                <tr key={i}>
                  <td>{f.date(r.createdAt, 'datetime')}</td>
                  <td>{r.actorName ?? t('trust.audit.system')}</td>
                  <td>{t(`trust.purpose.${r.purpose}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
